import { type SQL, sql } from "drizzle-orm";
import { innovations } from "@/db/schema/innovations";

/**
 * Kematangan (maturity) of the innovation row in scope, in SQL so the catalogue can sort by it:
 * its score on the innovation indicators (weight × level where the level has evidence not marked
 * needs work) as a share of that year's maximum, in the latest year it has levels for; null when
 * it was never assessed. The same reading as lib/iga/score.ts and submission-rules.ts `maturity`.
 */
export const maturitySql: SQL<number | null> = sql<number | null>`(
  select sum(case when a.level is not null and exists (
      select 1 from iga_evidence e where e.assessment_id = a.id and e.review_status <> 'needs_work'
    ) then i.weight * a.level else 0 end)::float8
    / nullif((select sum(ii.weight * 3) from iga_indicators ii where ii.framework_id = f.id and ii.scope = 'innovation'), 0)::float8
  from iga_assessments a
  join iga_indicators i on i.id = a.indicator_id
  join iga_frameworks f on f.id = i.framework_id
  where a.innovation_id = ${innovations.id} and a.region_code = ${innovations.regionCode}
    and f.year = (
      select max(f2.year) from iga_assessments a2
      join iga_indicators i2 on i2.id = a2.indicator_id
      join iga_frameworks f2 on f2.id = i2.framework_id
      where a2.innovation_id = ${innovations.id} and a2.region_code = ${innovations.regionCode}
    )
  group by f.id
)`;
