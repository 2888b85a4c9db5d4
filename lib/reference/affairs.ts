// Generated from db/reference/urusan-pemerintahan.json (UU 23/2014). Codes are stable slugs.
export type AffairGroup = "wajib_pelayanan_dasar" | "wajib_non_pelayanan_dasar" | "pilihan" | "fungsi_penunjang";
export interface Affair {
  code: string;
  name: string;
  group: AffairGroup;
}
export const AFFAIRS: readonly Affair[] = [
  { code: "pendidikan", name: "Pendidikan", group: "wajib_pelayanan_dasar" },
  { code: "kesehatan", name: "Kesehatan", group: "wajib_pelayanan_dasar" },
  {
    code: "pekerjaan_umum_dan_penataan_ruang",
    name: "Pekerjaan umum dan penataan ruang",
    group: "wajib_pelayanan_dasar",
  },
  {
    code: "perumahan_rakyat_dan_kawasan_permukiman",
    name: "Perumahan rakyat dan kawasan permukiman",
    group: "wajib_pelayanan_dasar",
  },
  {
    code: "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
    name: "Ketenteraman, ketertiban umum, dan pelindungan masyarakat",
    group: "wajib_pelayanan_dasar",
  },
  { code: "sosial", name: "Sosial", group: "wajib_pelayanan_dasar" },
  { code: "tenaga_kerja", name: "Tenaga kerja", group: "wajib_non_pelayanan_dasar" },
  {
    code: "pemberdayaan_perempuan_dan_pelindungan_anak",
    name: "Pemberdayaan perempuan dan pelindungan anak",
    group: "wajib_non_pelayanan_dasar",
  },
  { code: "pangan", name: "Pangan", group: "wajib_non_pelayanan_dasar" },
  { code: "pertanahan", name: "Pertanahan", group: "wajib_non_pelayanan_dasar" },
  { code: "lingkungan_hidup", name: "Lingkungan hidup", group: "wajib_non_pelayanan_dasar" },
  {
    code: "administrasi_kependudukan_dan_pencatatan_sipil",
    name: "Administrasi kependudukan dan pencatatan sipil",
    group: "wajib_non_pelayanan_dasar",
  },
  {
    code: "pemberdayaan_masyarakat_dan_desa",
    name: "Pemberdayaan masyarakat dan desa",
    group: "wajib_non_pelayanan_dasar",
  },
  {
    code: "pengendalian_penduduk_dan_keluarga_berencana",
    name: "Pengendalian penduduk dan keluarga berencana",
    group: "wajib_non_pelayanan_dasar",
  },
  { code: "perhubungan", name: "Perhubungan", group: "wajib_non_pelayanan_dasar" },
  { code: "komunikasi_dan_informatika", name: "Komunikasi dan informatika", group: "wajib_non_pelayanan_dasar" },
  {
    code: "koperasi_usaha_kecil_dan_menengah",
    name: "Koperasi, usaha kecil, dan menengah",
    group: "wajib_non_pelayanan_dasar",
  },
  { code: "penanaman_modal", name: "Penanaman modal", group: "wajib_non_pelayanan_dasar" },
  { code: "kepemudaan_dan_olah_raga", name: "Kepemudaan dan olah raga", group: "wajib_non_pelayanan_dasar" },
  { code: "statistik", name: "Statistik", group: "wajib_non_pelayanan_dasar" },
  { code: "persandian", name: "Persandian", group: "wajib_non_pelayanan_dasar" },
  { code: "kebudayaan", name: "Kebudayaan", group: "wajib_non_pelayanan_dasar" },
  { code: "perpustakaan", name: "Perpustakaan", group: "wajib_non_pelayanan_dasar" },
  { code: "kearsipan", name: "Kearsipan", group: "wajib_non_pelayanan_dasar" },
  { code: "kelautan_dan_perikanan", name: "Kelautan dan perikanan", group: "pilihan" },
  { code: "pariwisata", name: "Pariwisata", group: "pilihan" },
  { code: "pertanian", name: "Pertanian", group: "pilihan" },
  { code: "kehutanan", name: "Kehutanan", group: "pilihan" },
  { code: "energi_dan_sumber_daya_mineral", name: "Energi dan sumber daya mineral", group: "pilihan" },
  { code: "perdagangan", name: "Perdagangan", group: "pilihan" },
  { code: "perindustrian", name: "Perindustrian", group: "pilihan" },
  { code: "transmigrasi", name: "Transmigrasi", group: "pilihan" },
  { code: "perencanaan", name: "Perencanaan", group: "fungsi_penunjang" },
  { code: "keuangan", name: "Keuangan", group: "fungsi_penunjang" },
  { code: "kepegawaian", name: "Kepegawaian", group: "fungsi_penunjang" },
  { code: "pendidikan_dan_pelatihan", name: "Pendidikan dan pelatihan", group: "fungsi_penunjang" },
  { code: "penelitian_dan_pengembangan", name: "Penelitian dan pengembangan", group: "fungsi_penunjang" },
];
export const AFFAIR_CODES = AFFAIRS.map((a) => a.code);
export const BASIC_SERVICE_AFFAIRS = AFFAIRS.filter((a) => a.group === "wajib_pelayanan_dasar").map((a) => a.code);
export function affairName(code: string): string {
  return AFFAIRS.find((a) => a.code === code)?.name ?? code;
}
