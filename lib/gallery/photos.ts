import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { igaAssessments, igaEvidence, storedFiles } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { AppError, NotFoundError, parseInput } from "@/lib/errors";
import { fileStorage } from "@/lib/iga/storage";
import { requirePublicPermission } from "./access";
import { publicPhotoCopy } from "./photo-image";
import { PUBLIC_PHOTO_TYPES } from "./photo-types";

/*
 * Photos in the public gallery come from IGA evidence that admin or Bappeda marks public, one by
 * one: evidence is internal by default (a letter, a list of names), so nothing shows unless a
 * person chose it. What is shown is a re-encoded copy without metadata (./photo-image.ts), and only
 * while the innovation itself is public and not archived.
 */

export const photoPublicInput = z.object({ id: z.uuid(), public: z.boolean("v.galleryPublic") });

export interface PhotoPublicResult {
  id: string;
  isPublic: boolean;
}

/** The photo's public address. */
export const publicPhotoPath = (evidenceId: string) => `/api/v1/gallery/photos/${evidenceId}`;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Shows an evidence photo (JPG or PNG) in the public gallery, or takes it out (admin and Bappeda). */
export async function setEvidencePublic({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<PhotoPublicResult> {
  const actor = requirePermission(ctx, "gallery.publish");
  const data = parseInput(photoPublicInput, input);
  const find = (db: Executor) =>
    db
      .select({ evidence: igaEvidence, mimeType: storedFiles.mimeType })
      .from(igaEvidence)
      .leftJoin(storedFiles, eq(storedFiles.id, igaEvidence.fileId))
      .where(and(eq(igaEvidence.id, data.id), eq(igaEvidence.regionCode, actor.regionCode)))
      .limit(1);
  const [found] = await find(ctx.db);
  if (!found) throw new NotFoundError("evidence");
  if (!found.evidence.fileId || !found.mimeType || !PUBLIC_PHOTO_TYPES.has(found.mimeType))
    throw new AppError(422, "evidence_not_photo");
  // The copy is made before the transaction: decoding a large photo takes a moment, and holds no lock.
  let copy: Buffer | null = null;
  if (data.public && !found.evidence.publicFileId) {
    const file = await fileStorage().open(ctx.db, found.evidence.fileId);
    if (!file) throw new NotFoundError("evidence");
    try {
      copy = await publicPhotoCopy(await readAll(file.body));
    } catch {
      throw new AppError(422, "evidence_photo_unreadable");
    }
  }
  return ctx.db.transaction(async (tx) => {
    const [current] = await find(tx);
    if (!current) throw new NotFoundError("evidence");
    const before = current.evidence.publicFileId;
    if (!!before === data.public) return { id: data.id, isPublic: data.public };
    const stored = copy ? await fileStorage().put(tx, copy, "image/jpeg") : null;
    await tx
      .update(igaEvidence)
      .set({ publicFileId: stored?.id ?? null })
      .where(and(eq(igaEvidence.regionCode, actor.regionCode), eq(igaEvidence.id, data.id)));
    if (before) await fileStorage().releaseIfUnused(tx, before);
    await writeAudit(
      tx,
      actor,
      {
        action: data.public ? "gallery.photo.publish" : "gallery.photo.unpublish",
        entity: "iga_evidence",
        entityId: data.id,
        before: { public: !!before },
        after: { public: data.public, ...(stored ? { sha256: stored.sha256, size: stored.size } : {}) },
      },
      ctx.requestId,
    );
    return { id: data.id, isPublic: data.public };
  });
}

export interface GalleryPhoto {
  id: string;
  src: string;
  caption: string | null;
}

/** The public photos of one innovation, oldest first (the caller has checked the innovation is public). */
export async function galleryPhotos(db: Executor, regionCode: string, innovationId: string): Promise<GalleryPhoto[]> {
  const rows = await db
    .select({ id: igaEvidence.id, subject: igaEvidence.subject })
    .from(igaEvidence)
    .innerJoin(
      igaAssessments,
      and(eq(igaAssessments.regionCode, igaEvidence.regionCode), eq(igaAssessments.id, igaEvidence.assessmentId)),
    )
    .where(
      and(
        eq(igaEvidence.regionCode, regionCode),
        eq(igaAssessments.innovationId, innovationId),
        isNotNull(igaEvidence.publicFileId),
      ),
    )
    .orderBy(asc(igaEvidence.createdAt), asc(igaEvidence.id));
  return rows.map((r) => ({ id: r.id, src: publicPhotoPath(r.id), caption: r.subject }));
}

/** The bytes of a public photo, for anyone; 404 unless the photo and its innovation are both public. */
export async function openPublicPhoto({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const { regionCode } = requirePublicPermission(ctx, "gallery.read");
  const id = z.uuid().safeParse((input as { id?: unknown } | null)?.id);
  if (!id.success) throw new NotFoundError("photo");
  const [row] = await ctx.db
    .select({ fileId: igaEvidence.publicFileId })
    .from(igaEvidence)
    .innerJoin(
      igaAssessments,
      and(eq(igaAssessments.regionCode, igaEvidence.regionCode), eq(igaAssessments.id, igaEvidence.assessmentId)),
    )
    .innerJoin(
      innovations,
      and(eq(innovations.regionCode, igaAssessments.regionCode), eq(innovations.id, igaAssessments.innovationId)),
    )
    .where(
      and(
        eq(igaEvidence.id, id.data),
        eq(igaEvidence.regionCode, regionCode),
        eq(innovations.isPublic, true),
        isNull(innovations.archivedAt),
      ),
    )
    .limit(1);
  if (!row?.fileId) throw new NotFoundError("photo");
  const file = await fileStorage().open(ctx.db, row.fileId);
  if (!file) throw new NotFoundError("photo");
  const headers = new Headers({
    "Content-Type": "image/jpeg",
    "Content-Length": String(file.size),
    "Content-Disposition": `inline; filename="foto-${id.data}.jpg"`,
    "X-Content-Type-Options": "nosniff",
    // Shared caches may keep it a while; hiding the photo takes effect when this runs out.
    "Cache-Control": "public, max-age=600",
    ETag: `"${file.sha256}"`,
  });
  return { body: file.body, headers };
}
