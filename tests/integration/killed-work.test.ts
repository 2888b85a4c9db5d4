import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, rowsOf } from "@/db/client";
import { igaEvidence, storedFiles } from "@/db/schema/iga";
import { makeTempDir, sweepOrphanTempDirs } from "@/lib/files/temp-dirs";
import { killTargets } from "@/tests/helpers/kill-targets";

/*
 * Work cut short by SIGKILL (a real second process): an evidence upload never leaves a stored file
 * without its evidence row or the reverse, and every upload that said it was done is there; a
 * package half written leaves a temporary directory that the next start removes.
 */

/** Runs a child until it printed `until` lines matching, waits `after` ms, SIGKILLs it; answers what it printed. */
function runAndKill(args: string[], until: RegExp, after: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      env: { ...process.env, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let armed = false;
    child.stdout.on("data", (d) => {
      out += String(d);
      if (!armed && until.test(out)) {
        armed = true;
        setTimeout(() => child.kill("SIGKILL"), after);
      }
    });
    child.stderr.on("data", (d) => (err += String(d)));
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL" ? resolve(out) : reject(new Error(`child exited: ${signal} ${err.slice(-2000)}`)),
    );
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-killtest-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const targets = killTargets(tmp, "killup");

describe.each(targets.map((t) => [t.name, t] as const))("evidence uploads killed mid-way (%s)", (_name, setup) => {
  it("keeps every upload that finished and nothing of the one cut short", { timeout: 600_000 }, async () => {
    const { target, open, drop } = await setup.setup();
    try {
      const orphanFiles = async (handle: DatabaseHandle) =>
        rowsOf<{ n: number }>(
          await handle.db.execute(
            sql`select count(*)::int as n from stored_files f where not exists (select 1 from iga_evidence e where e.file_id = f.id or e.public_file_id = f.id)`,
          ),
        )[0].n;
      let before = { evidence: 0, files: 0, orphans: 0 };
      {
        // The seeded database, to know what was there before the uploads.
        const out = await runAndKill(["tests/helpers/upload-child.ts", target], /READY/, 0);
        expect(out).toContain("READY");
        const handle = await open();
        before = {
          evidence: (await handle.db.select({ n: count() }).from(igaEvidence))[0].n,
          files: (await handle.db.select({ n: count() }).from(storedFiles))[0].n,
          orphans: await orphanFiles(handle),
        };
        await handle.close();
      }
      // Uploads of 4 MB one after another; killed after a while, most likely inside one.
      const out = await runAndKill(["tests/helpers/upload-child.ts", target], /DONE 2\n/, 150);
      const done = Math.max(...[...out.matchAll(/DONE (\d+)/g)].map((m) => Number(m[1])));
      const handle = await open();
      try {
        const evidence = (await handle.db.select({ n: count() }).from(igaEvidence))[0].n - before.evidence;
        const files = (await handle.db.select({ n: count() }).from(storedFiles))[0].n - before.files;
        // Every upload reported done is stored; at most the one whose report the kill cut off is too.
        expect(evidence).toBeGreaterThanOrEqual(done);
        expect(evidence).toBeLessThanOrEqual(done + 1);
        expect(files).toBe(evidence);
        expect(await orphanFiles(handle)).toBe(before.orphans); // no file stored without its evidence
      } finally {
        await handle.close();
      }
    } finally {
      await drop();
    }
  });
});

describe("a package build killed mid-write", () => {
  it("leaves a temporary directory that the next start removes, and no other", { timeout: 120_000 }, async () => {
    const out = await runAndKill(["tests/helpers/temp-dir-child.ts"], /WRITING (\S+)\n/, 200);
    const dir = /WRITING (\S+)/.exec(out)![1];
    expect(fs.readdirSync(dir)).toEqual(["paket-iga-2023.zip"]);
    expect(fs.statSync(path.join(dir, "paket-iga-2023.zip")).size).toBeGreaterThan(0);
    const mine = makeTempDir("package"); // this process is alive: its work stays
    try {
      expect(sweepOrphanTempDirs()).toBeGreaterThanOrEqual(1);
      expect(fs.existsSync(dir)).toBe(false);
      expect(fs.existsSync(mine)).toBe(true);
    } finally {
      fs.rmSync(mine, { recursive: true, force: true });
    }
  });
});
