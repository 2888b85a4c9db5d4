import { and, asc, eq, ilike, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import type { Ctx } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { STAGES, type Stage } from "@/lib/innovations/vocabulary";
import { requirePublicPermission } from "./access";

/*
 * The public gallery's list: only innovations marked public, live (not archived), of the
 * configured regency. Real innovations (the flagships) come before sample entries, then by name.
 * Search and filters are the URL's query; no figure about residents is read here.
 */

export const GALLERY_PAGE_SIZE = 24;

const optional = <T extends z.ZodType>(schema: T) =>
  z
    .preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), schema.optional())
    .catch(undefined);

export const galleryQuery = z.object({
  q: optional(z.string().max(100)),
  urusan: optional(z.string().max(200)),
  /** The agency's code (e.g. DISDUKCAPIL): readable in a shared link. */
  agency: optional(z.string().max(50)),
  stage: optional(z.enum(STAGES)),
  page: z.preprocess((v) => (v === undefined || v === "" ? 1 : v), z.coerce.number().int().min(1).max(1000)).catch(1),
});
export type GalleryQuery = z.output<typeof galleryQuery>;

export interface GalleryCard {
  slug: string;
  name: string;
  summary: string | null;
  stage: Stage;
  urusan: string | null;
  agencyName: string;
  agencyCode: string;
  isSample: boolean;
  yearApplied: number;
}

export interface GalleryList {
  query: GalleryQuery;
  items: GalleryCard[];
  total: number;
  pages: number;
  /** What the filters can choose from: the values present among the public innovations. */
  options: { urusan: string[]; agencies: { code: string; name: string }[]; stages: Stage[] };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listGallery({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GalleryList> {
  const { regionCode } = requirePublicPermission(ctx, "gallery.read");
  // A malformed filter is dropped rather than refused (each field has a `catch`): an edited link still shows the gallery.
  const query = parseInput(galleryQuery, input ?? {});
  const base = and(
    eq(innovations.regionCode, regionCode),
    eq(innovations.isPublic, true),
    isNull(innovations.archivedAt),
    sql`${innovations.slug} is not null`,
  );
  const rows = await ctx.db
    .select({
      slug: innovations.slug,
      name: innovations.name,
      summary: innovations.summary,
      stage: innovations.stage,
      urusan: innovations.mainAffair,
      agencyName: agencies.name,
      agencyCode: agencies.code,
      isSample: innovations.isSample,
      yearApplied: innovations.yearApplied,
    })
    .from(innovations)
    .innerJoin(agencies, and(eq(agencies.regionCode, innovations.regionCode), eq(agencies.id, innovations.agencyId)))
    .where(and(base, query.q ? ilike(innovations.name, `%${escapeLike(query.q)}%`) : undefined))
    .orderBy(asc(innovations.isSample), asc(sql`lower(${innovations.name})`), asc(innovations.id));

  // Public innovations are a few dozen at most: the options and filters are computed here, in one read.
  const options = {
    urusan: [...new Set(rows.map((r) => r.urusan).filter((u): u is string => !!u))].sort(),
    agencies: [...new Map(rows.map((r) => [r.agencyCode, { code: r.agencyCode, name: r.agencyName }])).values()].sort(
      (a, b) => a.name.localeCompare(b.name),
    ),
    stages: STAGES.filter((s) => rows.some((r) => r.stage === s)),
  };
  const kept = rows.filter(
    (r) =>
      (!query.urusan || r.urusan === query.urusan) &&
      (!query.agency || r.agencyCode === query.agency) &&
      (!query.stage || r.stage === query.stage),
  );
  const pages = Math.max(1, Math.ceil(kept.length / GALLERY_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const items = kept
    .slice((page - 1) * GALLERY_PAGE_SIZE, page * GALLERY_PAGE_SIZE)
    .map((r) => ({ ...r, slug: r.slug! }));
  return { query: { ...query, page }, items, total: kept.length, pages, options };
}
