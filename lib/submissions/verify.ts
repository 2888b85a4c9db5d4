import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { AppError } from "@/lib/errors";
import { type Manifest, MANIFEST_PATH, manifestSchema } from "./package/manifest";

/**
 * Checks a package against its manifest: every listed file present with the same size and SHA-256,
 * no file that the manifest does not list. Reads the ZIP's central directory (yauzl) and hashes one
 * entry at a time, so a 1 GB package is checked in constant memory.
 */

export type MismatchKind = "missing" | "size" | "sha256" | "unlisted";

export interface Mismatch {
  path: string;
  kind: MismatchKind;
  expected?: string | number;
  actual?: string | number;
}

export interface PackageCheck {
  manifest: Manifest;
  files: number;
  mismatches: Mismatch[];
}

export class PackageInvalidError extends AppError {
  constructor() {
    super(422, "submission_package_invalid");
  }
}

const open = (source: string | Buffer) =>
  new Promise<yauzl.ZipFile>((resolve, reject) => {
    const options = { lazyEntries: true, autoClose: false };
    const done = (err: Error | null, zip?: yauzl.ZipFile) =>
      err || !zip ? reject(new PackageInvalidError()) : resolve(zip);
    if (typeof source === "string") yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });

function entries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const list: yauzl.Entry[] = [];
    zip.on("entry", (e: yauzl.Entry) => {
      if (!e.fileName.endsWith("/")) list.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(list));
    zip.on("error", () => reject(new PackageInvalidError()));
    zip.readEntry();
  });
}

const stream = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new PackageInvalidError()) : resolve(s))),
  );

async function measure(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<{ size: number; sha256: string } | null> {
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of await stream(zip, entry)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch {
    return null; // a damaged entry (bad CRC, cut stream) cannot match anything
  }
  return { size, sha256: hash.digest("hex") };
}

async function readManifest(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<Manifest> {
  if (!entry) throw new PackageInvalidError();
  const chunks: Buffer[] = [];
  for await (const chunk of await stream(zip, entry)) chunks.push(chunk as Buffer);
  const parsed = manifestSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
  if (!parsed.success) throw new PackageInvalidError();
  return parsed.data;
}

/** The check of a package file (a path) or its bytes. */
export async function checkPackage(source: string | Buffer): Promise<PackageCheck> {
  const zip = await open(source);
  try {
    const list = await entries(zip);
    const manifest = await readManifest(
      zip,
      list.find((e) => e.fileName === MANIFEST_PATH),
    ).catch(() => {
      throw new PackageInvalidError();
    });
    const inZip = new Map(list.filter((e) => e.fileName !== MANIFEST_PATH).map((e) => [e.fileName, e]));
    const mismatches: Mismatch[] = [];
    for (const file of manifest.files) {
      const entry = inZip.get(file.path);
      inZip.delete(file.path);
      if (!entry) {
        mismatches.push({ path: file.path, kind: "missing" });
        continue;
      }
      const actual = await measure(zip, entry);
      if (!actual) mismatches.push({ path: file.path, kind: "sha256", expected: file.sha256, actual: "unreadable" });
      else if (actual.size !== file.size)
        mismatches.push({ path: file.path, kind: "size", expected: file.size, actual: actual.size });
      else if (actual.sha256 !== file.sha256)
        mismatches.push({ path: file.path, kind: "sha256", expected: file.sha256, actual: actual.sha256 });
    }
    for (const path of inZip.keys()) mismatches.push({ path, kind: "unlisted" });
    return { manifest, files: manifest.files.length, mismatches };
  } finally {
    zip.close();
  }
}
