CREATE TABLE "service_cells" (
	"region_code" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"kecamatan" smallint NOT NULL,
	"desa" smallint NOT NULL,
	"innovation_id" uuid NOT NULL,
	"records" integer NOT NULL,
	"amount" numeric(18, 2),
	CONSTRAINT "service_cells_pk" PRIMARY KEY("region_code","batch_id","year","month","kecamatan","desa")
);
--> statement-breakpoint
CREATE TABLE "service_facts" (
	"region_code" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"resident_ordinal" integer NOT NULL,
	"year" smallint NOT NULL,
	"kecamatan" smallint NOT NULL,
	"desa" smallint NOT NULL,
	"innovation_id" uuid NOT NULL,
	"sex" smallint NOT NULL,
	"age_band" smallint NOT NULL,
	"months" integer NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	"records" integer NOT NULL,
	"amount" numeric(18, 2),
	CONSTRAINT "service_facts_pk" PRIMARY KEY("region_code","batch_id","resident_ordinal","year","kecamatan","desa")
);
--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "ordinal" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "residents_ordinal_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "service_cells" ADD CONSTRAINT "service_cells_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_cells" ADD CONSTRAINT "service_cells_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;