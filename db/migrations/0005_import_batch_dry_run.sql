ALTER TABLE "import_batches" ADD COLUMN "dry_run" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "rejected_rows" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "error_code" text;