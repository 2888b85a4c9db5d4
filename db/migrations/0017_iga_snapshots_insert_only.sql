-- A frozen submission never changes: later edits go to the live data or a new snapshot.
CREATE OR REPLACE FUNCTION iga_snapshots_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'iga_snapshots is insert-only: a frozen submission never changes';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER iga_snapshots_insert_only
  BEFORE UPDATE OR DELETE ON iga_snapshots
  FOR EACH ROW EXECUTE FUNCTION iga_snapshots_refuse_change();
--> statement-breakpoint
CREATE TRIGGER iga_snapshots_no_truncate
  BEFORE TRUNCATE ON iga_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION iga_snapshots_refuse_change();
