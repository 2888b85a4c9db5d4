import { and, asc, eq, isNull } from "drizzle-orm";
import { igaResults } from "@/db/schema/iga-results";
import { innovations } from "@/db/schema/innovations";
import { regions } from "@/db/schema/regions";
import type { Ctx } from "@/lib/auth/context";
import { requirePublicPermission } from "./access";

/*
 * Public facts about the regency: its name, its published IGA results (the same rows the signed-in
 * trends page shows, lib/trends/iga-results.ts, read here without a user) and the public
 * innovations' addresses for the sitemap.
 */

export interface PublicIgaResult {
  year: number;
  nationalRank: number | null;
  provinceRank: number | null;
  category: string | null;
  award: string | null;
  source: string | null;
}

export async function galleryIgaHistory({ ctx }: { ctx: Ctx }): Promise<PublicIgaResult[]> {
  const { regionCode } = requirePublicPermission(ctx, "gallery.read");
  const rows = await ctx.db
    .select({
      year: igaResults.year,
      nationalRank: igaResults.nationalRank,
      provinceRank: igaResults.provinceRank,
      category: igaResults.category,
      award: igaResults.award,
      source: igaResults.source,
    })
    .from(igaResults)
    .where(eq(igaResults.regionCode, regionCode))
    .orderBy(asc(igaResults.year));
  return rows;
}

/** "Kabupaten Mesuji" (the reference name of the configured region). */
export async function galleryRegionName({ ctx }: { ctx: Ctx }): Promise<string> {
  const { regionCode } = requirePublicPermission(ctx, "gallery.read");
  const [row] = await ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode)).limit(1);
  return row?.name ?? regionCode;
}

/** The public innovations' slugs and last change, for sitemap.xml. */
export async function galleryEntries({ ctx }: { ctx: Ctx }): Promise<{ slug: string; updatedAt: string }[]> {
  const { regionCode } = requirePublicPermission(ctx, "gallery.read");
  const rows = await ctx.db
    .select({ slug: innovations.slug, updatedAt: innovations.updatedAt })
    .from(innovations)
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.isPublic, true), isNull(innovations.archivedAt)))
    .orderBy(asc(innovations.isSample), asc(innovations.name));
  return rows.filter((r) => r.slug).map((r) => ({ slug: r.slug!, updatedAt: r.updatedAt.toISOString() }));
}
