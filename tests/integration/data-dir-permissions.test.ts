import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { looseEntries } from "@/db/data-dir-permissions";

/** The embedded database's files are the register: readable by the app's account only. */
describe("embedded data directory permissions", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-perm-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    "creates DATA_DIR 0700 with every file 0600, and repairs a loosened directory at the next open",
    { timeout: 120_000 },
    async () => {
      const dataDir = path.join(dir, "data");
      let handle = await openDatabase({ dataDir });
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(looseEntries(dataDir)).toEqual([]);
      // Files added while running are out of reach inside the 0700 directory, and tightened at the next start.
      await handle.db.execute(sql`create table t (v text)`);
      await handle.db.execute(sql`insert into t values ('x')`);
      await handle.db.execute(sql`checkpoint`);
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      await handle.close();

      // Someone loosens it (a copy, an unzip): the next open puts it right.
      fs.chmodSync(dataDir, 0o777);
      const file = fs.readdirSync(path.join(dataDir, "pgdata")).find((f) => f === "PG_VERSION")!;
      fs.chmodSync(path.join(dataDir, "pgdata", file), 0o666);
      handle = await openDatabase({ dataDir });
      expect(looseEntries(dataDir)).toEqual([]);
      await handle.close();
    },
  );
});
