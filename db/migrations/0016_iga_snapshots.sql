CREATE TABLE "iga_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" jsonb NOT NULL,
	"index" numeric(6, 2) NOT NULL,
	"category" text NOT NULL,
	"innovation_count" integer NOT NULL,
	"agency_ids" uuid[] DEFAULT '{}' NOT NULL,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"override_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "iga_snapshots_region_id_uq" ON "iga_snapshots" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "iga_snapshots_region_year_idx" ON "iga_snapshots" USING btree ("region_code","year","created_at");