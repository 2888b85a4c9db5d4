/**
 * The columns of a service-record file and the header spellings accepted for each. Matching is
 * case-insensitive and ignores spaces, dots, dashes and underscores, so "No. NIK", "no_nik" and
 * "NO NIK" are the same header. Other headers are ignored (and listed as a warning).
 */
export const RECORD_COLUMNS = [
  "nik",
  "nama",
  "tanggal_layanan",
  "jenis_layanan",
  "kode_desa",
  "nilai",
  "kanal",
] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/** Without these a row cannot be a service record; the others are optional. */
export const REQUIRED_COLUMNS: readonly RecordColumn[] = ["nik", "tanggal_layanan", "jenis_layanan"];

const ALIASES: Record<RecordColumn, string[]> = {
  nik: ["nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan", "nik_ktp", "no_ktp", "nik_penerima"],
  nama: ["nama", "nama_lengkap", "nama_penerima", "nama_penduduk", "nama_warga", "name"],
  tanggal_layanan: [
    "tanggal_layanan",
    "tgl_layanan",
    "tanggal",
    "tgl",
    "tanggal_pelayanan",
    "tgl_pelayanan",
    "service_date",
    "date",
  ],
  jenis_layanan: ["jenis_layanan", "layanan", "jenis", "jenis_pelayanan", "pelayanan", "service_type", "service"],
  kode_desa: ["kode_desa", "desa", "kode_kelurahan", "kode_wilayah_desa", "kd_desa", "desa_code"],
  nilai: ["nilai", "nominal", "jumlah", "jumlah_rp", "nilai_rp", "besaran", "plafon", "amount"],
  kanal: ["kanal", "kanal_layanan", "tempat_layanan", "saluran_layanan", "channel", "service_channel"],
};

const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s.\-_/()]+/g, "");

const BY_SPELLING = new Map<string, RecordColumn>(
  RECORD_COLUMNS.flatMap((column) => ALIASES[column].map((alias) => [normaliseHeader(alias), column] as const)),
);

export function canonicalColumn(header: string): RecordColumn | null {
  return BY_SPELLING.get(normaliseHeader(header)) ?? null;
}

export interface HeaderMapping {
  /** Index in the file's row → column, or null for an ignored column. */
  byIndex: (RecordColumn | null)[];
  /** Where each known column sits in the file's row. */
  indexOf: Partial<Record<RecordColumn, number>>;
  ignored: string[];
  missing: RecordColumn[];
  /** A column given twice would make a row ambiguous. */
  duplicated: RecordColumn[];
  /** The header exactly as the file had it, for the rejected-rows file. */
  original: string[];
}

/** Which file header holds which column, when the headers are not ones we recognise. */
export type ColumnOverrides = Partial<Record<RecordColumn, string>>;

export function mapHeader(raw: readonly unknown[], overrides: ColumnOverrides = {}): HeaderMapping {
  const original = raw.map((v) => (v === null || v === undefined ? "" : String(v)));
  const chosen = new Map<string, RecordColumn>();
  for (const column of RECORD_COLUMNS) {
    const header = overrides[column];
    if (header && header.trim()) chosen.set(normaliseHeader(header), column);
  }
  const byIndex = original.map((h) => {
    const key = normaliseHeader(h);
    if (chosen.size && chosen.has(key)) return chosen.get(key)!;
    const auto = canonicalColumn(h);
    // A column the caller assigned elsewhere is not also taken from its automatic spelling.
    return auto && [...chosen.values()].includes(auto) ? null : auto;
  });
  const indexOf: Partial<Record<RecordColumn, number>> = {};
  const duplicated: RecordColumn[] = [];
  const ignored: string[] = [];
  byIndex.forEach((column, i) => {
    if (!column) {
      if (original[i].trim()) ignored.push(original[i].trim());
      return;
    }
    if (indexOf[column] !== undefined) duplicated.push(column);
    else indexOf[column] = i;
  });
  const missing = REQUIRED_COLUMNS.filter((c) => indexOf[c] === undefined);
  return { byIndex, indexOf, ignored, missing, duplicated, original };
}
