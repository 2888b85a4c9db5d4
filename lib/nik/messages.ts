/**
 * Stable codes: the API returns them and clients match on them, so never rename one.
 * Order is roughly the order in which `parseNik` checks.
 */
export const NIK_ERROR_CODES = [
  "nik_missing",
  "nik_excel_damaged",
  "nik_not_digits",
  "nik_length",
  "nik_bad_serial",
  "nik_bad_date",
] as const;
export type NikErrorCode = (typeof NIK_ERROR_CODES)[number];

export const NIK_WARNING_CODES = ["nik_area_unknown"] as const;
export type NikWarningCode = (typeof NIK_WARNING_CODES)[number];

/** Bahasa Indonesia first: it is what operators in the regency read; English is for the API. */
export interface LocalizedMessage {
  id: string;
  en: string;
}

/**
 * Fixed texts, never templated with the input: population data of individuals is confidential
 * (UU 24/2013 Pasal 79, UU 27/2022), and these messages end up in API responses, toasts and
 * logs. For the same reason no message contains a run of three or more digits, so not even a
 * fragment of a NIK could appear here (tested as a property).
 */
export const NIK_ERROR_MESSAGES: Readonly<Record<NikErrorCode, LocalizedMessage>> = {
  nik_missing: {
    id: "NIK belum diisi",
    en: "NIK is missing",
  },
  // The Indonesian wording is fixed by the product brief; it names the cause and the fix.
  nik_excel_damaged: {
    id: "NIK rusak oleh format angka Excel — format kolom NIK sebagai teks lalu ekspor ulang",
    en: "NIK damaged by Excel number formatting — format the NIK column as text and export again",
  },
  nik_not_digits: {
    id: "NIK hanya boleh berisi angka (spasi diperbolehkan; huruf, titik, dan tanda hubung tidak)",
    en: "NIK may contain only digits (spaces are allowed; letters, dots and dashes are not)",
  },
  nik_length: {
    id: "NIK harus terdiri dari 16 digit",
    en: "NIK must have exactly 16 digits",
  },
  // Serial 0000 is also what Excel leaves when it rounds a NIK ending in 0001–0009, so say so.
  nik_bad_serial: {
    id:
      "Nomor urut NIK (4 digit terakhir) tidak boleh nol semua. Jika data berasal dari Excel, " +
      "digit terakhir mungkin telah diubah menjadi 0 — format kolom NIK sebagai teks lalu ekspor ulang",
    en:
      "The NIK serial number (last 4 digits) cannot be all zeros. If the data came from Excel, " +
      "the last digit may have been turned into 0 — format the NIK column as text and export again",
  },
  nik_bad_date: {
    id:
      "Digit ke-7 sampai ke-12 NIK bukan tanggal lahir yang valid " +
      "(urutan tanggal, bulan, tahun: DDMMYY; untuk perempuan tanggal ditambah 40)",
    en:
      "Digits 7 to 12 of the NIK are not a valid birth date " +
      "(format DDMMYY; for women the day is increased by 40)",
  },
};

export const NIK_WARNING_MESSAGES: Readonly<Record<NikWarningCode, LocalizedMessage>> = {
  nik_area_unknown: {
    id:
      "Kode wilayah NIK (6 digit pertama) tidak ada dalam daftar kecamatan Kemendagri; " +
      "periksa kembali NIK",
    en:
      "The NIK area code (first 6 digits) is not a known Kemendagri kecamatan code; " +
      "please double-check the NIK",
  },
};
