/**
 * Asta Cita: the eight missions of the 2025–2029 national government (visi-misi Prabowo–Gibran,
 * adopted in the RPJMN 2025–2029, Perpres 12/2025). The Indonesian wording is the official text as
 * published there; an innovation's profile stores the number (1–8). English glosses live in the
 * messages files (vocab.astaCita). No imports: client components read this list.
 */
export const ASTA_CITA_SOURCE = "RPJMN 2025–2029 (Peraturan Presiden Nomor 12 Tahun 2025), Lampiran I";

export const ASTA_CITA: readonly { no: number; text: string }[] = [
  { no: 1, text: "Memperkokoh ideologi Pancasila, demokrasi, dan hak asasi manusia (HAM)." },
  {
    no: 2,
    text: "Memantapkan sistem pertahanan keamanan negara dan mendorong kemandirian bangsa melalui swasembada pangan, energi, air, ekonomi kreatif, ekonomi hijau, dan ekonomi biru.",
  },
  {
    no: 3,
    text: "Meningkatkan lapangan kerja yang berkualitas, mendorong kewirausahaan, mengembangkan industri kreatif, dan melanjutkan pengembangan infrastruktur.",
  },
  {
    no: 4,
    text: "Memperkuat pembangunan sumber daya manusia (SDM), sains, teknologi, pendidikan, kesehatan, prestasi olahraga, kesetaraan gender, serta penguatan peran perempuan, pemuda, dan penyandang disabilitas.",
  },
  { no: 5, text: "Melanjutkan hilirisasi dan industrialisasi untuk meningkatkan nilai tambah di dalam negeri." },
  { no: 6, text: "Membangun dari desa dan dari bawah untuk pemerataan ekonomi dan pemberantasan kemiskinan." },
  {
    no: 7,
    text: "Memperkuat reformasi politik, hukum, dan birokrasi, serta memperkuat pencegahan dan pemberantasan korupsi dan narkoba.",
  },
  {
    no: 8,
    text: "Memperkuat penyelarasan kehidupan yang harmonis dengan lingkungan, alam, dan budaya, serta peningkatan toleransi antarumat beragama untuk mencapai masyarakat yang adil dan makmur.",
  },
];

/** "Asta Cita 4 — Memperkuat pembangunan …" for exports and the package, whatever the reader's language. */
export function astaCitaLabel(no: number | null | undefined): string | null {
  const found = ASTA_CITA.find((a) => a.no === no);
  return found ? `Asta Cita ${found.no} — ${found.text}` : null;
}
