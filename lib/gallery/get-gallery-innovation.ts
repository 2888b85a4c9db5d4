import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import type { Ctx } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import type { Stage } from "@/lib/innovations/vocabulary";
import { requirePublicPermission } from "./access";
import { type GalleryPhoto, galleryPhotos } from "./photos";
import { type PublicReach, publicReach } from "./reach";

/** What a visitor reads about one public innovation: its profile's story and its suppressed reach. */
export interface GalleryInnovation {
  slug: string;
  name: string;
  summary: string | null;
  stage: Stage;
  urusan: string | null;
  otherUrusan: string[];
  agencyName: string;
  agencyCode: string;
  isSample: boolean;
  yearApplied: number;
  trialDate: string | null;
  implementationDate: string | null;
  /** The "Permasalahan" paragraph of the rancang bangun, when it has one (the story's problem). */
  problem: string | null;
  design: string | null;
  goals: string | null;
  benefits: string | null;
  results: string | null;
  updatedAt: string;
  reach: PublicReach;
  /** Evidence photos marked public, as copies without camera metadata. */
  photos: GalleryPhoto[];
}

const slugSchema = z.string().regex(/^[a-z0-9-]{1,100}$/);

/** The paragraph of the rancang bangun that states the problem (its six parts start with a heading word). */
export function problemParagraph(design: string | null): string | null {
  if (!design) return null;
  const paragraph = design.split(/\n+/).find((p) => /^(permasalahan|latar belakang)\b/i.test(p.trim()));
  return paragraph ? paragraph.trim().replace(/^(permasalahan|latar belakang)\s*[.:]\s*/i, "") : null;
}

/** One public innovation by its slug; 404 when it is not public, archived, or of another regency. */
export async function getGalleryInnovation({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GalleryInnovation> {
  const { regionCode } = requirePublicPermission(ctx, "gallery.read");
  const slug = slugSchema.safeParse((input as { slug?: unknown } | null)?.slug);
  if (!slug.success) throw new NotFoundError("innovation");
  const [row] = await ctx.db
    .select({
      id: innovations.id,
      slug: innovations.slug,
      name: innovations.name,
      summary: innovations.summary,
      stage: innovations.stage,
      urusan: innovations.mainAffair,
      otherUrusan: innovations.otherAffairs,
      agencyName: agencies.name,
      agencyCode: agencies.code,
      isSample: innovations.isSample,
      yearApplied: innovations.yearApplied,
      trialDate: innovations.trialDate,
      implementationDate: innovations.implementationDate,
      design: innovations.design,
      goals: innovations.goals,
      benefits: innovations.benefits,
      results: innovations.results,
      updatedAt: innovations.updatedAt,
    })
    .from(innovations)
    .innerJoin(agencies, and(eq(agencies.regionCode, innovations.regionCode), eq(agencies.id, innovations.agencyId)))
    .where(
      and(
        eq(innovations.regionCode, regionCode),
        eq(innovations.slug, slug.data),
        eq(innovations.isPublic, true),
        isNull(innovations.archivedAt),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError("innovation");
  const { id, ...rest } = row;
  const [reach, photos] = await Promise.all([
    publicReach(ctx.db, regionCode, id),
    galleryPhotos(ctx.db, regionCode, id),
  ]);
  // The id stays inside: a public page needs only the slug.
  return {
    ...rest,
    slug: row.slug!,
    problem: problemParagraph(row.design),
    updatedAt: row.updatedAt.toISOString(),
    reach,
    photos,
  };
}
