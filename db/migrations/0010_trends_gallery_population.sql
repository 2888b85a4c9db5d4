CREATE TABLE "region_population" (
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"population" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "region_population_pk" PRIMARY KEY("region_code","year")
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
CREATE UNIQUE INDEX "innovations_slug_uq" ON "innovations" USING btree ("region_code","slug");