-- A frozen submission never changes: later edits go to the live data or a new snapshot.
CREATE OR REPLACE FUNCTION iga_submissions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'iga_submissions is insert-only: a frozen submission never changes';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER iga_submissions_insert_only
  BEFORE UPDATE OR DELETE ON iga_submissions
  FOR EACH ROW EXECUTE FUNCTION iga_submissions_refuse_change();
--> statement-breakpoint
CREATE TRIGGER iga_submissions_no_truncate
  BEFORE TRUNCATE ON iga_submissions
  FOR EACH STATEMENT EXECUTE FUNCTION iga_submissions_refuse_change();
