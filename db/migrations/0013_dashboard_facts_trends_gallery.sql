CREATE TABLE "region_population" (
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"population" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "region_population_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
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
CREATE TABLE "iga_results" (
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"national_rank" integer,
	"province_rank" integer,
	"index" numeric(6, 2),
	"category" text,
	"innovations_reported" integer,
	"award" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "iga_results_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "ordinal" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "residents_ordinal_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "service_cells" ADD CONSTRAINT "service_cells_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_cells" ADD CONSTRAINT "service_cells_innovation_id_innovations_id_fk" FOREIGN KEY ("innovation_id") REFERENCES "public"."innovations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "innovations_slug_uq" ON "innovations" USING btree ("region_code","slug");