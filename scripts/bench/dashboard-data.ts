import fs from "node:fs";
import readline from "node:readline";
import { mulberry32 } from "../../lib/random";

/**
 * Splits the import benchmark's file (./beneficiary-import-data.ts) row by row over several
 * innovations with the given shares, so residents are reached by one, two or more programmes as
 * in the regency (the same resident's rows land in different files). Deterministic.
 */
export async function splitByInnovation(file: string, shares: number[], out: (k: number) => string): Promise<number[]> {
  const random = mulberry32(7);
  const total = shares.reduce((a, b) => a + b, 0);
  const streams = shares.map((_, k) => fs.createWriteStream(out(k)));
  const counts = shares.map(() => 0);
  let header: string | null = null;
  for await (const line of readline.createInterface({
    input: fs.createReadStream(file, "utf8"),
    crlfDelay: Infinity,
  })) {
    if (header === null) {
      header = line.replace(/^\uFEFF/, "");
      for (const s of streams) s.write(`${header}\r\n`);
      continue;
    }
    let pick = random() * total;
    let k = 0;
    while (pick >= shares[k] && k < shares.length - 1) pick -= shares[k++];
    counts[k]++;
    if (!streams[k].write(`${line}\r\n`))
      await new Promise<void>((resolve) => streams[k].once("drain", () => resolve()));
  }
  await Promise.all(streams.map((s) => new Promise<void>((resolve) => s.end(() => resolve()))));
  return counts;
}

/** p-th percentile (nearest rank) of the values, in their unit. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
