CREATE TABLE "service_fact_packs" (
	"region_code" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"facts" integer NOT NULL,
	"packed" "bytea" NOT NULL,
	CONSTRAINT "service_fact_packs_pk" PRIMARY KEY("region_code","batch_id")
);
--> statement-breakpoint
-- The packs of the batches whose facts exist already; the same statement as insertPack in
-- lib/analytics/facts.ts (keep them in step).
insert into service_fact_packs (region_code, batch_id, facts, packed)
select f.region_code, f.batch_id, count(*)::int,
  string_agg(
    int4send(f.resident_ordinal) || int4send((f.kecamatan::int << 16) | f.desa::int)
    || substring(int8send(((f.year - 2000)::bigint << 25) | (extract(doy from f.last_date)::bigint << 16)
      | ((f.sex - 1)::bigint << 15) | (f.age_band::bigint << 12) | f.months::bigint) from 5 for 4), ''::bytea)
from service_facts f
group by f.region_code, f.batch_id;
