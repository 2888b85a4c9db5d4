import { and, count, eq, inArray, like } from "drizzle-orm";
import { applyBatchFacts } from "@/lib/analytics/facts";
import { encryptField, hashNik } from "@/lib/crypto";
import { parseNik } from "@/lib/nik";
import { mulberry32 } from "@/lib/random";
import type { Executor } from "@/db/client";
import { importBatches, residents, serviceRecords } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { regions } from "@/db/schema/regions";
import type { ServiceChannel } from "@/lib/beneficiaries/import/values";

/*
 * Sample beneficiaries for the demo: ~300 fictitious residents and ~1,000 service records for
 * Payo Beladas (population documents) and Pak Kur (KUR loans), ~40 residents served by both.
 * Stored exactly as an import stores them (HMAC link, NIK and name encrypted under the
 * installation's keys), in one batch per innovation whose report says `sample: true`.
 * Deterministic (a seeded generator), so a fresh install always has the same data.
 */

/** A resident served by both programmes, for trying the look-up (and for the e2e test). Fictitious. */
export const DEMO_SHARED_NIK = "1811064506850003";
export const DEMO_SAMPLE_NOTE = "Data contoh fiktif untuk demo — bukan data penduduk sebenarnya";

const PAYO_ONLY = 200;
const KUR_ONLY = 60;
const BOTH = 40;
const FIRST_YEAR = 2023;
const LAST_DATE = "2025-10-31";
const CHUNK = 500;

const FIRST_NAMES_L = [
  "Agus",
  "Budi",
  "Dedi",
  "Eko",
  "Hendra",
  "Joko",
  "Made",
  "Nyoman",
  "Rudi",
  "Slamet",
  "Suryadi",
  "Wayan",
  "Yusuf",
  "Ahmad",
  "Bambang",
];
const FIRST_NAMES_P = [
  "Ani",
  "Dewi",
  "Endang",
  "Fitri",
  "Ketut",
  "Lestari",
  "Nur",
  "Ratna",
  "Siti",
  "Sri",
  "Tuti",
  "Wahyuni",
  "Yanti",
  "Komang",
  "Rina",
];
const LAST_NAMES = [
  "Saputra",
  "Wijaya",
  "Lestari",
  "Hidayat",
  "Pratama",
  "Kusuma",
  "Santoso",
  "Rahayu",
  "Setiawan",
  "Handayani",
  "Susanti",
  "Nugroho",
  "Purnama",
  "Utami",
];
const PAYO_SERVICES = [
  "Perekaman KTP-el",
  "Pencetakan KTP-el",
  "Kartu Keluarga",
  "Akta Kelahiran",
  "Kartu Identitas Anak",
  "Surat Pindah",
];

/** A seeded generator (lib/random's mulberry32), enough for plausible sample data. */
function generator(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

interface DemoResident {
  nik: string;
  name: string;
  kecamatan: string; // "18.11.06"
  group: "payo" | "kur" | "both";
}

interface DemoRecord {
  nik: string;
  innovation: "payo" | "kur";
  date: string;
  type: string;
  desa: string;
  amount: number | null;
}

export function planBeneficiariesDemo(desaByKecamatan: Map<string, string[]>) {
  const rnd = generator(20231811);
  const kecamatans = [...desaByKecamatan.keys()].sort();
  const residentsPlan: DemoResident[] = [];
  const groups: DemoResident["group"][] = [
    ...Array<DemoResident["group"]>(BOTH).fill("both"),
    ...Array<DemoResident["group"]>(PAYO_ONLY).fill("payo"),
    ...Array<DemoResident["group"]>(KUR_ONLY).fill("kur"),
  ];
  groups.forEach((group, i) => {
    if (i === 0) {
      residentsPlan.push({ nik: DEMO_SHARED_NIK, name: "Contoh Warga Satu", kecamatan: "18.11.06", group });
      return;
    }
    const kecamatan = rnd.pick(kecamatans);
    const female = rnd.next() < 0.5;
    // Borrowers are adults; population documents are for everyone.
    const year = group === "payo" ? rnd.int(1950, 2020) : rnd.int(1960, 2000);
    const day = rnd.int(1, 28);
    const nik = `${kecamatan.replaceAll(".", "")}${pad(female ? day + 40 : day)}${pad(rnd.int(1, 12))}${pad(year % 100)}${pad(i + 1, 4)}`;
    const first = rnd.pick(female ? FIRST_NAMES_P : FIRST_NAMES_L);
    residentsPlan.push({ nik, name: `${first} ${rnd.pick(LAST_NAMES)}`, kecamatan, group });
  });

  const records: DemoRecord[] = [];
  const seen = new Set<string>();
  const randomDate = () => {
    const start = Date.UTC(FIRST_YEAR, 0, 1);
    const end = Date.parse(`${LAST_DATE}T00:00:00Z`);
    return new Date(start + Math.floor(rnd.next() * ((end - start) / 86_400_000)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  };
  const add = (r: DemoRecord) => {
    const key = `${r.nik}|${r.innovation}|${r.date}|${r.type}`;
    if (seen.has(key)) return;
    seen.add(key);
    records.push(r);
  };
  for (const resident of residentsPlan) {
    // Services are mostly recorded at a desa of the resident's own kecamatan.
    const desa = () =>
      rnd.pick(
        rnd.next() < 0.85 ? desaByKecamatan.get(resident.kecamatan)! : desaByKecamatan.get(rnd.pick(kecamatans))!,
      );
    if (resident.group !== "kur") {
      const n = rnd.int(1, 5);
      for (let k = 0; k < n; k++)
        add({
          nik: resident.nik,
          innovation: "payo",
          date: randomDate(),
          type: rnd.pick(PAYO_SERVICES),
          desa: desa(),
          amount: null,
        });
    }
    if (resident.group !== "payo") {
      const place = desa();
      add({
        nik: resident.nik,
        innovation: "kur",
        date: randomDate(),
        type: "Pendampingan dokumen KUR",
        desa: place,
        amount: null,
      });
      const loans = rnd.int(1, 2);
      for (let k = 0; k < loans; k++) {
        const small = rnd.next() < 0.8;
        add({
          nik: resident.nik,
          innovation: "kur",
          date: randomDate(),
          type: small ? "Akad KUR Mikro" : "Akad KUR Kecil",
          desa: place,
          amount: small ? rnd.int(2, 20) * 5_000_000 : rnd.int(11, 50) * 10_000_000,
        });
      }
    }
  }
  return { residents: residentsPlan, records };
}

/** Payo Beladas serves mostly at the village counters, Pak Kur at the office and on visits. */
function demoChannel(innovation: "payo" | "kur", index: number): ServiceChannel {
  if (innovation === "payo") return index % 5 === 4 ? "kantor" : "loket_desa";
  return index % 3 === 2 ? "jemput_bola" : "kantor";
}

/**
 * Seeds the sample beneficiaries once: only when the region has no service record yet and both
 * flagship innovations exist. Runs in one transaction.
 */
export async function seedBeneficiariesDemo(db: Executor, options: { regionCode: string }) {
  const { regionCode } = options;
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(serviceRecords)
      .where(eq(serviceRecords.regionCode, regionCode));
    if (n > 0) return { seeded: false, residents: 0, records: 0 };
    const flagships = await tx
      .select({ id: innovations.id, name: innovations.name })
      .from(innovations)
      .where(and(eq(innovations.regionCode, regionCode), inArray(innovations.name, ["Payo Beladas", "Pak Kur"])));
    const payo = flagships.find((f) => f.name === "Payo Beladas");
    const kur = flagships.find((f) => f.name === "Pak Kur");
    const desaRows = await tx
      .select({ code: regions.code, parent: regions.parentCode })
      .from(regions)
      .where(and(eq(regions.level, "desa"), like(regions.code, `${regionCode}.%`)));
    if (!payo || !kur || desaRows.length === 0) return { seeded: false, residents: 0, records: 0 };

    const desaByKecamatan = new Map<string, string[]>();
    for (const d of desaRows) desaByKecamatan.set(d.parent!, [...(desaByKecamatan.get(d.parent!) ?? []), d.code]);
    const plan = planBeneficiariesDemo(desaByKecamatan);

    const residentId = new Map<string, string>();
    for (let i = 0; i < plan.residents.length; i += CHUNK) {
      const chunk = plan.residents.slice(i, i + CHUNK);
      const values = chunk.map((r) => {
        const parsed = parseNik(r.nik);
        if (!parsed.ok) throw new Error(`demo NIK generator produced an invalid NIK (${parsed.code})`);
        return {
          regionCode,
          nikHash: hashNik(parsed.nik),
          nikEncrypted: encryptField(parsed.nik, "nik"),
          nameEncrypted: encryptField(r.name, "name"),
          sex: parsed.sex,
          birthDate: parsed.birthDate,
          issueAreaCode: parsed.areaCode,
        };
      });
      const rows = await tx
        .insert(residents)
        .values(values)
        .returning({ id: residents.id, nikHash: residents.nikHash });
      const byHash = new Map(rows.map((r) => [r.nikHash, r.id]));
      chunk.forEach((r, k) => residentId.set(r.nik, byHash.get(values[k].nikHash)!));
    }

    const now = new Date();
    for (const [key, innovation] of [
      ["payo", payo],
      ["kur", kur],
    ] as const) {
      const records = plan.records.filter((r) => r.innovation === key);
      const [batch] = await tx
        .insert(importBatches)
        .values({
          regionCode,
          innovationId: innovation.id,
          source: "cli",
          fileName: `contoh-penerima-manfaat-${key === "payo" ? "payo-beladas" : "pak-kur"}.csv`,
          status: "done",
          rows: records.length,
          accepted: records.length,
          report: { sample: true, note: DEMO_SAMPLE_NOTE },
          finishedAt: now,
        })
        .returning({ id: importBatches.id });
      for (let i = 0; i < records.length; i += CHUNK) {
        await tx.insert(serviceRecords).values(
          records.slice(i, i + CHUNK).map((r, k) => ({
            regionCode,
            innovationId: innovation.id,
            residentId: residentId.get(r.nik)!,
            serviceDate: r.date,
            serviceType: r.type,
            desaCode: r.desa,
            channel: demoChannel(key, i + k),
            amount: r.amount,
            batchId: batch.id,
          })),
        );
      }
      await applyBatchFacts(tx, { regionCode, batchId: batch.id }, 1);
    }
    return { seeded: true, residents: plan.residents.length, records: plan.records.length };
  });
}
