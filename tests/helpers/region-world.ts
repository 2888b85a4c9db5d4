import { randomUUID } from "node:crypto";
import { and, asc, eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { serviceFacts } from "@/db/schema/analytics";
import { importBatches } from "@/db/schema/beneficiaries";
import { igaResults } from "@/db/schema/iga-results";
import { igaSubmissions } from "@/db/schema/iga-submissions";
import { innovations } from "@/db/schema/innovations";
import { regions } from "@/db/schema/regions";

/*
 * Regions of other provinces for the roll-up's tests, written straight into the tables (each
 * region's agency, innovations, IGA submissions, published result and dashboard facts). Region i
 * (0-based) of the province gets:
 *   3 + i innovations not archived, i % 4 of them public, and one archived;
 *   for even i, two innovations submitted for `year`; none for odd i (no estimate);
 *   for i < 5 a published result: national rank 100 + i, province rank i + 1;
 *   3i residents with 2 records each in `year` (published), and for the last region 100 more
 *   residents in a pending batch, which the roll-up must not count.
 */

export interface SeededRegion {
  code: string;
  innovations: number;
  published: number;
  submitted: number;
  residents: number;
  records: number;
}

export async function seedProvince(db: Db, province: string, count: number, year: number): Promise<SeededRegion[]> {
  const codes = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.level, "kabupaten_kota"), like(regions.code, `${province}.%`)))
    .orderBy(asc(regions.code))
    .limit(count);
  if (codes.length < count) throw new Error(`province ${province} has fewer than ${count} kabupaten/kota`);
  const out: SeededRegion[] = [];
  for (const [i, { code }] of codes.entries()) out.push(await seedRegion(db, code, i, year, i === count - 1));
  return out;
}

export async function seedRegion(db: Db, code: string, i: number, year: number, pending = false) {
  const [agency] = await db
    .insert(agencies)
    .values({ regionCode: code, code: "BAPPEDA", name: `Bappeda ${code}`, shortName: "Bappeda" })
    .returning({ id: agencies.id });
  const rows = Array.from({ length: 4 + i }, (_, n) => ({
    regionCode: code,
    agencyId: agency.id,
    name: `Inovasi ${code} nomor ${n + 1}`,
    stage: "penerapan" as const,
    yearApplied: year,
    isPublic: n < i % 4,
    archivedAt: n === 3 + i ? new Date() : null,
  }));
  const ids = (await db.insert(innovations).values(rows).returning({ id: innovations.id })).map((r) => r.id);
  const submitted = i % 2 === 0 ? 2 : 0;
  if (submitted)
    await db
      .insert(igaSubmissions)
      .values(
        ids
          .slice(0, submitted)
          .map((innovationId) => ({ regionCode: code, year, innovationId, status: "submitted" as const })),
      );
  if (i < 5)
    await db
      .insert(igaResults)
      .values({ regionCode: code, year, nationalRank: 100 + i, provinceRank: i + 1, source: "test" });
  const facts = (batchId: string, from: number, residents: number) =>
    Array.from({ length: residents }, (_, r) => ({
      regionCode: code,
      batchId,
      residentOrdinal: from + r,
      year,
      kecamatan: 1,
      desa: 2001,
      innovationId: ids[0],
      sex: 1,
      ageBand: 2,
      months: 1,
      firstDate: `${year}-01-05`,
      lastDate: `${year}-01-20`,
      records: 2,
      amount: null,
    }));
  if (i > 0) await db.insert(serviceFacts).values(facts(randomUUID(), 1, 3 * i));
  if (pending) {
    const [batch] = await db
      .insert(importBatches)
      .values({ regionCode: code, innovationId: ids[0], source: "api", pending: true })
      .returning({ id: importBatches.id });
    await db.insert(serviceFacts).values(facts(batch.id, 10_000, 100));
  }
  return { code, innovations: 3 + i, published: i % 4, submitted, residents: 3 * i, records: 6 * i };
}
