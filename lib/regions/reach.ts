import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { igaResults } from "@/db/schema/iga-results";
import { innovations } from "@/db/schema/innovations";
import { type RegionLevel, regions } from "@/db/schema/regions";
import type { Role } from "@/db/schema/users";
import type { Actor } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/errors";

/** The region code a roll-up user is stored with: the province ("18") or the nation ("00"). */
export function rollUpRegion(role: Role, regionCode: string): string {
  return role === "province" ? regionCode.slice(0, 2) : role === "national" ? "00" : regionCode;
}

export interface ReachRegion {
  code: string;
  name: string;
}

export interface Reach {
  /** "national", or the province's two-digit code. */
  scope: string;
  /** The province's name, when the reach is one province. */
  provinceName: string | null;
  regions: ReachRegion[];
  /** The provinces the caller may choose from: a national user's with data, a province user's own. */
  provinces: ReachRegion[];
}

/**
 * Which kabupaten/kota the caller sees side by side: those using this deployment (with
 * innovations or a published result; a region without any is not using it, which is not the same
 * as having nothing), of the province user's province, or for a national user of every province or
 * the one asked for. A province user asking for another province is refused.
 */
export async function reachOf(db: Executor, actor: Actor, province?: string): Promise<Reach> {
  const own = actor.role === "province" ? rollUpRegion(actor.role, actor.regionCode) : null;
  if (own && province && province !== own) throw new ForbiddenError();
  const prefix = own ?? province ?? null;
  const provinceName = prefix ? await nameOf(db, prefix) : null;
  const withData = await regionsWithData(db);
  const codes = withData.filter((code) => !prefix || code.startsWith(`${prefix}.`));
  const choices = own ? [own] : [...new Set(withData.map((code) => code.slice(0, 2)))];
  const [rows, provinces] = await Promise.all([named(db, codes, "kabupaten_kota"), named(db, choices, "provinsi")]);
  return { scope: prefix ?? "national", provinceName, regions: rows, provinces };
}

/** The areas of these codes at one level, with their names, by code. */
async function named(db: Executor, codes: string[], level: RegionLevel): Promise<ReachRegion[]> {
  if (!codes.length) return [];
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(inArray(regions.code, codes), eq(regions.level, level)))
    .orderBy(asc(regions.code));
}

async function nameOf(db: Executor, code: string): Promise<string | null> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)).limit(1);
  return row?.name ?? null;
}

/** Every region with innovations or a published result: the deployment's regions, across all of them. */
async function regionsWithData(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ code: innovations.regionCode })
    .from(innovations)
    .union(db.select({ code: igaResults.regionCode }).from(igaResults));
  return rows.map((r) => r.code).sort();
}
