import type {
  Classification,
  InitiatorType,
  InnovationForm,
  InnovationType,
  PriorityCluster,
  Stage,
  Theme,
} from "@/lib/innovations/vocabulary";

export interface DemoInnovation {
  agency: string;
  name: string;
  summary: string;
  stage: Stage;
  initiatorType: InitiatorType;
  initiatorName: string;
  innovationType: InnovationType;
  form: InnovationForm;
  theme: Theme;
  mainAffair: string;
  otherAffairs: string[];
  trialDate: string | null;
  implementationDate: string | null;
  design: string | null;
  goals: string | null;
  benefits: string | null;
  results: string | null;
  yearApplied: number;
  isSample: boolean;
  /** What the beneficiary `nilai` means: "IDR" rupiah, a unit word, or none (lib/beneficiaries/amount-unit.ts). */
  amountUnit?: string | null;
  /** The 2026 profile (Profil 2026); demo values, plausible for Mesuji. */
  classification?: Classification;
  latitude?: number;
  longitude?: number;
  astaCita?: number;
  priorityCluster?: PriorityCluster;
  latestDevelopmentDate?: string;
  /** In the public gallery, at /inovasi/<slug>. */
  isPublic?: boolean;
  slug?: string;
}

const payoDesign = `Dasar hukum. Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan mewajibkan pemerintah daerah memberikan pelayanan dokumen kependudukan yang mudah dijangkau. Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil membuka pelayanan secara daring. Peraturan Bupati Mesuji tentang Pelayanan Administrasi Kependudukan melalui Loket Desa menjadi dasar pelaksanaan di tingkat desa.
Permasalahan. Kabupaten Mesuji memiliki tujuh kecamatan dan 105 desa dengan jarak tempuh ke kantor Disdukcapil yang jauh bagi banyak warga. Warga menanggung biaya transportasi yang besar, berkas yang dibawa sering tidak lengkap sehingga harus datang berulang kali, dan keterlibatan aparatur desa dalam pelayanan kependudukan masih lemah.
Isu strategis. Kepemilikan dokumen kependudukan adalah pintu masuk semua layanan publik: bantuan sosial, jaminan kesehatan, pendidikan dan akses kredit usaha. Data kependudukan yang akurat dan berbasis NIK menjadi dasar satu data daerah agar intervensi pembangunan tepat sasaran.
Metode pembaruan. Sebelum inovasi, warga harus datang sendiri ke kantor Disdukcapil di ibu kota kabupaten. Setelah inovasi, operator desa yang dilatih Disdukcapil menerima permohonan di loket desa, memeriksa kelengkapan berkas, lalu mengirimkannya secara daring. Dokumen yang sudah jadi dicetak dan diserahkan kembali melalui desa, sehingga warga cukup datang ke kantor desa.
Keunggulan dan kebaruan. Payo Beladas menjangkau seluruh 105 desa, memangkas biaya dan waktu warga, melibatkan pemerintah desa sebagai mitra pelayanan, dan menghasilkan data permohonan yang tercatat per desa sehingga kinerja layanan dapat dipantau.
Tahapan inovasi. Tahap pertama adalah penyusunan regulasi dan standar operasional prosedur. Tahap kedua adalah pelatihan operator desa dan penyiapan perangkat. Tahap ketiga adalah uji coba di desa terpilih, dilanjutkan penerapan di semua desa, serta evaluasi berkala bersama camat dan kepala desa untuk perbaikan layanan.
Pemantauan dan keberlanjutan. Disdukcapil memantau jumlah permohonan, waktu penyelesaian dan kelengkapan berkas dari setiap loket desa setiap bulan. Hasil pemantauan dibahas bersama camat untuk menentukan desa yang memerlukan pendampingan tambahan, pelatihan ulang operator atau perbaikan perangkat. Keberlanjutan dijaga dengan dukungan anggaran desa untuk operator loket, sehingga pelayanan tetap berjalan ketika terjadi pergantian pejabat dan dapat direplikasi oleh daerah lain.`;

const pakKurDesign = `Dasar hukum. Peraturan Menteri Koordinator Bidang Perekonomian tentang Pedoman Pelaksanaan Kredit Usaha Rakyat menetapkan KUR sebagai pembiayaan bersubsidi bagi usaha mikro, kecil dan menengah. Undang-Undang Nomor 23 Tahun 2014 memberi pemerintah daerah kewenangan pemberdayaan usaha kecil. Keputusan Bupati Mesuji tentang Tim Percepatan Akses Keuangan Daerah menjadi dasar koordinasi di daerah.
Permasalahan. Banyak pelaku usaha kecil di Mesuji, terutama petani, pekebun dan pedagang desa, belum mengenal KUR atau tidak memiliki dokumen yang disyaratkan bank. Penyaluran KUR di Mesuji mencapai Rp289 miliar pada tahun 2021, sementara target tahun 2022 sebesar Rp350 miliar membutuhkan perluasan jangkauan ke pelaku usaha yang belum terlayani.
Isu strategis. Akses pembiayaan yang murah menentukan pertumbuhan usaha rakyat, penciptaan lapangan kerja dan penanggulangan kemiskinan. Pelaku usaha yang terjerat rentenir membutuhkan jalan keluar yang aman dan terjangkau.
Metode pembaruan. Sebelum inovasi, pelaku usaha harus mencari informasi sendiri dan datang ke bank tanpa pendampingan. Setelah inovasi, Bagian Ekonomi Pembangunan dan SDA Sekretariat Daerah bersama bank penyalur, camat dan kepala desa menggelar sosialisasi keliling, membantu kelengkapan dokumen usaha, dan mempertemukan calon debitur dengan bank penyalur dalam satu forum.
Keunggulan dan kebaruan. Pak Kur menyatukan pemerintah daerah, perbankan dan desa dalam satu alur pendampingan, memakai data NIK pelaku usaha untuk memastikan bantuan tepat sasaran, dan memantau realisasi penyaluran per kecamatan.
Tahapan inovasi. Tahap pertama adalah pendataan pelaku usaha calon debitur per desa. Tahap kedua adalah sosialisasi dan pendampingan kelengkapan dokumen. Tahap ketiga adalah temu usaha dengan bank penyalur dan proses akad kredit. Tahap keempat adalah pemantauan realisasi dan evaluasi bersama perbankan setiap triwulan.
Pemantauan dan keberlanjutan. Tim mencatat jumlah pelaku usaha yang disosialisasikan, yang didampingi melengkapi dokumen, yang mengajukan kredit dan yang disetujui bank penyalur di setiap kecamatan. Data itu dibahas secara berkala bersama bank penyalur untuk mengetahui hambatan pengajuan dan desa yang belum terjangkau. Keberlanjutan dijaga dengan memasukkan kegiatan pendampingan ke dalam program kerja perangkat daerah terkait dan melibatkan kecamatan serta desa sebagai penghubung tetap dengan pelaku usaha.`;

export const FLAGSHIPS: DemoInnovation[] = [
  {
    agency: "DISDUKCAPIL",
    name: "Payo Beladas",
    summary:
      "Pelayanan Online Bersama Loket Disdukcapil dan Desa: layanan administrasi kependudukan secara daring melalui loket di seluruh 105 desa.",
    stage: "penerapan",
    initiatorType: "opd",
    initiatorName: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Mesuji",
    innovationType: "digital",
    form: "pelayanan_publik",
    theme: "digitalisasi_layanan",
    mainAffair: "administrasi_kependudukan_dan_pencatatan_sipil",
    otherAffairs: ["pemberdayaan_masyarakat_dan_desa", "komunikasi_dan_informatika"],
    trialDate: "2022-03-01",
    implementationDate: "2022-08-01",
    design: payoDesign,
    goals:
      "Mendekatkan pelayanan administrasi kependudukan ke desa sehingga warga tidak perlu datang ke kantor Disdukcapil.",
    benefits:
      "Warga menghemat jarak, waktu dan biaya transportasi; berkas lebih lengkap; desa terlibat aktif dalam pelayanan.",
    results: "Loket pelayanan kependudukan berjalan di seluruh 105 desa Kabupaten Mesuji.",
    yearApplied: 2023,
    isSample: false,
    amountUnit: "dokumen",
    // Disdukcapil's office in the regency seat; the loket network is the innovation's reach.
    classification: "orisinal",
    latitude: -4.0045,
    longitude: 105.4011,
    astaCita: 7,
    priorityCluster: "reformasi_birokrasi_digital",
    latestDevelopmentDate: "2026-03-16",
  },
  {
    agency: "SETDA-EKBANG",
    name: "Pak Kur",
    summary:
      "Perluasan Akses Kredit Usaha Rakyat: pendampingan pelaku usaha kecil agar memperoleh KUR bersama bank penyalur, camat dan desa.",
    stage: "penerapan",
    initiatorType: "opd",
    initiatorName: "Bagian Ekonomi Pembangunan dan SDA, Sekretariat Daerah Kabupaten Mesuji",
    innovationType: "non_digital",
    form: "pelayanan_publik",
    theme: "penanggulangan_kemiskinan",
    mainAffair: "koperasi_usaha_kecil_dan_menengah",
    otherAffairs: ["penanaman_modal", "pertanian"],
    trialDate: "2021-06-01",
    implementationDate: "2022-01-03",
    design: pakKurDesign,
    goals: "Memperluas akses pelaku usaha kecil terhadap Kredit Usaha Rakyat.",
    benefits: "Pelaku usaha memperoleh modal berbunga rendah dan lepas dari rentenir.",
    results: "Penyaluran KUR di Mesuji mencapai Rp289 miliar pada 2021; target 2022 Rp350 miliar.",
    yearApplied: 2023,
    isSample: false,
    amountUnit: "IDR",
    classification: "pengembangan",
    latitude: -4.0052,
    longitude: 105.402,
    astaCita: 3,
    priorityCluster: "lapangan_kerja_umkm_investasi",
    latestDevelopmentDate: "2026-02-10",
  },
];
