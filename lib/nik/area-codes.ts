import fs from "node:fs";
import path from "node:path";

/** Where a NIK was first issued. Names are as Kemendagri spells them (e.g. "Kabupaten Mesuji"). */
export interface NikArea {
  kecamatan: string;
  kabupatenKota: string | null;
  provinsi: string | null;
}

/**
 * Relative to the working directory rather than this file: Next.js bundles server code into
 * `.next/`, so `import.meta.dirname` would point into the build output, while both `next start`
 * and vitest run from the repository root.
 */
export const AREA_CODES_CSV = path.join("db", "reference", "kode-wilayah-kecamatan.csv");

let cache: ReadonlyMap<string, NikArea> | null = null;

/**
 * Splits one CSV line, honouring double quotes. The current file has no quoted fields, but a
 * kecamatan name with a comma in a future Kemendagri release must not silently shift columns.
 */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * Builds prefix → area from the CSV text. Every row counts as known whatever its `ada_*` flags
 * say: a NIK keeps the code of the kecamatan that issued it even after that kecamatan is split,
 * merged or renumbered, so a code that existed in any year is still legitimate.
 */
export function parseAreaCsv(text: string): Map<string, NikArea> {
  // Columns are found by header name so a reordered export does not scramble the mapping.
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.trim());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${AREA_CODES_CSV}: missing column "${name}"`);
    return i;
  };
  const iPrefix = col("nik_prefix");
  const iLevel = col("tingkat");
  const iName = col("nama");

  // Two passes because parents are not guaranteed to precede their kecamatan in the file.
  const rows = lines.slice(1).map(splitCsvLine);
  const provinces = new Map<string, string>();
  const regencies = new Map<string, string>();
  for (const r of rows) {
    const prefix = r[iPrefix]?.trim() ?? "";
    const name = r[iName]?.trim() ?? "";
    if (r[iLevel] === "provinsi") provinces.set(prefix, name);
    else if (r[iLevel] === "kabupaten_kota") regencies.set(prefix, name);
  }
  const areas = new Map<string, NikArea>();
  for (const r of rows) {
    const prefix = r[iPrefix]?.trim() ?? "";
    if (r[iLevel] !== "kecamatan" || !/^\d{6}$/.test(prefix)) continue;
    areas.set(prefix, {
      kecamatan: r[iName]?.trim() ?? "",
      kabupatenKota: regencies.get(prefix.slice(0, 4)) ?? null,
      provinsi: provinces.get(prefix.slice(0, 2)) ?? null,
    });
  }
  return areas;
}

/**
 * Read once, on first use: ~8,000 rows is cheap to keep in memory, and loading lazily keeps
 * importing this module free of I/O (client bundles and tests that never look up an area).
 */
function areaCodes(): ReadonlyMap<string, NikArea> {
  cache ??= parseAreaCsv(fs.readFileSync(path.join(process.cwd(), AREA_CODES_CSV), "utf8"));
  return cache;
}

/** The area for a 6-digit NIK prefix, or null when the prefix is not a known kecamatan code. */
export function lookupArea(prefix6: string): NikArea | null {
  if (!/^\d{6}$/.test(prefix6)) return null;
  return areaCodes().get(prefix6) ?? null;
}

/** Every known 6-digit prefix, sorted (for generators in tests and for pick lists). */
export function knownAreaPrefixes(): string[] {
  return [...areaCodes().keys()].sort();
}
