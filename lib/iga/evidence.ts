import { and, eq, ne } from "drizzle-orm";
import { igaEvidence } from "@/db/schema/iga";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { env } from "@/lib/config/env";
import { AppError, NotFoundError, parseInput } from "@/lib/errors";
import { checkUpload, mimeTypeOf } from "./file-type";
import { evidenceSchema } from "./schemas";
import { fileStorage } from "./storage";
import { ensureAssessment, resolveTarget } from "./subject";

/** A refused upload: 413 when too large, 422 otherwise; the message says what to send instead. */
export class EvidenceFileError extends AppError {
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(code === "evidence_too_large" ? 413 : 422, code, params);
  }
}

/**
 * A file name as a person would give it, reduced to its last path part (a browser or script may
 * send "C:\\Users\\…\\sk.pdf" or "../../x"), without control characters or leading dots.
 */
export function safeBaseName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/^[.\s]+/, "")
    .trim();
  return base.slice(0, 255) || "berkas";
}

export function evidenceMaxBytes(): number {
  return env().EVIDENCE_MAX_BYTES;
}

/**
 * Attaches one piece of evidence (data dukung) to an indicator of an innovation or the region: an
 * uploaded PDF/JPG/PNG, checked from its content and stored once per SHA-256, or an http(s) link
 * such as a video. A refused file stores nothing: it is checked before the transaction opens.
 */
export async function addEvidence({
  ctx,
  input,
  maxBytes = evidenceMaxBytes(),
  generated,
}: {
  ctx: Ctx;
  input: unknown;
  maxBytes?: number;
  /** Evidence the app made from its own data (not an upload): its audit action and what it holds. */
  generated?: { action: string; details: Record<string, unknown> };
}) {
  requirePermission(ctx, "iga.assess");
  const data = parseInput(evidenceSchema, input);
  let mimeType: string | null = null;
  if (data.kind === "file") {
    const checked = checkUpload(data.fileName, data.bytes, maxBytes);
    if ("problem" in checked) {
      const { code, ...params } = checked.problem;
      throw new EvidenceFileError(code, params);
    }
    mimeType = mimeTypeOf(checked.type);
  }
  return ctx.db.transaction(async (tx) => {
    const target = await resolveTarget(tx, ctx, data);
    const assessment = await ensureAssessment(tx, target);
    // A replacement takes the old piece's place: its verdict goes with it, the new one starts pending.
    let replaced: typeof igaEvidence.$inferSelect | undefined;
    if (data.replacesEvidenceId) {
      [replaced] = await tx
        .delete(igaEvidence)
        .where(
          and(
            eq(igaEvidence.id, data.replacesEvidenceId),
            eq(igaEvidence.assessmentId, assessment.id),
            eq(igaEvidence.regionCode, target.regionCode),
          ),
        )
        .returning();
      if (!replaced) throw new NotFoundError("evidence");
      for (const fileId of [replaced.fileId, replaced.publicFileId])
        if (fileId) await fileStorage().releaseIfUnused(tx, fileId);
    }
    const stored = data.kind === "file" && mimeType ? await fileStorage().put(tx, data.bytes, mimeType) : null;
    const [row] = await tx
      .insert(igaEvidence)
      .values({
        regionCode: target.regionCode,
        assessmentId: assessment.id,
        kind: data.kind,
        fileId: stored?.id ?? null,
        fileName: data.kind === "file" ? safeBaseName(data.fileName) : null,
        url: data.kind === "link" ? data.url : null,
        letterNumber: data.letterNumber,
        letterDate: data.letterDate,
        subject: data.subject,
        createdBy: target.actor.id,
      })
      .returning();
    const after = {
      ...row,
      indicatorCode: target.indicator.code,
      sha256: stored?.sha256 ?? null,
      size: stored?.size ?? null,
      mimeType,
      ...generated?.details,
    };
    await writeAudit(
      tx,
      target.actor,
      {
        action: generated?.action ?? (replaced ? "iga.evidence.replace" : "iga.evidence.add"),
        entity: "iga_evidence",
        entityId: row.id,
        before: replaced ?? null,
        after,
      },
      ctx.requestId,
    );
    // "Already stored" only when this user attached the same bytes before: that another agency did
    // (a letter it holds) is not this caller's to learn.
    const seenBefore = stored?.deduplicated
      ? (
          await tx
            .select({ id: igaEvidence.id })
            .from(igaEvidence)
            .where(
              and(
                eq(igaEvidence.regionCode, target.actor.regionCode),
                eq(igaEvidence.fileId, stored.id),
                eq(igaEvidence.createdBy, target.actor.id),
                ne(igaEvidence.id, row.id),
              ),
            )
            .limit(1)
        ).length > 0
      : false;
    return { ...after, deduplicated: seenBefore };
  });
}
