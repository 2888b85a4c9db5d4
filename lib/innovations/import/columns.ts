import { MESSAGES } from "@/i18n/messages";
import { AFFAIRS } from "@/lib/reference/affairs";
import {
  CLASSIFICATIONS,
  INITIATOR_TYPES,
  INNOVATION_FORMS,
  INNOVATION_TYPES,
  PRIORITY_CLUSTERS,
  STAGES,
  THEMES,
} from "../vocabulary";

/**
 * The template's columns, in order, each bound to one field of the profile (lib/innovations/schemas.ts).
 * Headers are Indonesian snake_case because the people filling the sheet read Indonesian.
 */
export const IMPORT_COLUMNS = [
  { header: "nama_inovasi", field: "name", width: 34 },
  { header: "perangkat_daerah", field: "agencyId", width: 20 },
  { header: "ringkasan", field: "summary", width: 40 },
  { header: "tahapan", field: "stage", width: 14 },
  { header: "jenis_inisiator", field: "initiatorType", width: 22 },
  { header: "nama_inisiator", field: "initiatorName", width: 30 },
  { header: "jenis", field: "innovationType", width: 14 },
  { header: "bentuk", field: "form", width: 34 },
  { header: "tematik", field: "theme", width: 30 },
  { header: "urusan_utama", field: "mainAffair", width: 34 },
  { header: "urusan_lain", field: "otherAffairs", width: 40 },
  { header: "waktu_uji_coba", field: "trialDate", width: 16 },
  { header: "waktu_penerapan", field: "implementationDate", width: 16 },
  { header: "rancang_bangun", field: "design", width: 60 },
  { header: "tujuan", field: "goals", width: 40 },
  { header: "manfaat", field: "benefits", width: 40 },
  { header: "hasil", field: "results", width: 40 },
  { header: "tahun", field: "yearApplied", width: 10 },
  // The 2026 profile (Profil 2026).
  { header: "klasifikasi", field: "classification", width: 22 },
  { header: "lintang", field: "latitude", width: 12 },
  { header: "bujur", field: "longitude", width: 12 },
  { header: "asta_cita", field: "astaCita", width: 10 },
  { header: "klaster_prioritas_nasional", field: "priorityCluster", width: 34 },
  { header: "tanggal_perkembangan_terakhir", field: "latestDevelopmentDate", width: 16 },
] as const;

export type ColumnHeader = (typeof IMPORT_COLUMNS)[number]["header"];

export const DATE_COLUMNS: ReadonlySet<string> = new Set<ColumnHeader>([
  "waktu_uji_coba",
  "waktu_penerapan",
  "tanggal_perkembangan_terakhir",
]);

const HEADER_BY_FIELD = new Map<string, ColumnHeader>(IMPORT_COLUMNS.map((c) => [c.field, c.header]));
const KNOWN_HEADERS = new Set<string>(IMPORT_COLUMNS.map((c) => c.header));

/** The column a schema field is read from, so a zod issue can point at the spreadsheet column. */
export function columnOf(field: string | number | symbol | undefined): string {
  return HEADER_BY_FIELD.get(String(field)) ?? String(field ?? "");
}

/** Names people already use in their own spreadsheets (and the English field names). */
const ALIASES: Record<string, ColumnHeader> = {
  nama: "nama_inovasi",
  nama_inovasi_daerah: "nama_inovasi",
  name: "nama_inovasi",
  opd: "perangkat_daerah",
  kode_opd: "perangkat_daerah",
  agency: "perangkat_daerah",
  perangkat_daerah_pengampu: "perangkat_daerah",
  summary: "ringkasan",
  tahapan_inovasi: "tahapan",
  stage: "tahapan",
  inisiator: "jenis_inisiator",
  jenis_inovasi: "jenis",
  bentuk_inovasi: "bentuk",
  tema: "tematik",
  urusan: "urusan_utama",
  urusan_pemerintahan: "urusan_utama",
  urusan_lainnya: "urusan_lain",
  tanggal_uji_coba: "waktu_uji_coba",
  tanggal_penerapan: "waktu_penerapan",
  tahun_penerapan: "tahun",
  year: "tahun",
  klasifikasi_inovasi: "klasifikasi",
  classification: "klasifikasi",
  latitude: "lintang",
  lat: "lintang",
  longitude: "bujur",
  lon: "bujur",
  lng: "bujur",
  prioritas_asta_cita: "asta_cita",
  astacita: "asta_cita",
  klaster_prioritas: "klaster_prioritas_nasional",
  klaster: "klaster_prioritas_nasional",
  tanggal_perkembangan: "tanggal_perkembangan_terakhir",
  perkembangan_terakhir: "tanggal_perkembangan_terakhir",
};

/** Lower case, no accents, runs of spaces and punctuation as one underscore: "Nama Inovasi *" → "nama_inovasi". */
export function slug(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** The template column a header names, or undefined for a column the import does not read. */
export function canonicalHeader(raw: string): ColumnHeader | undefined {
  const key = slug(raw);
  if (KNOWN_HEADERS.has(key)) return key as ColumnHeader;
  return ALIASES[key];
}

type Tree = { [key: string]: string | Tree };
function labelsOf(locale: "id" | "en", group: string): Record<string, string> {
  const vocab = MESSAGES[locale].vocab as Tree | undefined;
  return (vocab?.[group] as Record<string, string> | undefined) ?? {};
}

/** The coded columns: the codes stored, and the message group holding their labels. */
export const CODED_COLUMNS = {
  tahapan: { codes: STAGES, vocab: "stage" },
  jenis_inisiator: { codes: INITIATOR_TYPES, vocab: "initiatorType" },
  jenis: { codes: INNOVATION_TYPES, vocab: "innovationType" },
  bentuk: { codes: INNOVATION_FORMS, vocab: "form" },
  tematik: { codes: THEMES, vocab: "theme" },
  klasifikasi: { codes: CLASSIFICATIONS, vocab: "classification" },
  klaster_prioritas_nasional: { codes: PRIORITY_CLUSTERS, vocab: "priorityCluster" },
} as const satisfies Partial<Record<ColumnHeader, { codes: readonly string[]; vocab: string }>>;
export type CodedColumn = keyof typeof CODED_COLUMNS;

// Keys without underscores, so "Uji coba", "uji_coba", "UJI-COBA" and "ujicoba" all meet.
const squash = (raw: string) => slug(raw).replace(/_/g, "");

function lookup(entries: [alias: string, code: string][]): Map<string, string> {
  const map = new Map<string, string>();
  for (const [alias, code] of entries) if (alias) map.set(squash(alias), code);
  return map;
}

const CODED_LOOKUP = Object.fromEntries(
  Object.entries(CODED_COLUMNS).map(([column, { codes, vocab }]) => {
    const id = labelsOf("id", vocab);
    const en = labelsOf("en", vocab);
    return [
      column,
      lookup(
        codes.flatMap(
          (c) =>
            [
              [c, c],
              [id[c] ?? "", c],
              [en[c] ?? "", c],
            ] as [string, string][],
        ),
      ),
    ];
  }),
) as Record<CodedColumn, Map<string, string>>;

const AFFAIR_LOOKUP = lookup(
  AFFAIRS.flatMap(
    (a) =>
      [
        [a.code, a.code],
        [a.name, a.code],
      ] as [string, string][],
  ),
);

/** A code for a code or label (either language, any case); the raw text when unknown, so the schema rejects it. */
export function resolveCoded(column: CodedColumn, raw: string): string {
  return CODED_LOOKUP[column].get(squash(raw)) ?? raw;
}

export function resolveAffair(raw: string): string {
  return AFFAIR_LOOKUP.get(squash(raw)) ?? raw;
}

/** "7", "Asta Cita 7", "AC-7" or "7. Memperkuat reformasi …" → 7; other text passes through for the schema to refuse. */
export function resolveAstaCita(raw: string): string {
  const match = /^\s*(?:asta\s*cita|ac)?\s*[-.:]?\s*([1-8])(?!\d)/i.exec(raw);
  return match ? match[1] : raw;
}

/** urusan_lain holds several affairs; names contain commas, so only ";" and line breaks separate them. */
export function splitAffairs(raw: string): string[] {
  const codes = raw
    .split(/[;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map(resolveAffair);
  return [...new Set(codes)];
}

/** Labels of a coded column in a locale, for the template's lists and the instructions sheet. */
export function codedLabels(column: CodedColumn, locale: "id" | "en"): { code: string; label: string }[] {
  const labels = labelsOf(locale, CODED_COLUMNS[column].vocab);
  return CODED_COLUMNS[column].codes.map((code) => ({ code, label: labels[code] ?? code }));
}
