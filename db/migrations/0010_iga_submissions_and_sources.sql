CREATE TABLE "iga_submission_events" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"innovation_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "iga_submission_events_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "iga_submissions" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"innovation_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "iga_submissions_pk" PRIMARY KEY("region_code","year","innovation_id")
);
--> statement-breakpoint
ALTER TABLE "iga_frameworks" ADD COLUMN "sources" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "iga_frameworks" ADD COLUMN "parameter_status" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "iga_submission_events" ADD CONSTRAINT "iga_submission_events_submission_fk" FOREIGN KEY ("region_code","year","innovation_id") REFERENCES "public"."iga_submissions"("region_code","year","innovation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iga_submissions" ADD CONSTRAINT "iga_submissions_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iga_submission_events_subject_idx" ON "iga_submission_events" USING btree ("region_code","year","innovation_id","at");--> statement-breakpoint
CREATE INDEX "iga_submissions_status_idx" ON "iga_submissions" USING btree ("region_code","year","status");--> statement-breakpoint
CREATE INDEX "iga_submissions_innovation_idx" ON "iga_submissions" USING btree ("innovation_id");