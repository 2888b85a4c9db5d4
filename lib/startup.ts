import { appDatabase } from "@/lib/db-bootstrap";
import { writeServerInfo } from "@/lib/cli/server-info";
import { env, EnvError } from "@/lib/config/env";
import { nikKeys } from "@/lib/crypto";
import { sweepOrphanTempDirs } from "@/lib/files/temp-dirs";

/**
 * Validates the configuration (a wrong value stops the app with a clear message), then migrates
 * and seeds the database so the first request is not the slow one.
 */
export async function startServer() {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  try {
    // Loads NIK_HMAC_KEY / NIK_ENCRYPTION_KEY, or generates them once into DATA_DIR (logging a
    // warning that names the file, never the keys), so a broken key file stops the start here
    // rather than failing the first import.
    nikKeys();
  } catch (error) {
    console.error(`NIK keys unavailable: ${(error as Error).message}`);
    process.exit(1);
  }
  // Work in progress of a process that was killed (a package half built, an upload half spooled).
  sweepOrphanTempDirs();
  try {
    await appDatabase();
    writeServerInfo();
  } catch (error) {
    console.error(`Database start failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
