import type { InnovationListItem } from "./list-query";

/**
 * The columns of the catalogue export, in order. Headers are Indonesian snake_case so they read
 * well in a spreadsheet and survive a round trip through the import (which reuses them). Values
 * are the stored codes (`penerapan`, `non_digital`, urusan slugs), not translated labels: they
 * are what the import and the IGA vocabulary expect, whatever the exporter's language.
 */
export const EXPORT_HEADERS = [
  "nama_inovasi",
  "perangkat_daerah",
  "tahapan",
  "inisiator",
  "nama_inisiator",
  "jenis",
  "bentuk",
  "tematik",
  "urusan_utama",
  "urusan_lain",
  "waktu_uji_coba",
  "waktu_penerapan",
  "tahun",
  "klasifikasi",
  "lintang",
  "bujur",
  "asta_cita",
  "klaster_prioritas_nasional",
  "tanggal_perkembangan_terakhir",
  "kelengkapan_persen",
  "data_contoh",
] as const;
export type ExportHeader = (typeof EXPORT_HEADERS)[number];

/** Several other affairs go in one cell, separated like this. */
export const LIST_SEPARATOR = "; ";
export const YES = "ya";
export const NO = "tidak";

export type ExportValue = string | number | null;

/** The spreadsheet cell of each column; numbers stay numbers so the XLSX can sum them. */
const VALUE_OF: { [H in ExportHeader]: (r: InnovationListItem) => ExportValue } = {
  nama_inovasi: (r) => r.name,
  perangkat_daerah: (r) => r.agencyFullName,
  tahapan: (r) => r.stage,
  inisiator: (r) => r.initiatorType,
  nama_inisiator: (r) => r.initiatorName,
  jenis: (r) => r.innovationType,
  bentuk: (r) => r.form,
  tematik: (r) => r.theme,
  urusan_utama: (r) => r.mainAffair,
  urusan_lain: (r) => (r.otherAffairs.length > 0 ? r.otherAffairs.join(LIST_SEPARATOR) : null),
  waktu_uji_coba: (r) => r.trialDate,
  waktu_penerapan: (r) => r.implementationDate,
  tahun: (r) => r.yearApplied,
  // The 2026 profile: codes as stored, Asta Cita by its number (1–8), degrees as numbers.
  klasifikasi: (r) => r.classification,
  lintang: (r) => r.latitude,
  bujur: (r) => r.longitude,
  asta_cita: (r) => r.astaCita,
  klaster_prioritas_nasional: (r) => r.priorityCluster,
  tanggal_perkembangan_terakhir: (r) => r.latestDevelopmentDate,
  kelengkapan_persen: (r) => r.completeness,
  data_contoh: (r) => (r.isSample ? YES : NO),
};

/** One row as cells in header order (what the CSV and XLSX writers take). */
export function toExportCells(item: InnovationListItem): ExportValue[] {
  return EXPORT_HEADERS.map((h) => VALUE_OF[h](item));
}

/** Column widths for the XLSX, in characters. */
export const EXPORT_WIDTHS: Partial<Record<ExportHeader, number>> = {
  nama_inovasi: 40,
  perangkat_daerah: 40,
  nama_inisiator: 30,
  urusan_utama: 30,
  urusan_lain: 40,
  klaster_prioritas_nasional: 30,
};
