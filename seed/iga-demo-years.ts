import { eq } from "drizzle-orm";
import type { SubmissionStatus } from "@/db/schema/iga-submissions";
import { findFramework, type LoadedFramework } from "@/lib/iga/frameworks";
import { completeness } from "@/lib/innovations/schemas";
import { mulberry32 } from "@/lib/random";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { sampleDesign } from "./demo-innovations";
import { insertPlannedYear, insertSampleSubmissions } from "./iga-demo-insert";
import { NEEDS_WORK_COMMENTS, type PlannedAssessment, planInnovation, planRegion } from "./iga-demo-plan";

/**
 * The demo's later IGA years, all sample data:
 * - 2024, derived from 2023: about two thirds of the 2023 innovations entered a second time (the
 *   most an innovation may be), with levels re-drawn; mostly verified, a few returned or waiting.
 * - 2026: eleven sample innovations applied in 2025 (2026 takes those applied 2024–2026), eight
 *   submitted, two ready, one draft, covering four of the six basic-service affairs — so the
 *   2026 estimate shows the max(12, n) divisor and a shut basic-service gate with its to-do.
 */

interface Subject {
  id: string;
  name: string;
  stage: string;
  isSample: boolean;
  yearApplied: number;
}

type Idea2026 = [name: string, agency: string, affair: string, focus: string, status: SubmissionStatus];
const IDEAS_2026: Idea2026[] = [
  ["Sekolah Digital Desa", "DISDIKBUD", "pendidikan", "kelas daring untuk sekolah desa", "submitted"],
  ["Beasiswa Anak Petani", "DISDIKBUD", "pendidikan", "beasiswa bagi anak keluarga petani", "submitted"],
  ["Posyandu Prima Terintegrasi", "DINKES", "kesehatan", "posyandu terpadu dengan data NIK", "submitted"],
  ["Telemedisin Puskesmas", "DINKES", "kesehatan", "konsultasi dokter jarak jauh di puskesmas", "submitted"],
  ["SIGAP Jalan Desa", "PUPR", "pekerjaan_umum_dan_penataan_ruang", "laporan kerusakan jalan desa", "submitted"],
  [
    "Peta Tata Ruang Daring",
    "PUPR",
    "pekerjaan_umum_dan_penataan_ruang",
    "informasi tata ruang bagi warga",
    "submitted",
  ],
  [
    "Rumah Layak Huni Gotong Royong",
    "PERKIM",
    "perumahan_rakyat_dan_kawasan_permukiman",
    "bedah rumah bersama warga",
    "submitted",
  ],
  [
    "Air Bersih Permukiman",
    "PERKIM",
    "perumahan_rakyat_dan_kawasan_permukiman",
    "sambungan air bersih di permukiman",
    "submitted",
  ],
  [
    "KTP-el Jemput Bola Sekolah",
    "DISDUKCAPIL",
    "administrasi_kependudukan_dan_pencatatan_sipil",
    "perekaman KTP-el di sekolah",
    "ready",
  ],
  ["Pasar Tani Daring", "PERTANIAN", "pertanian", "penjualan hasil tani secara daring", "ready"],
  ["Bank Sampah Desa", "DLH", "lingkungan_hidup", "bank sampah yang dikelola desa", "draft"],
];

/** A seventh part, so the 2026 samples reach the 300 words a complete rancang bangun needs. */
const SUSTAINABILITY = (name: string, focus: string) =>
  `Keberlanjutan dan hasil. ${name} dianggarkan dalam rencana kerja perangkat daerah setiap tahun, dipantau melalui laporan bulanan kepada Bappeda, dan dievaluasi bersama warga penerima manfaat. ` +
  `Sejak diterapkan pada tahun 2025, ${focus} menjangkau lebih banyak desa, waktu layanan menjadi lebih singkat, dan keluhan warga ditangani lebih cepat. ` +
  `Perangkat daerah menyiapkan petunjuk teknis, melatih petugas baru, dan membagikan pengalaman kepada kabupaten lain yang ingin mereplikasi inovasi ini, sehingga manfaatnya tidak berhenti ketika pengelolanya berganti. ` +
  `Data layanan yang tercatat dengan NIK dipakai untuk menilai siapa yang sudah dan belum terlayani, sehingga perangkat daerah dapat mengarahkan petugas ke desa yang paling membutuhkan dan melaporkan kemajuannya kepada pimpinan daerah secara terbuka.`;

function statusOf2024(rand: () => number): SubmissionStatus {
  const r = rand();
  return r < 0.7 ? "verified" : r < 0.9 ? "submitted" : r < 0.95 ? "returned" : "ready";
}

async function seed2024(
  tx: Executor,
  loaded: LoadedFramework,
  regionCode: string,
  evaluatorId: string | null,
  from2023: Subject[],
) {
  const rand = mulberry32(18_11_2024);
  // 2024 takes innovations applied in 2023 or 2024: those of 2022 had their second year in 2023's.
  const chosen = from2023.filter(
    (s) => s.yearApplied >= 2023 && (!s.isSample || (s.stage !== "inisiatif" && rand() < 0.7)),
  );
  const planned = [
    ...planRegion(loaded.ruleSet.indicators).map((plan) => ({
      plan,
      innovationId: null,
      subjectName: "Kabupaten Mesuji",
    })),
    ...chosen.flatMap((s) =>
      planInnovation(loaded.ruleSet.indicators, { ...s, name: `${s.name} 2024` }).map((plan) => ({
        plan,
        innovationId: s.id,
        subjectName: s.name,
      })),
    ),
  ];
  const written = await insertPlannedYear(tx, loaded, { regionCode, planned, evaluatorId });
  const rows = chosen.map((s, i) => {
    const status = s.isSample ? statusOf2024(rand) : ("verified" as const);
    return {
      regionCode,
      year: 2024,
      innovationId: s.id,
      status,
      returnNotes:
        status === "returned"
          ? { "INV-20": NEEDS_WORK_COMMENTS[i % NEEDS_WORK_COMMENTS.length].replace("2023", "2024") }
          : undefined,
    };
  });
  await insertSampleSubmissions(tx, rows);
  return { ...written, innovations: rows.length };
}

/** A plan that passes the "ready to send" check: evidence behind every level, mandatory indicators chosen. */
function readyPlan(loaded: LoadedFramework, plan: PlannedAssessment[]): PlannedAssessment[] {
  const backed = plan.map((p) =>
    p.level !== null && (p.evidence === null || p.evidence === "needs_work")
      ? { ...p, evidence: "pending" as const }
      : p,
  );
  const missing = loaded.ruleSet.indicators
    .filter(
      (i) => i.scope === "innovation" && i.mandatory && !backed.some((p) => p.code === i.code && p.level !== null),
    )
    .map((i) => ({ code: i.code, level: 2 as const, evidence: "pending" as const }));
  return [...backed.filter((p) => !missing.some((m) => m.code === p.code)), ...missing];
}

async function seed2026(tx: Executor, loaded: LoadedFramework, regionCode: string, evaluatorId: string | null) {
  const agencyRows = await tx
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(eq(agencies.regionCode, regionCode));
  const agencyId = new Map(agencyRows.map((a) => [a.code, a.id]));
  const ideas = IDEAS_2026.filter(([, agency]) => agencyId.has(agency));
  if (ideas.length === 0) return { innovations: 0 };
  const created = await tx
    .insert(innovations)
    .values(
      ideas.map(([name, agency, affair, focus]) => {
        const profile = {
          name,
          agencyId: agencyId.get(agency)!,
          summary: `Contoh data: ${focus}.`,
          stage: "penerapan" as const,
          initiatorType: "opd" as const,
          initiatorName: `Tim ${agency}`,
          innovationType: "digital" as const,
          form: "pelayanan_publik" as const,
          theme: "digitalisasi_layanan",
          mainAffair: affair,
          otherAffairs: [],
          trialDate: "2025-02-03",
          implementationDate: "2025-07-01",
          design: `${sampleDesign(name, focus, true)}\n${SUSTAINABILITY(name, focus)}`,
          goals: `Meningkatkan ${focus} bagi warga Kabupaten Mesuji.`,
          benefits: `Warga memperoleh ${focus} yang lebih cepat, mudah dan murah.`,
          results: `Layanan ${focus} menjangkau lebih banyak desa dibanding sebelum inovasi.`,
          yearApplied: 2025,
          isSample: true,
        };
        return { ...profile, regionCode, completeness: completeness(profile).percent };
      }),
    )
    .returning({
      id: innovations.id,
      name: innovations.name,
      stage: innovations.stage,
      isSample: innovations.isSample,
    });
  const byName = new Map(created.map((c) => [c.name, c]));
  const statusOf = new Map(ideas.map(([name, , , , status]) => [name, status]));
  const planned = [
    ...planRegion(loaded.ruleSet.indicators).map((plan) => ({
      plan,
      innovationId: null,
      subjectName: "Kabupaten Mesuji",
    })),
    ...created.flatMap((s) => {
      const plan = planInnovation(loaded.ruleSet.indicators, s);
      // What was marked ready or sent passed the check: every level backed, the mandatory ones chosen.
      const sendable = statusOf.get(s.name) !== "draft" ? readyPlan(loaded, plan) : plan;
      return sendable.map((p) => ({ plan: p, innovationId: s.id, subjectName: s.name }));
    }),
  ];
  const written = await insertPlannedYear(tx, loaded, { regionCode, planned, evaluatorId });
  await insertSampleSubmissions(
    tx,
    ideas
      .filter(([, , , , status]) => status !== "draft")
      .map(([name, , , , status]) => ({ regionCode, year: 2026, innovationId: byName.get(name)!.id, status })),
  );
  return { ...written, innovations: created.length };
}

export async function seedIgaLaterYearsDemo(
  tx: Executor,
  options: { regionCode: string; evaluatorId: string | null; submitted2023: Subject[] },
) {
  const [y2024, y2026] = await Promise.all([findFramework(tx, 2024), findFramework(tx, 2026)]);
  return {
    2024: y2024 ? await seed2024(tx, y2024, options.regionCode, options.evaluatorId, options.submitted2023) : null,
    2026: y2026 ? await seed2026(tx, y2026, options.regionCode, options.evaluatorId) : null,
  };
}
