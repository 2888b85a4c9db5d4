import { createHash } from "node:crypto";
import { PassThrough, Readable, Transform } from "node:stream";
import archiver from "archiver";
import type { Executor } from "@/db/client";
import { fileStorage } from "@/lib/iga/storage";
import type { SnapshotContent } from "../content";
import { APP_VERSION, type Manifest, MANIFEST_FORMAT, MANIFEST_PATH, type ManifestFile } from "./manifest";
import { BOOK_PATH, evidenceEntries, profilePath, XLSX_PATH } from "./paths";
import { innovationPdf, type PdfMeta, profilesBookPdf } from "./pdf";
import { submissionWorkbook } from "./xlsx";

/**
 * Streams the package as a ZIP (archiver): the workbook, the PDFs, every evidence file byte for
 * byte, then manifest.json with each file's size and SHA-256 as it was written. Files are added
 * one at a time and the next is read only after archiver has taken the previous one, so memory
 * holds one file at most however many there are; the output applies backpressure to all of it.
 */

export interface PackageSnapshot {
  id: string;
  sha256: string;
  createdAt: Date;
  content: SnapshotContent;
}

export interface PackageProgress {
  done: number;
  total: number;
}

/** Counts bytes and hashes them as they pass. */
function meter() {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest("hex") }) };
}

export function packageFileCount(content: SnapshotContent): number {
  return 2 + content.innovations.length + evidenceEntries(content).length + 1;
}

export function buildPackage(
  db: Executor,
  snapshot: PackageSnapshot,
  meta: { regionName: string },
  onProgress?: (p: PackageProgress) => void | Promise<void>,
): Readable {
  const zip = archiver("zip", { zlib: { level: 6 } });
  const out = new PassThrough();
  zip.pipe(out);
  const { content } = snapshot;
  const pdfMeta: PdfMeta = {
    id: snapshot.id,
    sha256: snapshot.sha256,
    createdAt: snapshot.createdAt,
    regionName: meta.regionName,
  };
  const files: ManifestFile[] = [];
  const total = packageFileCount(content);

  /** Adds one file and waits until archiver has written it. */
  async function add(path: string, source: Buffer | Readable, store = false) {
    const m = meter();
    const written = new Promise<void>((resolve, reject) => {
      const onEntry = (entry: archiver.EntryData) => {
        if (entry.name !== path) return;
        zip.off("entry", onEntry).off("error", reject);
        resolve();
      };
      zip.on("entry", onEntry).once("error", reject);
    });
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    // Evidence (PDF, JPG, PNG) is already compressed: stored as is, it costs no CPU.
    zip.append(input.pipe(m.stream), { name: path, store, date: snapshot.createdAt });
    await written;
    files.push({ path, ...m.result() });
    await onProgress?.({ done: files.length, total });
  }

  (async () => {
    await add(XLSX_PATH, await submissionWorkbook(content, snapshot), true);
    await add(BOOK_PATH, await profilesBookPdf(content, pdfMeta));
    for (const i of content.innovations) await add(profilePath(i), await innovationPdf(content, i, pdfMeta));
    const storage = fileStorage();
    for (const { path, evidence } of evidenceEntries(content)) {
      const file = await storage.open(db, evidence.fileId!);
      if (!file) throw new Error(`evidence file ${evidence.id} is missing from the store`);
      await add(path, Readable.fromWeb(file.body as import("node:stream/web").ReadableStream<Uint8Array>), true);
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      appVersion: APP_VERSION,
      createdAt: new Date().toISOString(),
      snapshot: {
        id: snapshot.id,
        sha256: snapshot.sha256,
        year: content.year,
        regionCode: content.regionCode,
        frozenAt: snapshot.createdAt.toISOString(),
      },
      files,
    };
    zip.append(JSON.stringify(manifest, null, 2), { name: MANIFEST_PATH, date: snapshot.createdAt });
    await zip.finalize();
    await onProgress?.({ done: total, total });
  })().catch((error: Error) => {
    zip.abort();
    out.destroy(error);
  });
  return out;
}
