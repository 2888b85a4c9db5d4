/**
 * `npm run bench [-- <name>…]`: runs every scripts/bench/<name>.bench.ts (or the ones named) in
 * turn. Each module's default export runs its benchmark and prints its own report.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.dirname(new URL(import.meta.url).pathname);
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Available: ${all.join(", ")}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : all) {
  console.log(`\n=== bench: ${name} ===`);
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
}
