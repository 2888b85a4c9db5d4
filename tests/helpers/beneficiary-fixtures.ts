import { and, eq } from "drizzle-orm";
import type { DatabaseHandle, Db } from "@/db/client";
import { importBatches, residents, serviceRecords } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { applyBatchFacts } from "@/lib/analytics/facts";
import { encryptField, generateNikKeys, hashNik, nikKeys, setNikKeys } from "@/lib/crypto";
import { parseNik } from "@/lib/nik";
import type { TestDatabase } from "./databases";
import { seedDemoData } from "./fixtures";

/*
 * Residents and service records stored exactly as an import stores them (HMAC of the NIK as the
 * link, NIK and name encrypted, sex/birth date/area derived from the NIK), without going through
 * the import itself. Test files use fresh random keys so nothing is written into ./data.
 */

let keysSet = false;
/** Fresh random NIK keys for this test process (once); call before storing or looking up. */
export function installTestNikKeys() {
  if (!keysSet) {
    setNikKeys(generateNikKeys());
    keysSet = true;
  }
  return nikKeys();
}

export interface FixtureRecord {
  nik: string;
  name?: string | null;
  date: string;
  type: string;
  desa?: string | null;
  channel?: string | null;
  amount?: number | null;
}

/** The resident of a NIK, created once per region like the import does; returns its id. */
export async function storeResident(
  db: Db,
  nik: string,
  name: string | null = null,
  regionCode = "18.11",
): Promise<string> {
  installTestNikKeys();
  const parsed = parseNik(nik, { today: new Date("2026-01-01T00:00:00Z") });
  if (!parsed.ok) throw new Error(`fixture NIK invalid: ${parsed.code}`);
  const nikHash = hashNik(parsed.nik);
  const [created] = await db
    .insert(residents)
    .values({
      regionCode,
      nikHash,
      nikEncrypted: encryptField(parsed.nik, "nik"),
      nameEncrypted: name ? encryptField(name, "name") : null,
      sex: parsed.sex,
      birthDate: parsed.birthDate,
      issueAreaCode: parsed.areaCode,
    })
    .onConflictDoNothing()
    .returning({ id: residents.id });
  if (created) return created.id;
  const [existing] = await db
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.regionCode, regionCode), eq(residents.nikHash, nikHash)));
  return existing.id;
}

/** Service records of one innovation in one batch (source "cli"); duplicates are skipped like an import's. */
export async function storeServiceRecords(
  db: Db,
  innovationId: string,
  records: FixtureRecord[],
  regionCode = "18.11",
) {
  const [batch] = await db
    .insert(importBatches)
    .values({
      regionCode,
      innovationId,
      source: "cli",
      fileName: "fixture.csv",
      status: "done",
      rows: records.length,
      finishedAt: new Date(),
    })
    .returning({ id: importBatches.id });
  let accepted = 0;
  for (const r of records) {
    const residentId = await storeResident(db, r.nik, r.name ?? null, regionCode);
    const inserted = await db
      .insert(serviceRecords)
      .values({
        regionCode,
        innovationId,
        residentId,
        serviceDate: r.date,
        serviceType: r.type,
        desaCode: r.desa ?? null,
        channel: r.channel ?? null,
        amount: r.amount ?? null,
        batchId: batch.id,
      })
      .onConflictDoNothing()
      .returning({ id: serviceRecords.id });
    accepted += inserted.length;
  }
  await db
    .update(importBatches)
    .set({ accepted, duplicates: records.length - accepted })
    .where(eq(importBatches.id, batch.id));
  await applyBatchFacts(db, { regionCode, batchId: batch.id }, 1);
  return { batchId: batch.id, accepted };
}

export async function innovationIdByName(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: innovations.id }).from(innovations).where(eq(innovations.name, name));
  if (!row) throw new Error(`no innovation ${name}`);
  return row.id;
}

/*
 * A small hand-made dataset whose aggregates are worked out by hand in the tests:
 *   A  1811014501900001  woman, born 1990-01-05, NIK issued in Mesuji (181101)   — Payo Beladas ×2, Pak Kur ×1
 *   B  1811021203850002  man,   born 1985-03-12, Mesuji Timur (181102)           — Payo Beladas ×1, Pak Kur ×2
 *   C  1811035007100003  girl,  born 2010-07-10, Rawa Jitu Utara (181103)        — Payo Beladas ×1 (no desa)
 *   D  1811040101600004  man,   born 1960-01-01, Way Serdang (181104)            — Payo Beladas ×1 in 2024
 */
export const NIK = {
  A: "1811014501900001",
  B: "1811021203850002",
  C: "1811035007100003",
  D: "1811040101600004",
} as const;

export async function storeHandMadeDataset(db: Db) {
  const payo = await innovationIdByName(db, "Payo Beladas");
  const pakKur = await innovationIdByName(db, "Pak Kur");
  await storeServiceRecords(db, payo, [
    {
      nik: NIK.A,
      name: "Siti Aminah",
      date: "2023-01-10",
      type: "Perekaman KTP-el",
      desa: "18.11.01.2001",
      channel: "loket_desa",
    },
    { nik: NIK.A, date: "2023-02-05", type: "Kartu Keluarga", desa: "18.11.01.2001" },
    { nik: NIK.B, name: "Budi Santoso", date: "2023-01-20", type: "Perekaman KTP-el", desa: "18.11.02.2001" },
    { nik: NIK.C, name: "Citra Lestari", date: "2023-02-14", type: "Akta Kelahiran" },
    { nik: NIK.D, name: "Darmo", date: "2024-03-01", type: "Perekaman KTP-el", desa: "18.11.01.2002" },
    // The same (innovation, resident, date, type) again: a duplicate, not a second record.
    { nik: NIK.A, date: "2023-01-10", type: "Perekaman KTP-el", desa: "18.11.01.2001" },
  ]);
  await storeServiceRecords(db, pakKur, [
    { nik: NIK.A, date: "2023-06-01", type: "Akad KUR Mikro", desa: "18.11.01.2001", amount: 25_000_000 },
    { nik: NIK.B, date: "2023-06-02", type: "Akad KUR Mikro", amount: 50_000_000 },
    { nik: NIK.B, date: "2023-07-01", type: "Pendampingan dokumen", desa: "18.11.02.2001" },
  ]);
  return { payo, pakKur };
}

/** A fresh database with the demo data and the hand-made dataset, under this process's test keys. */
export async function openHandMadeDatabase(
  database: TestDatabase,
): Promise<{ handle: DatabaseHandle; ids: { payo: string; pakKur: string } }> {
  installTestNikKeys();
  const handle = await database.open();
  await seedDemoData(handle.db);
  return { handle, ids: await storeHandMadeDataset(handle.db) };
}
