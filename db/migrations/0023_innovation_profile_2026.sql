ALTER TABLE "innovations" ADD COLUMN "classification" text;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "latitude" numeric(9, 6);--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "longitude" numeric(9, 6);--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "asta_cita" integer;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "priority_cluster" text;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "latest_development_date" date;--> statement-breakpoint
-- Coordinates in WGS84 degrees, both or neither; Asta Cita is one of the eight missions.
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_coordinates_ck" CHECK (("latitude" IS NULL) = ("longitude" IS NULL) AND ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180)));--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_asta_cita_ck" CHECK ("asta_cita" IS NULL OR "asta_cita" BETWEEN 1 AND 8);--> statement-breakpoint
-- The 2026 rule set (and any later year cloned from it) asks for the 2026 profile fields; a stored
-- framework seeded before this migration gets the list, unless an admin already set one.
UPDATE "iga_frameworks"
SET "formula" = "formula" || '{"requiredProfileFields":["classification","coordinates","astaCita","priorityCluster","latestDevelopmentDate"]}'::jsonb,
    "parameter_status" = "parameter_status" || '{"requiredProfileFields":{"status":"official","note":"Classification, coordinates, Asta Cita priority, national-priority cluster and latest-development date, per the 2026 letter (second-hand); the lists of classifications and clusters are assumed."}}'::jsonb
WHERE "year" >= 2026 AND NOT ("formula" ? 'requiredProfileFields');
