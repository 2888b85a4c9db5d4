import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { regions, type RegionLevel } from "@/db/schema/regions";

const dataFile = (name: string) => path.join(process.cwd(), "db", "reference", name);

/** Simple comma-split: these two shipped files are ours and contain no quoted fields. */
function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(dataFile(name), "utf8").trim().split(/\r?\n/);
  const cols = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [cols[i], v])));
}

function parentOf(code: string): string | null {
  const i = code.lastIndexOf(".");
  return i < 0 ? null : code.slice(0, i);
}

export function referenceRegions(): (typeof regions.$inferInsert)[] {
  const national = readCsv("kode-wilayah-kecamatan.csv").map((r) => ({
    code: r.kode,
    nikPrefix: r.nik_prefix,
    level: r.tingkat as RegionLevel,
    name: r.nama,
    parentCode: parentOf(r.kode),
  }));
  const desa = readCsv("mesuji-desa-2025.csv").map((r) => ({
    code: r.kode,
    nikPrefix: r.kode.replaceAll(".", ""),
    level: "desa" as const,
    name: r.nama,
    parentCode: r.kecamatan_kode,
  }));
  return [...national, ...desa];
}

/** Loads the area codes once; later starts find them and do nothing. */
export async function seedReferenceData(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(regions);
  if (n > 0) return 0;
  const rows = referenceRegions();
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insert(regions)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing();
    }
  });
  return rows.length;
}
