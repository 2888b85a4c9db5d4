-- Facts of the batches committed before the dashboard existed; the same statements as
-- applyBatchFacts in lib/analytics/facts.ts (keep them in step).
insert into service_facts (region_code, batch_id, resident_ordinal, year, kecamatan, desa, innovation_id, sex, age_band, months, first_date, last_date, records, amount)
select sr.region_code, sr.batch_id, r.ordinal, extract(year from sr.service_date)::smallint,
  coalesce(nullif(split_part(sr.desa_code, '.', 3), '')::smallint, 0),
  coalesce(nullif(split_part(sr.desa_code, '.', 4), '')::smallint, 0),
  sr.innovation_id, case when r.sex = 'L' then 1 else 2 end,
  case
    when extract(year from age(max(sr.service_date), r.birth_date)) < 5 then 0
    when extract(year from age(max(sr.service_date), r.birth_date)) < 15 then 1
    when extract(year from age(max(sr.service_date), r.birth_date)) < 25 then 2
    when extract(year from age(max(sr.service_date), r.birth_date)) < 45 then 3
    when extract(year from age(max(sr.service_date), r.birth_date)) < 65 then 4
    else 5 end,
  bit_or(1 << (extract(month from sr.service_date)::int - 1)),
  min(sr.service_date), max(sr.service_date), count(*), sum(sr.amount)
from service_records sr join residents r on r.id = sr.resident_id
join import_batches b on b.id = sr.batch_id and b.status = 'done'
group by sr.region_code, sr.batch_id, r.ordinal, 4, 5, 6, sr.innovation_id, r.sex, r.birth_date;
--> statement-breakpoint
insert into service_cells (region_code, batch_id, year, month, kecamatan, desa, innovation_id, records, amount)
select sr.region_code, sr.batch_id, extract(year from sr.service_date)::smallint, extract(month from sr.service_date)::smallint,
  coalesce(nullif(split_part(sr.desa_code, '.', 3), '')::smallint, 0),
  coalesce(nullif(split_part(sr.desa_code, '.', 4), '')::smallint, 0),
  sr.innovation_id, count(*), sum(sr.amount)
from service_records sr
join import_batches b on b.id = sr.batch_id and b.status = 'done'
group by sr.region_code, sr.batch_id, 3, 4, 5, 6, sr.innovation_id;
