import { and, eq } from "drizzle-orm";
import { igaEvidence } from "@/db/schema/iga";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { EVIDENCE_TYPES } from "./file-type";
import { fileStorage } from "./storage";

const SERVABLE = new Set<string>(Object.values(EVIDENCE_TYPES).map((t) => t.mime));

/** RFC 6266 filename: an ASCII fallback plus the UTF-8 name, so "Surat Keputusan Bupati.pdf" survives. */
function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The bytes of an evidence file with the headers to send them. Only the three checked types are
 * ever shown inline; anything else goes out as an attachment of application/octet-stream, so the
 * browser never renders stored content as a page (nosniff forbids guessing otherwise).
 */
export async function openEvidenceFile({
  ctx,
  evidenceId,
  download = false,
}: {
  ctx: Ctx;
  evidenceId: string;
  download?: boolean;
}) {
  const actor = requirePermission(ctx, "iga.read");
  if (!/^[0-9a-f-]{36}$/i.test(evidenceId)) throw new NotFoundError("evidence");
  const [evidence] = await ctx.db
    .select({ fileId: igaEvidence.fileId, fileName: igaEvidence.fileName })
    .from(igaEvidence)
    .where(and(eq(igaEvidence.id, evidenceId), eq(igaEvidence.regionCode, actor.regionCode)))
    .limit(1);
  if (!evidence?.fileId) throw new NotFoundError("evidence");
  const file = await fileStorage().open(ctx.db, evidence.fileId);
  if (!file) throw new NotFoundError("evidence");
  const servable = SERVABLE.has(file.mimeType);
  const headers = new Headers({
    "Content-Type": servable ? file.mimeType : "application/octet-stream",
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(
      servable && !download ? "inline" : "attachment",
      evidence.fileName ?? `evidence-${evidenceId}`,
    ),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    ETag: `"${file.sha256}"`,
  });
  return { body: file.body, headers };
}
