CREATE TABLE "iga_peer_results" (
	"region_code" text NOT NULL,
	"peer_code" text NOT NULL,
	"year" smallint NOT NULL,
	"national_rank" integer,
	"province_rank" integer,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "iga_peer_results_pk" PRIMARY KEY("region_code","peer_code","year")
);
--> statement-breakpoint
ALTER TABLE "iga_peer_results" ADD CONSTRAINT "iga_peer_results_peer_code_regions_code_fk" FOREIGN KEY ("peer_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;