import { once } from "node:events";
import unzipper from "unzipper";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";

/*
 * An XLSX is a ZIP of XML files, and a ZIP may hold far more than it weighs: a few megabytes can
 * inflate to gigabytes (a "zip bomb"), and a workbook's shared-strings table, which exceljs keeps
 * in memory, can hold millions of texts. Before a reader sees a byte of the file, this guard has
 * inflated the same bytes itself (unzipper, the streaming parser exceljs uses too), counting what
 * comes out: over a limit (in all, in the shared strings, or one XML text or tag longer than any
 * cell can be), the file is refused with its own code and the reader stops. The guard
 * holds one chunk at a time, so its memory does not grow with the file.
 */

export interface XlsxLimits {
  /** Everything the archive inflates to. */
  maxUncompressedBytes: number;
  /** The shared-strings table: its inflated size and its number of texts. */
  maxSharedStringsBytes: number;
  maxSharedStrings: number;
}

export function xlsxLimits(): XlsxLimits {
  const e = env();
  return {
    maxUncompressedBytes: e.XLSX_MAX_UNCOMPRESSED_BYTES,
    maxSharedStringsBytes: e.XLSX_MAX_SHARED_STRINGS_BYTES,
    maxSharedStrings: e.XLSX_MAX_SHARED_STRINGS,
  };
}

/** A workbook over one of the limits; `limit` is already in words ("1 GB", "500.000"). */
export class XlsxLimitError extends AppError {
  constructor(
    code: "xlsx_too_large" | "xlsx_too_many_strings" | "xlsx_malformed" | "xlsx_compression_ratio",
    limit: string,
  ) {
    super(422, code, { limit });
    this.name = "XlsxLimitError";
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString("id-ID")} MB`;
const SHARED_STRINGS = /(^|\/)sharedStrings\.xml$/i;

/** Counts `<si>` / `<si …>` elements (one per shared text) in a stream of XML chunks. */
function stringCounter() {
  let tail = "";
  return (chunk: Buffer): number => {
    const text = tail + chunk.toString("latin1");
    let n = 0;
    for (let at = text.indexOf("<si"); at >= 0; at = text.indexOf("<si", at + 3)) {
      const next = text[at + 3];
      if (next === ">" || next === " " || next === "/") n++;
    }
    // The last three characters go with the next chunk: a "<si" cut at the end was not counted here
    // (its next character is missing), and a counted one needs four, so none is counted twice.
    tail = text.slice(-3);
    return n;
  };
}

/**
 * The longest stretch of an entry without a "<": an XML parser holds a text (or a tag) whole until
 * it ends, so one megabyte of spaces is one megabyte of parser memory, and a gigabyte would be a
 * gigabyte. A cell holds at most 32,767 characters, so nothing legitimate comes near this.
 */
const MAX_NODE_BYTES = 1024 * 1024;

/** Tracks the distance since the last "<" across an entry's chunks; throws past MAX_NODE_BYTES. */
function nodeLength() {
  let run = 0;
  return (chunk: Buffer) => {
    for (let from = 0; ;) {
      const at = chunk.indexOf(0x3c, from);
      run += (at < 0 ? chunk.length : at) - from;
      if (run > MAX_NODE_BYTES) throw new XlsxLimitError("xlsx_malformed", megabytes(MAX_NODE_BYTES));
      if (at < 0) return;
      run = 0;
      from = at + 1;
    }
  };
}

/**
 * Real workbooks deflate 5–50 to 1; a bomb about 1,000 to 1. Past 32 MB inflated, a file that has
 * inflated more than 200 times the bytes read so far is refused at once instead of at the limit.
 */
const MAX_RATIO = 200;
const RATIO_AFTER = 32 * 1024 * 1024;

/** Inflates every entry of the archive written to `parser`, and throws at the first limit passed. */
async function inspect(parser: NodeJS.ReadableStream, limits: XlsxLimits, read: () => number): Promise<void> {
  let total = 0;
  for await (const entry of parser as AsyncIterable<unzipper.Entry>) {
    const strings = SHARED_STRINGS.test(entry.path);
    const xml = /\.(xml|rels)$/i.test(entry.path);
    const count = stringCounter();
    const node = nodeLength();
    let entryBytes = 0;
    let texts = 0;
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      total += chunk.length;
      entryBytes += chunk.length;
      if (total > limits.maxUncompressedBytes)
        throw new XlsxLimitError("xlsx_too_large", megabytes(limits.maxUncompressedBytes));
      if (total > RATIO_AFTER && total > MAX_RATIO * read())
        throw new XlsxLimitError("xlsx_compression_ratio", String(MAX_RATIO));
      if (xml) node(chunk);
      if (!strings) continue;
      texts += count(chunk);
      if (texts > limits.maxSharedStrings)
        throw new XlsxLimitError("xlsx_too_many_strings", limits.maxSharedStrings.toLocaleString("id-ID"));
      if (entryBytes > limits.maxSharedStringsBytes)
        throw new XlsxLimitError("xlsx_too_many_strings", limits.maxSharedStrings.toLocaleString("id-ID"));
    }
  }
}

export interface GuardedXlsx {
  /** The file's bytes, each chunk passed on only after the guard inflated it; they stop early when refused. */
  bytes: AsyncIterable<Uint8Array>;
  /** The limit the file passed, if any. */
  refusal(): XlsxLimitError | null;
  /**
   * Rejects with the refusal when there is one, else never settles: race a reader's every step
   * against it, since a streaming reader (exceljs) waits forever on a source that stops early.
   */
  refused: Promise<never>;
}

/**
 * Guards a workbook's bytes on their way to a reader. A damaged archive is not the guard's to
 * judge: it stops checking and lets the reader report the damage.
 */
export function guardXlsx(input: AsyncIterable<Uint8Array>, limits: XlsxLimits = xlsxLimits()): GuardedXlsx {
  let refused: XlsxLimitError | null = null;
  let reject: (error: XlsxLimitError) => void = () => {};
  const refusedPromise = new Promise<never>((_, r) => (reject = r));
  refusedPromise.catch(() => {}); // nobody may be racing it at the moment it rejects
  async function* bytes(): AsyncIterable<Uint8Array> {
    const parser = unzipper.Parse({ forceStream: true });
    let stopped = false;
    let fed = 0;
    parser.on("error", () => (stopped = true));
    const inspected = inspect(parser, limits, () => fed)
      .catch((error: unknown) => {
        if (!(error instanceof XlsxLimitError)) return;
        refused = error;
        reject(error);
      })
      .finally(() => {
        stopped = true;
        parser.destroy();
      });
    for await (const chunk of input) {
      fed += chunk.length;
      if (!stopped && !parser.write(chunk)) await Promise.race([once(parser, "drain").catch(() => {}), inspected]);
      if (refused) return; // leaving the loop closes the input (a file's descriptor too)
      yield chunk;
    }
    if (!stopped) parser.end();
    await inspected;
  }
  return { bytes: bytes(), refusal: () => refused, refused: refusedPromise };
}

/** Reads all of a guarded workbook's bytes (for a reader that takes a buffer), or throws its refusal. */
export async function guardedBuffer(bytes: Uint8Array, limits: XlsxLimits = xlsxLimits()): Promise<Buffer> {
  const guarded = guardXlsx(
    (async function* () {
      for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
    })(),
    limits,
  );
  const chunks: Uint8Array[] = [];
  for await (const chunk of guarded.bytes) chunks.push(chunk);
  const refusal = guarded.refusal();
  if (refusal) throw refusal;
  return Buffer.concat(chunks);
}
