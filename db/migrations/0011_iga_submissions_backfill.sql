-- Before submission tracking, every live innovation of a year counted toward that year's n and SID.
-- Existing installs keep their estimate: those innovations are recorded as submitted for their year.
INSERT INTO "iga_submissions" ("region_code", "year", "innovation_id", "status")
SELECT "region_code", "year_applied", "id", 'submitted' FROM "innovations" WHERE "archived_at" IS NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "iga_submission_events" ("region_code", "year", "innovation_id", "from_status", "to_status", "comment")
SELECT "region_code", "year", "innovation_id", 'draft', 'submitted', 'Counted before submission tracking existed (migration 0011).' FROM "iga_submissions";
