CREATE TABLE "aggregate_cache" (
	"region_code" text NOT NULL,
	"key" text NOT NULL,
	"version" text NOT NULL,
	"payload" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aggregate_cache_pk" PRIMARY KEY("region_code","key")
);
--> statement-breakpoint
ALTER TABLE "service_records" ALTER COLUMN "batch_id" SET NOT NULL;