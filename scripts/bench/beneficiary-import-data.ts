import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { mulberry32 } from "../../lib/random";

/**
 * A realistic service-record file for the import benchmark: `rows` records over about
 * rows × 0.24 residents with Mesuji NIKs (area prefixes 181101–181107 from the reference list),
 * Mesuji desa codes, dates in 2023–2024, the columns and spellings agencies use, and 5% of rows
 * damaged in the ways the import must catch (Excel scientific notation, a lost leading digit,
 * letters, impossible and future dates, unknown desa, bad amounts, missing service type).
 */
export interface GeneratedFile {
  file: string;
  rows: number;
  damaged: number;
  bytes: number;
}

const SERVICE_TYPES = [
  "KTP-el",
  "Kartu Keluarga",
  "Akta Kelahiran",
  "Akta Kematian",
  "Kartu Identitas Anak",
  "Pindah Datang",
  "KUR Mikro",
  "KUR Kecil",
];
const NAMES = [
  "Budi",
  "Siti",
  "Ahmad",
  "Dewi",
  "Made",
  "Wayan",
  "Nur",
  "Rina",
  "Agus",
  "Sri",
  "Joko",
  "Ani",
  "Putu",
  "Yusuf",
  "Lestari",
  "Hendra",
];
const SURNAMES = [
  "Santoso",
  "Aminah",
  "Saputra",
  "Wati",
  "Pratama",
  "Sari",
  "Hidayat",
  "Kusuma",
  "Nasution",
  "Siregar",
  "Harahap",
  "Gunawan",
];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function mesujiCodes(root: string): { prefixes: string[]; desa: string[] } {
  const kecamatan = fs.readFileSync(path.join(root, "db/reference/kode-wilayah-kecamatan.csv"), "utf8").split(/\r?\n/);
  const prefixes = kecamatan
    .map((l) => l.split(","))
    .filter((c) => c[2] === "kecamatan" && c[0].startsWith("18.11."))
    .map((c) => c[1]);
  const desa = fs
    .readFileSync(path.join(root, "db/reference/mesuji-desa-2025.csv"), "utf8")
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(",")[0])
    .filter(Boolean);
  return { prefixes, desa };
}

/** `seed`: another one gives other residents and records (a fresh file for data already imported). */
export async function generateServiceRecordFile(
  root: string,
  file: string,
  rows: number,
  seed = 20240101,
): Promise<GeneratedFile> {
  const { prefixes, desa } = mesujiCodes(root);
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const residentCount = Math.max(1, Math.round(rows * 0.24));
  // Residents: a NIK (area, birth date with +40 for women, serial), a name, a home desa.
  const residents = Array.from({ length: residentCount }, (_, i) => {
    const female = random() < 0.5;
    const year = 1950 + Math.floor(random() * 55);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const nik = `${pick(prefixes)}${pad(day + (female ? 40 : 0))}${pad(month)}${pad(year % 100)}${pad((i % 9999) + 1, 4)}`;
    return { nik, name: `${pick(NAMES)} ${pick(SURNAMES)}`, desa: pick(desa) };
  });
  const out = fs.createWriteStream(file);
  let damaged = 0;
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, "drain");
  };
  await write("\uFEFFNIK;Nama;Tanggal Layanan;Jenis Layanan;Kode Desa;Nilai\r\n");
  for (let i = 0; i < rows; i++) {
    const r = residents[Math.floor(random() * residentCount)];
    let nik = r.nik;
    let date = `${2023 + Math.floor(random() * 2)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    let type = pick(SERVICE_TYPES);
    let desaCode = r.desa;
    let value = type.startsWith("KUR") ? String(5_000_000 + Math.floor(random() * 45) * 1_000_000) : "";
    if (random() < 0.05) {
      damaged++;
      switch (Math.floor(random() * 8)) {
        case 0:
          nik = `${nik[0]}.${nik.slice(1, 6)}E+15`;
          break; // Excel scientific notation
        case 1:
          nik = nik.slice(1);
          break; // 15 digits: a lost leading digit
        case 2:
          nik = `${nik.slice(0, 10)}O${nik.slice(11)}`;
          break; // a letter O for a zero
        case 3:
          date = "31/02/2024";
          break;
        case 4:
          date = "2099-01-01";
          break;
        case 5:
          desaCode = "18.71.01.1001";
          break; // Bandar Lampung, not Mesuji
        case 6:
          value = "-250000";
          break;
        default:
          type = "";
          break;
      }
    }
    const dmy = random() < 0.3 ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : date;
    await write(`${nik};"${r.name}";${date.includes("/") ? date : dmy};${type};${desaCode};${value}\r\n`);
  }
  out.end();
  await once(out, "finish");
  return { file, rows, damaged, bytes };
}
