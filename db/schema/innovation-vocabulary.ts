/** The IGA profile's closed vocabularies, owned by the innovations table. Codes are stored; labels come from the messages files. No imports: client components read these lists. */
export const STAGES = ["inisiatif", "uji_coba", "penerapan"] as const;
export type Stage = (typeof STAGES)[number];

export const INITIATOR_TYPES = ["kepala_daerah", "anggota_dprd", "opd", "asn", "masyarakat"] as const;
export type InitiatorType = (typeof INITIATOR_TYPES)[number];

export const INNOVATION_TYPES = ["digital", "non_digital"] as const;
export type InnovationType = (typeof INNOVATION_TYPES)[number];

export const INNOVATION_FORMS = ["tata_kelola", "pelayanan_publik", "urusan_lainnya"] as const;
export type InnovationForm = (typeof INNOVATION_FORMS)[number];

/** Tematik of the 2023 guideline; a later guideline may add themes, so the column is plain text. */
export const THEMES = [
  "digitalisasi_layanan",
  "penanggulangan_kemiskinan",
  "kemudahan_investasi",
  "prioritas_aktual_presiden",
  "non_tematik",
] as const;
export type Theme = (typeof THEMES)[number];
