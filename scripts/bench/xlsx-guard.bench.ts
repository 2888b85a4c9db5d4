/**
 * `npm run bench -- xlsx-guard`: hostile workbooks through the beneficiary import's reader with the
 * default limits (lib/files/xlsx-guard.ts), each read in a fresh process so its peak RSS is the
 * reader's own:
 *   - a zip bomb of empty tags whose sheet inflates to BOMB_GB (2) GB (refused by its ratio);
 *   - a zip bomb of spaces (1 GB of one text, which an XML parser would hold whole);
 *   - a workbook with STRINGS (1,000,000) shared strings (over the 500,000 limit);
 *   - for scale, an ordinary file of the same shape with 100,000 rows' worth of strings (accepted).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { type Hostile, hostileXlsx } from "@/tests/fixtures/hostile-xlsx";

const GB = 1024 * 1024 * 1024;

function readInChild(file: string): { outcome: string; seconds: number; peakRssMb: number } {
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "xlsx-guard-child.ts"), file],
    { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "warn" }, maxBuffer: 1 << 20 },
  );
  if (child.status !== 0)
    throw new Error(`child failed (${child.status ?? child.signal}): ${child.stderr}${child.error?.message ?? ""}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
}

export default async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xlsx-guard-"));
  const cases: [string, Hostile][] = [
    [
      `zip bomb, ${process.env.BOMB_GB ?? 2} GB of empty tags`,
      { fillerBytes: Number(process.env.BOMB_GB ?? 2) * GB, filler: "tags" },
    ],
    ["zip bomb, 1 GB of spaces", { fillerBytes: GB, filler: "spaces" }],
    [
      `${Number(process.env.STRINGS ?? 1_000_000).toLocaleString("en")} shared strings`,
      { strings: Number(process.env.STRINGS ?? 1_000_000) },
    ],
    ["100,000 shared strings (accepted)", { strings: 100_000 }],
  ];
  try {
    console.log("| workbook | file size | outcome | time | peak RSS of the reading process |");
    console.log("|---|---:|---|---:|---:|");
    for (const [label, options] of cases) {
      const file = path.join(dir, "hostile.xlsx");
      await pipeline(hostileXlsx(options), fs.createWriteStream(file));
      const size = fs.statSync(file).size;
      const r = readInChild(file);
      console.log(
        `| ${label} | ${(size / 1024 / 1024).toFixed(1)} MB | ${r.outcome} | ${r.seconds.toFixed(1)} s | ${r.peakRssMb} MB |`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
