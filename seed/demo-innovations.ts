import type { Theme } from "@/lib/innovations/vocabulary";
import { INITIATOR_TYPES, STAGES } from "@/lib/innovations/vocabulary";
import { slugify } from "@/lib/innovations/slug";
import { type DemoInnovation, FLAGSHIPS } from "./demo-flagships";

export type { DemoInnovation };

type Idea = [name: string, focus: string, affair: string, digital: boolean, theme: Theme];

/** Sample ideas per agency: plausible, not real. Every row seeded from here is flagged is_sample. */
const IDEAS: Record<string, Idea[]> = {
  "SETDA-EKBANG": [
    [
      "Si Pasar Murah",
      "operasi pasar dan stabilisasi harga bahan pokok",
      "perdagangan",
      false,
      "penanggulangan_kemiskinan",
    ],
  ],
  "SETDA-ORG": [
    ["E-SAKIP Mesuji", "pemantauan kinerja perangkat daerah", "perencanaan", true, "digitalisasi_layanan"],
    [
      "Mal Pelayanan Keliling",
      "layanan terpadu bergerak ke kecamatan",
      "penanaman_modal",
      false,
      "kemudahan_investasi",
    ],
  ],
  BAPPEDA: [
    ["Satu Data Mesuji", "portal data pembangunan berbasis NIK", "statistik", true, "digitalisasi_layanan"],
    ["Musrenbang Online", "usulan pembangunan warga secara daring", "perencanaan", true, "digitalisasi_layanan"],
    ["Sikompak Inovasi", "kompetisi inovasi perangkat daerah", "penelitian_dan_pengembangan", false, "non_tematik"],
    ["Peta Miskin Desa", "pemetaan keluarga miskin per desa", "perencanaan", true, "penanggulangan_kemiskinan"],
  ],
  DISDUKCAPIL: [
    [
      "Jemput Bola Akta Lahir",
      "akta kelahiran langsung di puskesmas",
      "administrasi_kependudukan_dan_pencatatan_sipil",
      false,
      "non_tematik",
    ],
    [
      "KIA Sekolah",
      "kartu identitas anak di sekolah",
      "administrasi_kependudukan_dan_pencatatan_sipil",
      false,
      "non_tematik",
    ],
    [
      "Dukcapil Go Digital",
      "aktivasi identitas kependudukan digital",
      "administrasi_kependudukan_dan_pencatatan_sipil",
      true,
      "digitalisasi_layanan",
    ],
    [
      "Sakti Nikah",
      "satu paket dokumen kependudukan bagi pasangan menikah",
      "administrasi_kependudukan_dan_pencatatan_sipil",
      false,
      "non_tematik",
    ],
  ],
  DINKES: [
    ["Gerbang Stunting", "penanganan stunting terpadu di posyandu", "kesehatan", false, "prioritas_aktual_presiden"],
    ["Si Bumil Sehat", "pendampingan ibu hamil risiko tinggi", "kesehatan", false, "prioritas_aktual_presiden"],
    ["Puskesmas Keliling Perairan", "layanan kesehatan di desa pesisir dan rawa", "kesehatan", false, "non_tematik"],
    ["E-Rujukan Puskesmas", "rujukan pasien daring ke rumah sakit", "kesehatan", true, "digitalisasi_layanan"],
    ["Kader Jiwa Desa", "deteksi dini gangguan jiwa oleh kader", "kesehatan", false, "non_tematik"],
    ["Telemedika Desa", "konsultasi dokter jarak jauh", "kesehatan", true, "digitalisasi_layanan"],
  ],
  DISDIKBUD: [
    ["Sekolah Ramah Anak", "lingkungan belajar aman dan inklusif", "pendidikan", false, "non_tematik"],
    ["Gerakan Mesuji Membaca", "literasi dasar di sekolah dan desa", "pendidikan", false, "non_tematik"],
    ["Beasiswa Anak Petani", "beasiswa bagi anak keluarga petani", "pendidikan", false, "penanggulangan_kemiskinan"],
    ["Guru Kunjung", "pembelajaran bagi anak di desa terpencil", "pendidikan", false, "non_tematik"],
    ["Rapor Digital", "rapor dan data siswa daring", "pendidikan", true, "digitalisasi_layanan"],
  ],
  DINSOS: [
    [
      "Data Terpadu Desa",
      "pemutakhiran data kesejahteraan sosial di desa",
      "sosial",
      true,
      "penanggulangan_kemiskinan",
    ],
    ["Lansia Berdaya", "pendampingan lanjut usia terlantar", "sosial", false, "penanggulangan_kemiskinan"],
    ["Rumah Singgah Disabilitas", "layanan rehabilitasi sosial penyandang disabilitas", "sosial", false, "non_tematik"],
    ["Bansos Tepat Sasaran", "verifikasi penerima bantuan berbasis NIK", "sosial", true, "penanggulangan_kemiskinan"],
  ],
  PUPR: [
    [
      "Jalan Mantap Desa",
      "pemeliharaan jalan poros desa swakelola",
      "pekerjaan_umum_dan_penataan_ruang",
      false,
      "non_tematik",
    ],
    [
      "Lapor Jalan Rusak",
      "pengaduan jalan rusak dengan foto dan lokasi",
      "pekerjaan_umum_dan_penataan_ruang",
      true,
      "digitalisasi_layanan",
    ],
    [
      "Sumur Bor Komunal",
      "air bersih bagi desa rawan kekeringan",
      "pekerjaan_umum_dan_penataan_ruang",
      false,
      "penanggulangan_kemiskinan",
    ],
    [
      "Si Tata Ruang",
      "informasi rencana tata ruang daring",
      "pekerjaan_umum_dan_penataan_ruang",
      true,
      "kemudahan_investasi",
    ],
  ],
  PERKIM: [
    [
      "Bedah Rumah Gotong Royong",
      "rehabilitasi rumah tidak layak huni",
      "perumahan_rakyat_dan_kawasan_permukiman",
      false,
      "penanggulangan_kemiskinan",
    ],
    [
      "Kampung Bersih Sanitasi",
      "sanitasi layak berbasis masyarakat",
      "perumahan_rakyat_dan_kawasan_permukiman",
      false,
      "non_tematik",
    ],
    [
      "Penerangan Jalan Tenaga Surya",
      "lampu jalan surya di desa",
      "perumahan_rakyat_dan_kawasan_permukiman",
      false,
      "non_tematik",
    ],
  ],
  SATPOLPP: [
    [
      "Linmas Siaga Desa",
      "penguatan perlindungan masyarakat di desa",
      "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
      false,
      "non_tematik",
    ],
    [
      "Patroli Ramah",
      "penertiban humanis pedagang kaki lima",
      "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
      false,
      "non_tematik",
    ],
    [
      "Lapor Trantib",
      "pengaduan gangguan ketertiban daring",
      "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
      true,
      "digitalisasi_layanan",
    ],
  ],
  BPBD: [
    [
      "Desa Tangguh Banjir",
      "kesiapsiagaan banjir desa bantaran sungai",
      "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
      false,
      "non_tematik",
    ],
    [
      "Peringatan Dini Karhutla",
      "pemantauan titik panas lahan gambut",
      "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
      true,
      "digitalisasi_layanan",
    ],
    [
      "Sekolah Siaga Bencana",
      "simulasi bencana di sekolah",
      "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
      false,
      "non_tematik",
    ],
  ],
  DPMPTSP: [
    [
      "Izin Kilat UMKM",
      "perizinan berusaha usaha mikro dalam satu hari",
      "penanaman_modal",
      true,
      "kemudahan_investasi",
    ],
    ["Klinik Investasi", "pendampingan calon investor", "penanaman_modal", false, "kemudahan_investasi"],
    ["Antar Izin ke Rumah", "pengantaran dokumen izin ke pemohon", "penanaman_modal", false, "kemudahan_investasi"],
  ],
  KOPUKM: [
    [
      "Rumah Kemasan UMKM",
      "desain dan kemasan produk lokal",
      "koperasi_usaha_kecil_dan_menengah",
      false,
      "kemudahan_investasi",
    ],
    ["Pasar Digital Mesuji", "lokapasar produk UMKM daerah", "perdagangan", true, "digitalisasi_layanan"],
    [
      "Koperasi Sehat Desa",
      "pembinaan tata kelola koperasi desa",
      "koperasi_usaha_kecil_dan_menengah",
      false,
      "penanggulangan_kemiskinan",
    ],
    ["Tera Ulang Keliling", "tera ulang alat ukur di pasar desa", "perdagangan", false, "non_tematik"],
  ],
  PERTANIAN: [
    [
      "Sekolah Lapang Sawit Rakyat",
      "budidaya sawit rakyat berkelanjutan",
      "pertanian",
      false,
      "penanggulangan_kemiskinan",
    ],
    ["Brigade Alsintan", "pinjam pakai alat mesin pertanian", "pertanian", false, "penanggulangan_kemiskinan"],
    ["Kartu Tani Digital", "penyaluran pupuk bersubsidi tepat sasaran", "pertanian", true, "digitalisasi_layanan"],
    ["Klinik Tanaman", "diagnosis hama dan penyakit tanaman", "pertanian", false, "non_tematik"],
    ["Lumbung Pangan Desa", "cadangan pangan masyarakat desa", "pangan", false, "penanggulangan_kemiskinan"],
  ],
  PERIKANAN: [
    ["Budidaya Ikan Rawa", "budidaya ikan di lahan rawa", "kelautan_dan_perikanan", false, "penanggulangan_kemiskinan"],
    [
      "Pakan Mandiri Pembudidaya",
      "produksi pakan ikan lokal",
      "kelautan_dan_perikanan",
      false,
      "penanggulangan_kemiskinan",
    ],
    ["Kartu Nelayan Daring", "pendaftaran nelayan daring", "kelautan_dan_perikanan", true, "digitalisasi_layanan"],
  ],
  KOMINFO: [
    [
      "Mesuji Smart Kabupaten",
      "integrasi layanan daring pemerintah daerah",
      "komunikasi_dan_informatika",
      true,
      "digitalisasi_layanan",
    ],
    ["Desa Terkoneksi", "akses internet di kantor desa", "komunikasi_dan_informatika", true, "digitalisasi_layanan"],
    ["Pusat Aduan Warga", "kanal pengaduan terpadu", "komunikasi_dan_informatika", true, "digitalisasi_layanan"],
    ["Tanda Tangan Elektronik", "sertifikat elektronik bagi pejabat", "persandian", true, "digitalisasi_layanan"],
    ["Portal Statistik Sektoral", "data statistik sektoral terbuka", "statistik", true, "digitalisasi_layanan"],
  ],
  PMD: [
    ["Siskeudes Pantau", "pemantauan keuangan desa", "pemberdayaan_masyarakat_dan_desa", true, "digitalisasi_layanan"],
    [
      "BUMDes Bangkit",
      "pendampingan usaha milik desa",
      "pemberdayaan_masyarakat_dan_desa",
      false,
      "penanggulangan_kemiskinan",
    ],
    [
      "Kader Digital Desa",
      "pelatihan perangkat desa memakai aplikasi",
      "pemberdayaan_masyarakat_dan_desa",
      true,
      "digitalisasi_layanan",
    ],
    [
      "Profil Desa Terbuka",
      "papan informasi desa daring",
      "pemberdayaan_masyarakat_dan_desa",
      true,
      "digitalisasi_layanan",
    ],
  ],
  DLH: [
    ["Bank Sampah Desa", "tabungan sampah bernilai ekonomi", "lingkungan_hidup", false, "non_tematik"],
    ["Sekolah Adiwiyata", "sekolah peduli lingkungan", "lingkungan_hidup", false, "non_tematik"],
    ["Uji Emisi Keliling", "uji emisi kendaraan dinas dan umum", "lingkungan_hidup", false, "non_tematik"],
  ],
  DISHUB: [
    ["Angkutan Pelajar Gratis", "bus sekolah bagi pelajar desa", "perhubungan", false, "penanggulangan_kemiskinan"],
    ["Uji KIR Daring", "pendaftaran uji berkala kendaraan", "perhubungan", true, "digitalisasi_layanan"],
  ],
  NAKERTRANS: [
    ["Bursa Kerja Daring", "lowongan kerja lokal daring", "tenaga_kerja", true, "digitalisasi_layanan"],
    ["Pelatihan Kerja Desa", "pelatihan keterampilan di desa", "tenaga_kerja", false, "penanggulangan_kemiskinan"],
    ["Layanan Kawasan Transmigrasi", "pelayanan sertifikat lahan transmigran", "transmigrasi", false, "non_tematik"],
  ],
  DP3AP2KB: [
    [
      "Rumah Aman Perempuan",
      "pendampingan korban kekerasan",
      "pemberdayaan_perempuan_dan_pelindungan_anak",
      false,
      "non_tematik",
    ],
    [
      "Kampung KB Berdaya",
      "keluarga berencana berbasis kampung",
      "pengendalian_penduduk_dan_keluarga_berencana",
      false,
      "non_tematik",
    ],
    [
      "Forum Anak Desa",
      "partisipasi anak dalam musyawarah desa",
      "pemberdayaan_perempuan_dan_pelindungan_anak",
      false,
      "non_tematik",
    ],
    [
      "Cegah Kawin Anak",
      "sosialisasi pencegahan perkawinan anak",
      "pemberdayaan_perempuan_dan_pelindungan_anak",
      false,
      "prioritas_aktual_presiden",
    ],
  ],
  BAPENDA: [
    ["PBB Online", "pembayaran pajak bumi dan bangunan daring", "keuangan", true, "digitalisasi_layanan"],
    ["Pajak Restoran Elektronik", "perekam transaksi usaha kuliner", "keuangan", true, "digitalisasi_layanan"],
    ["Jemput Pajak Desa", "pelayanan pajak daerah di desa", "keuangan", false, "non_tematik"],
  ],
  BKPSDM: [
    ["Absensi Wajah ASN", "presensi pegawai berbasis pengenalan wajah", "kepegawaian", true, "digitalisasi_layanan"],
    ["Layanan Kepegawaian Daring", "usul kenaikan pangkat daring", "kepegawaian", true, "digitalisasi_layanan"],
    ["Corporate University Mesuji", "pengembangan kompetensi ASN", "pendidikan_dan_pelatihan", false, "non_tematik"],
  ],
  DISPUSIP: [
    ["Perpustakaan Keliling Desa", "layanan buku bergerak ke desa", "perpustakaan", false, "non_tematik"],
    ["Arsip Digital Desa", "digitalisasi arsip pemerintahan desa", "kearsipan", true, "digitalisasi_layanan"],
  ],
  RSUD: [
    ["Antrean Online RSUD", "pendaftaran rawat jalan daring", "kesehatan", true, "digitalisasi_layanan"],
    ["Ambulans Siaga Desa", "layanan gawat darurat 24 jam", "kesehatan", false, "non_tematik"],
    ["Rumah Tunggu Kelahiran", "penginapan ibu hamil dari desa jauh", "kesehatan", false, "prioritas_aktual_presiden"],
  ],
};

/** A small deterministic random generator, so every fresh install gets the same demo data. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KECAMATAN = [
  "Mesuji",
  "Mesuji Timur",
  "Rawa Jitu Utara",
  "Way Serdang",
  "Simpang Pematang",
  "Panca Jaya",
  "Tanjung Raya",
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function sampleDesign(name: string, focus: string, rich: boolean): string {
  const parts = [
    `Dasar hukum. Inovasi ${name} berpijak pada Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah, dan keputusan kepala perangkat daerah yang menetapkan tim pelaksana serta standar pelayanannya.`,
    `Permasalahan. Sebelum inovasi ini, ${focus} di Kabupaten Mesuji berjalan lambat dan tidak merata: warga di desa yang jauh dari ibu kota kabupaten menanggung waktu dan biaya lebih besar, data layanan tercatat manual, dan capaian tiap kecamatan sulit dipantau oleh pimpinan daerah.`,
    `Isu strategis. Pelayanan yang merata dan data yang akurat mendukung visi daerah, penanggulangan kemiskinan, dan percepatan pembangunan desa, sekaligus menjawab arahan nasional tentang pelayanan publik yang cepat, mudah dan terjangkau.`,
    `Metode pembaruan. Sebelumnya layanan hanya tersedia di kantor perangkat daerah dengan prosedur yang panjang. Sesudahnya layanan didekatkan ke warga, prosedur dipangkas, petugas di kecamatan dan desa dilatih, dan setiap layanan dicatat sehingga kemajuannya dapat diukur setiap bulan.`,
    `Keunggulan dan kebaruan. ${name} memadukan kerja sama perangkat daerah, kecamatan dan desa, memanfaatkan data kependudukan berbasis NIK agar tepat sasaran, dan dapat direplikasi oleh daerah lain dengan biaya yang rendah.`,
    `Tahapan inovasi. Tahap pertama penyusunan konsep dan regulasi, tahap kedua pelatihan petugas dan penyiapan sarana, tahap ketiga uji coba di beberapa desa, tahap keempat penerapan di seluruh wilayah disertai pemantauan dan evaluasi berkala bersama Bappeda.`,
  ];
  return rich ? parts.join("\n") : parts.slice(0, 2).join("\n");
}

/** The 108 sample innovations: varied stages, completeness and years, all flagged as samples. */
function sampleInnovations(): DemoInnovation[] {
  const rand = mulberry32(20231212);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const ideas = Object.entries(IDEAS).flatMap(([agency, list]) => list.map((idea) => ({ agency, idea })));
  const out: DemoInnovation[] = [];
  for (let i = 0; out.length < 108; i++) {
    const { agency, idea } = ideas[i % ideas.length];
    const round = Math.floor(i / ideas.length);
    const [baseName, focus, affair, digital, theme] = idea;
    const name = round === 0 ? baseName : `${baseName} Kecamatan ${KECAMATAN[i % KECAMATAN.length]}`;
    const stage = rand() < 0.6 ? "penerapan" : pick(STAGES);
    const trial = new Date(
      Date.UTC(2019 + Math.floor(rand() * 4), Math.floor(rand() * 12), 1 + Math.floor(rand() * 27)),
    );
    const implementation = new Date(trial.getTime() + (60 + Math.floor(rand() * 300)) * 86_400_000);
    const complete = rand() < 0.75;
    out.push({
      agency,
      name,
      summary: `Contoh data: ${focus}.`,
      stage,
      initiatorType: pick(INITIATOR_TYPES),
      initiatorName: `Tim ${agency}`,
      innovationType: digital ? "digital" : "non_digital",
      form: rand() < 0.7 ? "pelayanan_publik" : rand() < 0.5 ? "tata_kelola" : "urusan_lainnya",
      theme,
      mainAffair: affair,
      otherAffairs: [],
      trialDate: stage === "inisiatif" ? null : iso(trial),
      implementationDate: stage === "penerapan" ? iso(implementation) : null,
      design: sampleDesign(name, focus, complete),
      goals: `Meningkatkan ${focus} bagi warga Kabupaten Mesuji.`,
      benefits: complete ? `Warga memperoleh ${focus} yang lebih cepat, mudah dan murah.` : null,
      results: complete ? `Layanan ${focus} menjangkau lebih banyak desa dibanding sebelum inovasi.` : null,
      yearApplied: rand() < 0.8 ? 2023 : 2022,
      isSample: true,
    });
  }
  return out;
}

export function demoInnovations(): DemoInnovation[] {
  // The flagships and a few labelled samples fill the public gallery of a fresh demo.
  const samples = sampleInnovations().map((i, k) =>
    k % 12 === 0 ? { ...i, isPublic: true, slug: slugify(i.name) } : i,
  );
  return [...FLAGSHIPS.map((i) => ({ ...i, isPublic: true, slug: slugify(i.name) })), ...samples];
}
