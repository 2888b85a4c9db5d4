import { eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write";
import { insertRuleSet } from "@/lib/iga/framework-write";
import { loadRuleSet2023 } from "@/lib/iga/iid-2023";
import type { Db } from "@/db/client";
import { igaFrameworks } from "@/db/schema/iga";

/**
 * Loads the shipped 2023 rule set once, as the active framework. Later starts find it and leave it
 * alone, so an admin's edits to 2023 survive restarts.
 */
export async function seedIgaFrameworks(db: Db): Promise<boolean> {
  const existing = await db.select({ id: igaFrameworks.id }).from(igaFrameworks).where(eq(igaFrameworks.year, 2023)).limit(1);
  if (existing.length > 0) return false;
  const ruleSet = loadRuleSet2023();
  return db.transaction(async (tx) => {
    // Several instances may start at once on one server: the first inserts, the others find it done.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('inovasi.seed-iga-frameworks'))`);
    const again = await tx.select({ id: igaFrameworks.id }).from(igaFrameworks).where(eq(igaFrameworks.year, 2023)).limit(1);
    if (again.length > 0) return false;
    const framework = await insertRuleSet(tx, ruleSet, "active");
    await writeAudit(tx, null, { action: "iga.framework.seed", entity: "iga_framework", entityId: framework.id, after: { year: 2023, name: ruleSet.name } });
    return true;
  });
}
