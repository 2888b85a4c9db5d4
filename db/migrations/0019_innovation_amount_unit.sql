ALTER TABLE "innovations" ADD COLUMN "amount_unit" text;--> statement-breakpoint
-- Until now every amount was shown as rupiah; keep that for innovations that already carry amounts
-- (the demo's Pak Kur), and let each one be changed in its profile.
UPDATE "innovations" SET "amount_unit" = 'IDR' WHERE "id" IN (SELECT DISTINCT "innovation_id" FROM "service_records" WHERE "amount" IS NOT NULL);
