ALTER TABLE "innovations" ADD COLUMN "completeness" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "innovations_region_name_idx" ON "innovations" USING btree ("region_code","name");