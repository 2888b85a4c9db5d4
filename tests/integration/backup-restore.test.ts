import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/lib/db-bootstrap";
import { backupTo, restoreFrom } from "@/lib/backup/embedded";
import { installTestNikKeys } from "@/tests/helpers/beneficiary-fixtures";
import { caught } from "./support";

/** `npm run cli -- backup` / `restore` on the embedded database: a backup restores into a fresh DATA_DIR whole. */
describe("embedded backup and restore", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-backup-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const facts = async (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => {
    const result = await db.execute(sql`select
      (select count(*)::int from innovations) as innovations,
      (select count(*)::int from service_records) as records,
      (select count(*)::int from residents) as residents,
      (select count(*)::int from iga_evidence) as evidence,
      (select string_agg(encode(sha256(content), 'hex'), ',' order by sha256) from stored_files) as files`);
    const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
    return rows[0] as Record<string, unknown>;
  };

  it(
    "restores every innovation, record and evidence file into a fresh DATA_DIR, and refuses a non-empty one",
    { timeout: 300_000 },
    async () => {
      installTestNikKeys();
      const live = await openDatabase({ dataDir: path.join(dir, "live") });
      await prepareDatabase(live, { seedDemo: true, demoPassword: "inovasi-demo-test", regionCode: "18.11" });
      const before = await facts(live.db);
      expect(before).toMatchObject({ innovations: 121 }); // 110 of 2023 and the 11 of the 2026 sample set
      expect(before.records as number).toBeGreaterThan(500);
      expect(before.evidence as number).toBeGreaterThan(10);
      const file = path.join(dir, "cadangan.tar.gz");
      // Taken while the database is open and in use, as from the running app.
      const { bytes } = await backupTo(live, file);
      expect(bytes).toBeGreaterThan(1000);
      expect(fs.statSync(file).mode & 0o077).toBe(0);
      await live.close();

      const fresh = path.join(dir, "restored");
      await restoreFrom(file, fresh);
      const restored = await openDatabase({ dataDir: fresh });
      expect(await facts(restored.db)).toEqual(before);
      await restored.close();
      expect(await caught(restoreFrom(file, fresh))).toMatchObject({ code: "validation_failed" });
    },
  );
});
