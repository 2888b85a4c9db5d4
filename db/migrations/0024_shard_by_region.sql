-- Every regional table shardable by region_code (docs/scaling.md): its primary key and unique
-- indexes begin with region_code and its foreign keys to other regional tables carry it, the rule
-- that both PostgreSQL's list partitioning and Citus's co-location impose.
ALTER TABLE "users" DROP CONSTRAINT "users_agency_id_agencies_id_fk";
--> statement-breakpoint
ALTER TABLE "innovations" DROP CONSTRAINT "innovations_agency_id_agencies_id_fk";
--> statement-breakpoint
ALTER TABLE "iga_assessments" DROP CONSTRAINT "iga_assessments_innovation_id_innovations_id_fk";
--> statement-breakpoint
ALTER TABLE "iga_evidence" DROP CONSTRAINT "iga_evidence_assessment_id_iga_assessments_id_fk";
--> statement-breakpoint
ALTER TABLE "import_batches" DROP CONSTRAINT "import_batches_innovation_id_innovations_id_fk";
--> statement-breakpoint
ALTER TABLE "service_records" DROP CONSTRAINT "service_records_innovation_id_innovations_id_fk";
--> statement-breakpoint
ALTER TABLE "service_records" DROP CONSTRAINT "service_records_resident_id_residents_id_fk";
--> statement-breakpoint
ALTER TABLE "service_records" DROP CONSTRAINT "service_records_batch_id_import_batches_id_fk";
--> statement-breakpoint
ALTER TABLE "iga_submissions" DROP CONSTRAINT "iga_submissions_innovation_id_innovations_id_fk";
--> statement-breakpoint
ALTER TABLE "service_cells" DROP CONSTRAINT "service_cells_batch_id_import_batches_id_fk";
--> statement-breakpoint
ALTER TABLE "service_cells" DROP CONSTRAINT "service_cells_innovation_id_innovations_id_fk";
--> statement-breakpoint
DROP INDEX "iga_snapshots_region_id_uq";--> statement-breakpoint
DROP INDEX "service_records_unique_uq";--> statement-breakpoint
ALTER TABLE "agencies" DROP CONSTRAINT "agencies_pkey";--> statement-breakpoint
ALTER TABLE "innovations" DROP CONSTRAINT "innovations_pkey";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
-- Rows no region owns (the demo seed, rule sets, an interrupted import) get the deployment's region
-- "00" (DEPLOYMENT_REGION). The append-only trigger refuses this one UPDATE, so it is off for it alone.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_append_only";--> statement-breakpoint
UPDATE "audit_log" SET "region_code" = '00' WHERE "region_code" IS NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_append_only";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "region_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "iga_assessments" DROP CONSTRAINT "iga_assessments_pkey";--> statement-breakpoint
ALTER TABLE "iga_evidence" DROP CONSTRAINT "iga_evidence_pkey";--> statement-breakpoint
ALTER TABLE "import_batches" DROP CONSTRAINT "import_batches_pkey";--> statement-breakpoint
ALTER TABLE "residents" DROP CONSTRAINT "residents_pkey";--> statement-breakpoint
ALTER TABLE "service_records" DROP CONSTRAINT "service_records_pkey";--> statement-breakpoint
ALTER TABLE "iga_snapshots" DROP CONSTRAINT "iga_snapshots_pkey";--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_pk" PRIMARY KEY("region_code","id");--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_pk" PRIMARY KEY("region_code","id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_pk" PRIMARY KEY("region_code","id");--> statement-breakpoint
ALTER TABLE "iga_assessments" ADD CONSTRAINT "iga_assessments_pk" PRIMARY KEY("region_code","id");--> statement-breakpoint
ALTER TABLE "iga_evidence" ADD CONSTRAINT "iga_evidence_pk" PRIMARY KEY("region_code","id");--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_pk" PRIMARY KEY("region_code","id");--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_pk" PRIMARY KEY("region_code","id");--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_pk" PRIMARY KEY("region_code","id");--> statement-breakpoint
ALTER TABLE "iga_snapshots" ADD CONSTRAINT "iga_snapshots_pk" PRIMARY KEY("region_code","id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_fk" FOREIGN KEY ("region_code","agency_id") REFERENCES "public"."agencies"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_agency_fk" FOREIGN KEY ("region_code","agency_id") REFERENCES "public"."agencies"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iga_assessments" ADD CONSTRAINT "iga_assessments_innovation_fk" FOREIGN KEY ("region_code","innovation_id") REFERENCES "public"."innovations"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iga_evidence" ADD CONSTRAINT "iga_evidence_assessment_fk" FOREIGN KEY ("region_code","assessment_id") REFERENCES "public"."iga_assessments"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_innovation_fk" FOREIGN KEY ("region_code","innovation_id") REFERENCES "public"."innovations"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_innovation_fk" FOREIGN KEY ("region_code","innovation_id") REFERENCES "public"."innovations"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_resident_fk" FOREIGN KEY ("region_code","resident_id") REFERENCES "public"."residents"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_batch_fk" FOREIGN KEY ("region_code","batch_id") REFERENCES "public"."import_batches"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iga_submissions" ADD CONSTRAINT "iga_submissions_innovation_fk" FOREIGN KEY ("region_code","innovation_id") REFERENCES "public"."innovations"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_cells" ADD CONSTRAINT "service_cells_batch_fk" FOREIGN KEY ("region_code","batch_id") REFERENCES "public"."import_batches"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_cells" ADD CONSTRAINT "service_cells_innovation_fk" FOREIGN KEY ("region_code","innovation_id") REFERENCES "public"."innovations"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_records_unique_uq" ON "service_records" USING btree ("region_code","innovation_id","resident_id","service_date","service_type");