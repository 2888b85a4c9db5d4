import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { storedFiles } from "@/db/schema/iga";

/**
 * Where evidence bytes live. The default keeps them in the database (stored_files.content), so
 * they survive restarts and are in every database backup with no extra setup. An S3-compatible
 * store can replace it: put the bytes under their SHA-256 key and record storage = "s3" with a
 * null content; the rows and the dedup rule stay the same.
 */
export interface StoredFile {
  id: string;
  sha256: string;
  mimeType: string;
  size: number;
}

export interface FileStorage {
  /** Stores the bytes once per SHA-256 (inside the caller's transaction); a second put of the same bytes returns the first file. */
  put(db: Executor, bytes: Uint8Array, mimeType: string): Promise<StoredFile & { deduplicated: boolean }>;
  /** The file's metadata and a stream of its bytes, or undefined. */
  open(db: Executor, id: string): Promise<(StoredFile & { body: ReadableStream<Uint8Array> }) | undefined>;
  /** Deletes the file when no evidence refers to it any more (inside the caller's transaction). */
  releaseIfUnused(db: Executor, id: string): Promise<void>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const meta = { id: storedFiles.id, sha256: storedFiles.sha256, mimeType: storedFiles.mimeType, size: storedFiles.size };

const databaseStorage: FileStorage = {
  async put(db, bytes, mimeType) {
    const sha256 = sha256Hex(bytes);
    // ON CONFLICT DO NOTHING: two concurrent uploads of the same bytes both end on the one row.
    const [inserted] = await db
      .insert(storedFiles)
      .values({ sha256, mimeType, size: bytes.length, storage: "db", content: Buffer.from(bytes) })
      .onConflictDoNothing({ target: storedFiles.sha256 })
      .returning(meta);
    if (inserted) return { ...inserted, deduplicated: false };
    const [existing] = await db.select(meta).from(storedFiles).where(eq(storedFiles.sha256, sha256)).limit(1);
    return { ...existing, deduplicated: true };
  },

  async open(db, id) {
    const [row] = await db
      .select({ ...meta, content: storedFiles.content })
      .from(storedFiles)
      .where(eq(storedFiles.id, id))
      .limit(1);
    if (!row || !row.content) return undefined;
    const { content, ...file } = row;
    const body = new ReadableStream<Uint8Array>({
      // Chunked, so a large file is not handed to the socket as one write.
      start(controller) {
        for (let i = 0; i < content.length; i += 64 * 1024)
          controller.enqueue(new Uint8Array(content.subarray(i, i + 64 * 1024)));
        controller.close();
      },
    });
    return { ...file, body };
  },

  async releaseIfUnused(db, id) {
    await db.execute(
      sql`delete from stored_files where id = ${id}
        and not exists (select 1 from iga_evidence where file_id = ${id} or public_file_id = ${id})`,
    );
  },
};

/** The storage in use; one place to switch when another store is configured. */
export function fileStorage(): FileStorage {
  return databaseStorage;
}
