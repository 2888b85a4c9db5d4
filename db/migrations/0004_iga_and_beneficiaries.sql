CREATE TABLE "iga_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"innovation_id" uuid,
	"subject_key" text NOT NULL,
	"level" integer,
	"note" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "iga_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"assessment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_id" uuid,
	"file_name" text,
	"url" text,
	"letter_number" text,
	"letter_date" date,
	"subject" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"review_status" text DEFAULT 'pending' NOT NULL,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "iga_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"formula" jsonb NOT NULL,
	"categories" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iga_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"scope" text NOT NULL,
	"name" text NOT NULL,
	"weight" numeric(6, 3) NOT NULL,
	"levels" jsonb NOT NULL,
	"evidence" text NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage" text DEFAULT 'db' NOT NULL,
	"content" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"innovation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"mode" text DEFAULT 'default' NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"nik_hash" text NOT NULL,
	"nik_encrypted" text NOT NULL,
	"name_encrypted" text,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"issue_area_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"region_code" text NOT NULL,
	"innovation_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"service_type" text NOT NULL,
	"desa_code" text,
	"amount" numeric(18, 2),
	"batch_id" uuid,
	"api_client" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "iga_assessments" ADD CONSTRAINT "iga_assessments_indicator_id_iga_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."iga_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iga_assessments" ADD CONSTRAINT "iga_assessments_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iga_evidence" ADD CONSTRAINT "iga_evidence_assessment_id_iga_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."iga_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iga_evidence" ADD CONSTRAINT "iga_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iga_indicators" ADD CONSTRAINT "iga_indicators_framework_id_iga_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."iga_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "iga_assessments_subject_uq" ON "iga_assessments" USING btree ("indicator_id","region_code","subject_key");--> statement-breakpoint
CREATE INDEX "iga_assessments_innovation_idx" ON "iga_assessments" USING btree ("innovation_id");--> statement-breakpoint
CREATE INDEX "iga_evidence_assessment_idx" ON "iga_evidence" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "iga_frameworks_year_uq" ON "iga_frameworks" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "iga_indicators_code_uq" ON "iga_indicators" USING btree ("framework_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_files_sha256_uq" ON "stored_files" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_uq" ON "idempotency_keys" USING btree ("user_id","key");--> statement-breakpoint
CREATE INDEX "import_batches_innovation_idx" ON "import_batches" USING btree ("innovation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_nik_hash_uq" ON "residents" USING btree ("region_code","nik_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "service_records_unique_uq" ON "service_records" USING btree ("innovation_id","resident_id","service_date","service_type");--> statement-breakpoint
CREATE INDEX "service_records_resident_idx" ON "service_records" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "service_records_batch_idx" ON "service_records" USING btree ("batch_id");