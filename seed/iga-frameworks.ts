import { eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write";
import { insertRuleSet } from "@/lib/iga/framework-write";
import { loadShippedRuleSets } from "@/lib/iga/rule-set-files";
import type { RuleSet } from "@/lib/iga/rule-set";
import type { Db, Executor } from "@/db/client";
import { igaFrameworks } from "@/db/schema/iga";

/**
 * Loads each shipped rule set (2023–2026) once, as an active framework: regions are assessed every
 * year. Later starts find a year there and leave it alone, so an admin's edits survive restarts;
 * the one exception fills in the sources and parameter statuses of a year stored before they
 * existed, and only while both are still empty.
 */
export async function seedIgaFrameworks(db: Db): Promise<boolean> {
  const shipped = loadShippedRuleSets();
  const stored = await db
    .select({
      year: igaFrameworks.year,
      sources: igaFrameworks.sources,
      parameterStatus: igaFrameworks.parameterStatus,
    })
    .from(igaFrameworks);
  const missing = shipped.filter((rs) => !stored.some((s) => s.year === rs.year));
  const bare = shipped.filter((rs) =>
    stored.some((s) => s.year === rs.year && s.sources.length === 0 && Object.keys(s.parameterStatus).length === 0),
  );
  if (missing.length === 0 && bare.length === 0) return false;
  return db.transaction(async (tx) => {
    // Several instances may start at once on one server: the first inserts, the others find it done.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('inovasi.seed-iga-frameworks'))`);
    let changed = false;
    for (const ruleSet of missing) changed = (await insertIfMissing(tx, ruleSet)) || changed;
    for (const ruleSet of bare) {
      const [row] = await tx
        .update(igaFrameworks)
        .set({ sources: ruleSet.sources, parameterStatus: ruleSet.parameterStatus })
        .where(
          sql`${igaFrameworks.year} = ${ruleSet.year} and ${igaFrameworks.sources} = '[]'::jsonb and ${igaFrameworks.parameterStatus} = '{}'::jsonb`,
        )
        .returning({ id: igaFrameworks.id });
      if (!row) continue;
      await writeAudit(tx, null, {
        action: "iga.framework.sources",
        entity: "iga_framework",
        entityId: row.id,
        after: { year: ruleSet.year, sources: ruleSet.sources },
      });
      changed = true;
    }
    return changed;
  });
}

async function insertIfMissing(tx: Executor, ruleSet: RuleSet): Promise<boolean> {
  const again = await tx
    .select({ id: igaFrameworks.id })
    .from(igaFrameworks)
    .where(eq(igaFrameworks.year, ruleSet.year))
    .limit(1);
  if (again.length > 0) return false;
  const framework = await insertRuleSet(tx, ruleSet, "active");
  await writeAudit(tx, null, {
    action: "iga.framework.seed",
    entity: "iga_framework",
    entityId: framework.id,
    after: { year: ruleSet.year, name: ruleSet.name },
  });
  return true;
}
