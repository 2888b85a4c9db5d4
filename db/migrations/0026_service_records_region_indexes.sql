DROP INDEX "service_records_resident_idx";--> statement-breakpoint
DROP INDEX "service_records_batch_idx";--> statement-breakpoint
CREATE INDEX "service_records_resident_idx" ON "service_records" USING btree ("region_code","resident_id");--> statement-breakpoint
CREATE INDEX "service_records_batch_idx" ON "service_records" USING btree ("region_code","batch_id");