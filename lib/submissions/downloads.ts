import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { regions } from "@/db/schema/regions";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { numbered } from "./content";
import { BOOK_PATH, profilePath, XLSX_PATH } from "./package/paths";
import { innovationPdf, profilesBookPdf } from "./package/pdf";
import { submissionWorkbook } from "./package/xlsx";
import { buildPackage, type PackageProgress } from "./package/zip";
import { getSubmission, type Submission } from "./queries";

/**
 * The files of a frozen snapshot: the whole package (streamed) and its parts alone. Every download
 * is audited, so the trail shows who took which snapshot out of the app.
 */

export interface Download {
  fileName: string;
  contentType: string;
  body: Buffer | Readable;
}

async function regionName(db: Executor, code: string): Promise<string> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)).limit(1);
  return row?.name ?? `Daerah ${code}`;
}

async function load(ctx: Ctx, year: number, id: string, permission: Permission, what: string): Promise<Submission> {
  const actor = requirePermission(ctx, permission);
  const submission = await getSubmission({ ctx, year, id, permission });
  await writeAudit(
    ctx.db,
    actor,
    {
      action: "iga.submission.download",
      entity: "iga_submission",
      entityId: id,
      after: { file: what, sha256: submission.sha256 },
    },
    ctx.requestId,
  );
  return submission;
}

const baseName = (s: Submission) => `iga-${s.year}-${s.id.slice(0, 8)}`;

export async function submissionPackage({
  ctx,
  year,
  id,
  onProgress,
}: {
  ctx: Ctx;
  year: number;
  id: string;
  onProgress?: (p: PackageProgress) => void | Promise<void>;
}): Promise<Download> {
  const s = await load(ctx, year, id, "iga.submission.export", "package.zip");
  const name = await regionName(ctx.db, s.content.regionCode);
  return {
    fileName: `${baseName(s)}.zip`,
    contentType: "application/zip",
    body: buildPackage(ctx.db, s, { regionName: name }, onProgress),
  };
}

export async function submissionWorkbookFile({
  ctx,
  year,
  id,
}: {
  ctx: Ctx;
  year: number;
  id: string;
}): Promise<Download> {
  const s = await load(ctx, year, id, "iga.submission.export", XLSX_PATH);
  return {
    fileName: `${baseName(s)}-${XLSX_PATH}`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await submissionWorkbook(s.content, s),
  };
}

/** profil-inovasi.pdf: leaders may download it too. */
export async function submissionBookFile({ ctx, year, id }: { ctx: Ctx; year: number; id: string }): Promise<Download> {
  const s = await load(ctx, year, id, "iga.submission.summary", BOOK_PATH);
  const meta = {
    id: s.id,
    sha256: s.sha256,
    createdAt: s.createdAt,
    regionName: await regionName(ctx.db, s.content.regionCode),
  };
  return {
    fileName: `${baseName(s)}-${BOOK_PATH}`,
    contentType: "application/pdf",
    body: await profilesBookPdf(s.content, meta),
  };
}

/** profil/NNN-<slug>.pdf of the innovation numbered `no` in the snapshot. */
export async function submissionProfileFile({
  ctx,
  year,
  id,
  no,
}: {
  ctx: Ctx;
  year: number;
  id: string;
  no: number;
}): Promise<Download> {
  const s = await load(ctx, year, id, "iga.submission.export", `profil/${numbered(no)}`);
  const innovation = s.content.innovations.find((i) => i.no === no);
  if (!innovation) throw new NotFoundError("innovation");
  const meta = {
    id: s.id,
    sha256: s.sha256,
    createdAt: s.createdAt,
    regionName: await regionName(ctx.db, s.content.regionCode),
  };
  return {
    fileName: profilePath(innovation).slice("profil/".length),
    contentType: "application/pdf",
    body: await innovationPdf(s.content, innovation, meta),
  };
}

/** The HTTP response of a download: attachment, never cached, streamed when it is a stream. */
export function downloadResponse(d: Download): Response {
  const body = Buffer.isBuffer(d.body)
    ? new Uint8Array(d.body)
    : (Readable.toWeb(d.body) as ReadableStream<Uint8Array>);
  const headers: Record<string, string> = {
    "Content-Type": d.contentType,
    "Content-Disposition": `attachment; filename="${d.fileName}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (Buffer.isBuffer(d.body)) headers["Content-Length"] = String(d.body.length);
  return new Response(body, { headers });
}
