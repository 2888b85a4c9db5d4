import { sql, type SQL } from "drizzle-orm";
import { type Executor, rowsOf } from "../../db/client";
import { type DashboardFilters, monthLabel, monthRange } from "../../lib/analytics/filters";

/*
 * The dashboard's distinct counts the obvious way: `count(distinct resident_id)` grouped over the
 * raw service records, one query per chart. The benchmark times it against the facts; the tests
 * use it as the independent answer the facts must agree with.
 */

export interface NaiveDashboard {
  residents: number;
  records: number;
  byMonth: Record<string, number>;
  byKecamatan: Record<string, number>;
  byDesa: Record<string, number>;
  byInnovation: Record<string, number>;
  byAgency: Record<string, number>;
  byUrusan: Record<string, number>;
  sexAge: Record<string, number>;
  overlap: Record<string, number>;
  pairs: Record<string, number>;
}

function where(regionCode: string, f: DashboardFilters): SQL {
  const parts: SQL[] = [sql`sr.region_code = ${regionCode}`];
  const range = monthRange(f);
  if (f.year !== undefined || f.from) parts.push(sql`sr.service_date >= ${`${monthLabel(range.from)}-01`}::date`);
  if (f.year !== undefined || f.to)
    parts.push(sql`sr.service_date < (${`${monthLabel(range.to)}-01`}::date + interval '1 month')`);
  if (f.innovationId) parts.push(sql`sr.innovation_id = ${f.innovationId}::uuid`);
  if (f.agencyId) parts.push(sql`i.agency_id = ${f.agencyId}::uuid`);
  if (f.urusan) parts.push(sql`i.main_affair = ${f.urusan}`);
  if (f.kecamatan) parts.push(sql`substr(sr.desa_code, 1, 8) = ${f.kecamatan}`);
  return sql.join(parts, sql` and `);
}

const FROM = sql`service_records sr join innovations i on i.id = sr.innovation_id`;

export async function naiveDashboard(db: Executor, regionCode: string, f: DashboardFilters): Promise<NaiveDashboard> {
  const w = where(regionCode, f);
  const grouped = async (key: SQL) => {
    const rows = rowsOf<{ k: string | null; n: number }>(
      await db.execute(
        sql`select ${key} as k, count(distinct sr.resident_id)::int as n from ${FROM} where ${w} group by 1`,
      ),
    );
    return Object.fromEntries(rows.map((r) => [r.k ?? "", r.n]));
  };
  const [totals, byMonth, byKecamatan, byDesa, byInnovation, byAgency, byUrusan, sexAge, overlap, pairs] =
    await Promise.all([
      db.execute(
        sql`select count(distinct sr.resident_id)::int as residents, count(*)::int as records from ${FROM} where ${w}`,
      ),
      grouped(sql`to_char(sr.service_date, 'YYYY-MM')`),
      grouped(sql`coalesce(substr(sr.desa_code, 1, 8), '')`),
      grouped(sql`coalesce(sr.desa_code, '')`),
      grouped(sql`sr.innovation_id::text`),
      grouped(sql`i.agency_id::text`),
      grouped(sql`i.main_affair`),
      db.execute(sql`
      select p.sex || ':' || (case when p.age < 5 then 0 when p.age < 15 then 1 when p.age < 25 then 2 when p.age < 45 then 3 when p.age < 65 then 4 else 5 end) as k, count(*)::int as n
      from (select r.sex, extract(year from age(max(sr.service_date), r.birth_date)) as age
            from ${FROM} join residents r on r.id = sr.resident_id where ${w} group by r.id, r.sex, r.birth_date) p
      group by 1`),
      db.execute(sql`
      select least(k, 4)::text as k, count(*)::int as n
      from (select sr.resident_id, count(distinct sr.innovation_id) as k from ${FROM} where ${w} group by 1) p group by 1`),
      db.execute(sql`
      with reached as (select distinct sr.resident_id, sr.innovation_id from ${FROM} where ${w})
      select a.innovation_id::text || '+' || b.innovation_id::text as k, count(*)::int as n
      from reached a join reached b on a.resident_id = b.resident_id and a.innovation_id::text < b.innovation_id::text
      group by 1`),
    ]);
  const map = (result: unknown) => Object.fromEntries(rowsOf<{ k: string; n: number }>(result).map((r) => [r.k, r.n]));
  const [t] = rowsOf<{ residents: number; records: number }>(totals);
  return {
    residents: t.residents,
    records: t.records,
    byMonth,
    byKecamatan,
    byDesa,
    byInnovation,
    byAgency,
    byUrusan,
    sexAge: map(sexAge),
    overlap: map(overlap),
    pairs: map(pairs),
  };
}
