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

/**
 * 2026 profile (Surat Kepala BSKDN 400.10.11/1887/BSKDN, known second-hand): the letter names a
 * "klasifikasi inovasi" without a published list. Assumed: whether the innovation is new to the
 * region, copied from another region, or a development of an existing one.
 */
export const CLASSIFICATIONS = ["orisinal", "replikasi", "pengembangan"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/**
 * 2026 profile: "klaster prioritas nasional". No list has been published; assumed: the themes of
 * the RPJMN 2025–2029 priorities and quick wins a regional innovation can serve.
 */
export const PRIORITY_CLUSTERS = [
  "ketahanan_pangan",
  "ketahanan_energi_air",
  "gizi_stunting",
  "kesehatan",
  "pendidikan_sdm",
  "pengentasan_kemiskinan",
  "lapangan_kerja_umkm_investasi",
  "hilirisasi_industri",
  "pembangunan_desa_infrastruktur",
  "reformasi_birokrasi_digital",
  "lingkungan_bencana",
  "lainnya",
] as const;
export type PriorityCluster = (typeof PRIORITY_CLUSTERS)[number];

/** Asta Cita: the eight missions of the 2025–2029 government, stored as their number 1–8 (lib/reference/asta-cita.ts). */
export const ASTA_CITA_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** The profile fields the 2026 guideline adds; a rule set lists those it requires (formula.requiredProfileFields). */
export const PROFILE_2026_FIELDS = [
  "classification",
  "coordinates",
  "astaCita",
  "priorityCluster",
  "latestDevelopmentDate",
] as const;
export type Profile2026Field = (typeof PROFILE_2026_FIELDS)[number];
