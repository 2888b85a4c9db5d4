import { and, eq, like, ne } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { innovations } from "@/db/schema/innovations";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError, parseInput } from "@/lib/errors";
import { findInnovation } from "@/lib/innovations/get-innovation";
import { slugify } from "@/lib/innovations/slug";

export const publishInput = z.object({ id: z.uuid(), public: z.boolean("v.galleryPublic") });

export interface PublishResult {
  id: string;
  isPublic: boolean;
  slug: string | null;
}

/** A slug free in the region: the name's, or the name's with -2, -3… */
async function freeSlug(tx: Executor, regionCode: string, id: string, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await tx
    .select({ slug: innovations.slug })
    .from(innovations)
    .where(and(eq(innovations.regionCode, regionCode), like(innovations.slug, `${base}%`), ne(innovations.id, id)));
  const used = new Set(taken.map((t) => t.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Shows an innovation in the public gallery, or takes it out (admin and Bappeda only). Publishing
 * gives it a slug the first time and keeps it after, so a shared link stays valid if it is
 * published again. The profile's version is not bumped: the flag is no field of the profile form,
 * and someone editing the profile meanwhile should not get a conflict for it.
 */
export async function setInnovationPublic({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<PublishResult> {
  const actor = requirePermission(ctx, "gallery.publish");
  const data = parseInput(publishInput, input);
  return ctx.db.transaction(async (tx) => {
    const before = await findInnovation(tx, actor.regionCode, data.id, true);
    if (!before) throw new NotFoundError("innovation");
    requirePermission(ctx, "gallery.publish", { regionCode: before.regionCode });
    if (before.isPublic === data.public && (before.slug || !data.public))
      return { id: before.id, isPublic: before.isPublic, slug: before.slug };
    const slug = before.slug ?? (data.public ? await freeSlug(tx, before.regionCode, before.id, before.name) : null);
    const [after] = await tx
      .update(innovations)
      .set({
        isPublic: data.public,
        slug,
        updatedAt: new Date(),
        updatedBy: actor.kind === "user" || actor.kind === "token" ? actor.id : null,
      })
      .where(eq(innovations.id, before.id))
      .returning({ id: innovations.id, isPublic: innovations.isPublic, slug: innovations.slug });
    await writeAudit(
      tx,
      actor,
      {
        action: data.public ? "innovation.publish" : "innovation.unpublish",
        entity: "innovation",
        entityId: before.id,
        before: { isPublic: before.isPublic, slug: before.slug },
        after: { isPublic: after.isPublic, slug: after.slug },
      },
      ctx.requestId,
    );
    return after;
  });
}
