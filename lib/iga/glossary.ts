/**
 * English glosses for the rule set's Indonesian terms. The rule set is the Ministry's own wording
 * and stays Indonesian in every language (it is what the evaluators read); an English reader gets
 * a gloss beside it where one is known: "Regulasi inovasi daerah (regional innovation regulation)".
 */
const GLOSSES: Record<string, string> = {
  "Alat kerja / penggunaan IT": "work tools / use of IT",
  "Bimtek inovasi": "innovation technical training",
  "Dukungan anggaran": "budget support",
  "Fasilitasi HAKI": "intellectual property facilitation",
  "IPM (capaian)": "human development index, level",
  "IPM (peningkatan)": "human development index, increase",
  "Indeks kualitas kebijakan": "policy quality index",
  "Jejaring inovasi": "innovation network",
  "Kecepatan penciptaan inovasi": "speed of creating the innovation",
  "Kemanfaatan inovasi": "benefit of the innovation",
  "Kemiskinan (perkembangan)": "poverty, change",
  "Kemiskinan (persentase)": "poverty, percentage",
  "Kemudahan informasi layanan": "ease of service information",
  "Kemudahan proses inovasi yang dihasilkan": "ease of the innovation's process",
  "Keterlibatan aktor inovasi": "involvement of innovation actors",
  "Ketersediaan SDM terhadap inovasi daerah": "staff available for regional innovation",
  "Kualitas inovasi daerah (video)": "quality of the innovation (video)",
  "Kualitas peningkatan perizinan": "quality of licensing improvement",
  "Mandatory spending": "mandatory spending",
  "Monitoring dan evaluasi inovasi daerah": "monitoring and evaluation of regional innovation",
  "Nilai LAKIP / SAKIP": "performance accountability score",
  "Online sistem / layanan terintegrasi": "online system / integrated service",
  "Opini BPK": "audit board opinion",
  "Pedoman teknis": "technical guidelines",
  "Pelaksana inovasi daerah": "innovation implementers",
  "Penetapan APBD tepat waktu": "regional budget adopted on time",
  "Penghargaan bagi inovator": "awards for innovators",
  "Peningkatan PAD": "increase in own-source revenue",
  "Peningkatan investasi": "increase in investment",
  "Peningkatan pendapatan per kapita": "increase in income per capita",
  "Penyelesaian layanan pengaduan": "complaints resolved",
  "Program inovasi dalam RKPD": "innovation programme in the annual development plan",
  "Regulasi inovasi daerah": "regional innovation regulation",
  "Rekomendasi kebijakan dari litbang / BRIDA": "policy recommendations from the research agency",
  "Rencana induk pengembangan inovasi daerah (RIPJ PID)": "master plan for regional innovation",
  Replikasi: "replication",
  "Sosialisasi inovasi daerah": "promotion of regional innovation",
  "Tingkat pengangguran terbuka (capaian)": "open unemployment rate, level",
  "Tingkat pengangguran terbuka (perkembangan)": "open unemployment rate, change",
  "Visi dan misi": "vision and mission",
  "Sangat Inovatif": "very innovative",
  Inovatif: "innovative",
  "Kurang Inovatif": "less innovative",
  "Tidak Dapat Dinilai": "cannot be assessed",
};

/** The English gloss of a rule-set term, or null when none is known. */
export function glossOf(term: string): string | null {
  return GLOSSES[term.trim()] ?? null;
}

/**
 * The term as a reader of `locale` sees it: Indonesian as written, with the English gloss in English
 * (none where the rule set already uses the English words: "Mandatory spending").
 */
export function ruleTerm(term: string, locale: string): string {
  if (locale !== "en") return term;
  const gloss = glossOf(term);
  return gloss && gloss.toLowerCase() !== term.trim().toLowerCase() ? `${term} (${gloss})` : term;
}
