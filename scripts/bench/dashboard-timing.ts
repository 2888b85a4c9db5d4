import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { innovations } from "@/db/schema/innovations";
import { dashboardSummary } from "@/lib/analytics/dashboard";
import { type DashboardFilters, dashboardFilters } from "@/lib/analytics/filters";
import type { Ctx } from "@/lib/auth/context";
import { importFile } from "./bench-import";

const INNOVATIONS = ["Payo Beladas", "Pak Kur"];

export type Innovation = typeof innovations.$inferSelect;

/** The six demo innovations of 18.11 the dashboard benchmarks import into: two named, four samples. */
export async function chooseInnovations(db: Db): Promise<Innovation[]> {
  const named = await db.select().from(innovations).where(inArray(innovations.name, INNOVATIONS));
  const others = await db
    .select()
    .from(innovations)
    .where(and(eq(innovations.isSample, true), sql`${innovations.mainAffair} is not null`))
    .orderBy(innovations.name)
    .limit(40);
  return [...INNOVATIONS.map((n) => named.find((i) => i.name === n)!), others[3], others[11], others[19], others[27]];
}

/** Ten filter combinations of region 18.11's dashboard. */
export function dashboardCombos(chosen: Innovation[]): DashboardFilters[] {
  return [
    {},
    { year: 2023 },
    { year: 2024 },
    { year: 2024, kecamatan: "18.11.04" },
    { kecamatan: "18.11.01" },
    { innovationId: chosen[1].id },
    { agencyId: chosen[2].agencyId, year: 2023 },
    { urusan: chosen[3].mainAffair ?? undefined },
    { from: "2023-07", to: "2024-06" },
    { year: 2023, kecamatan: "18.11.02", innovationId: chosen[0].id },
  ].map((c) => dashboardFilters.parse(c));
}

/**
 * The whole dashboard (`dashboardSummary`) per combination: cold, each combination asked for the
 * first time right after an import of 20 records (taken from `source`, dated 2025, so each request
 * also brings the in-memory facts in step with a new batch); warm, the same again 5 times each.
 * Milliseconds. `round` picks other rows of `source` for another run on the same database.
 */
export async function timeDashboard(
  ctx: Ctx,
  chosen: Innovation[],
  combos: DashboardFilters[],
  source: string,
  dir: string,
  round = 0,
): Promise<{ cold: number[]; warm: number[] }> {
  const small = path.join(dir, "small.csv");
  const lines = fs.readFileSync(source, "utf8").split("\r\n");
  const cold: number[] = [];
  for (const [k, input] of combos.entries()) {
    const first = 1 + (round * combos.length + k) * 20;
    const rows = lines.slice(first, first + 20).map((l) => l.replace(/;(\d{4})-/, ";2025-"));
    fs.writeFileSync(small, [lines[0], ...rows].join("\r\n"));
    await importFile(ctx, chosen[k % chosen.length].id, small);
    const start = performance.now();
    await dashboardSummary({ ctx, input });
    cold.push(performance.now() - start);
  }
  const warm: number[] = [];
  for (let round = 0; round < 5; round++)
    for (const input of combos) {
      const start = performance.now();
      await dashboardSummary({ ctx, input });
      warm.push(performance.now() - start);
    }
  return { cold, warm };
}
