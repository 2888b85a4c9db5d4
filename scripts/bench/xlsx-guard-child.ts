/** Reads one workbook through the beneficiary import's reader in a fresh process; prints a JSON line. */
import fs from "node:fs";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";

const file = process.argv[2];
const start = performance.now();
let outcome = "read to the end";
let rows = 0;
try {
  const source = await openRecordFile(fs.createReadStream(file), "hostile.xlsx");
  for await (const row of source.rows) if (row) rows++;
} catch (error) {
  outcome = (error as { code?: string }).code ?? String(error);
}
console.log(
  JSON.stringify({
    outcome,
    rows,
    seconds: (performance.now() - start) / 1000,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
