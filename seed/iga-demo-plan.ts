import type { Indicator, Level } from "@/lib/iga/rule-set";
import { mulberry32 } from "@/lib/random";

/**
 * The demo's IGA levels, decided without the database so the estimate they produce can be checked
 * in a unit test. Deterministic: the same install always shows the same estimate. Mature
 * innovations (penerapan) get higher levels and more evidence than initiatives; the two real
 * flagships are near full marks, as Mesuji's award suggests. Roughly 1 in 12 pieces of evidence is
 * marked needs_work so an evaluator's comments appear in the demo.
 */

export type DemoReview = "accepted" | "pending" | "needs_work";

export interface PlannedAssessment {
  code: string;
  level: Level | null;
  evidence: DemoReview | null;
}

export interface DemoSubject {
  name: string;
  stage: string;
  isSample: boolean;
}

export const NEEDS_WORK_COMMENTS = [
  "Tahun dokumen tidak sesuai tahun penerapan; unggah dokumen tahun 2023.",
  "Halaman yang menyebut nama inovasi belum ditandai.",
  "Dokumen belum ditandatangani pejabat yang berwenang.",
  "Bukti tidak sesuai level yang dipilih; pilih level lebih rendah atau lengkapi bukti.",
];

function pickLevel(rand: () => number, quality: number): Level {
  const r = rand();
  if (r < quality * 0.55) return 3;
  if (r < quality * 0.55 + 0.45) return 2;
  return 1;
}

function review(rand: () => number): DemoReview {
  const r = rand();
  return r < 0.08 ? "needs_work" : r < 0.6 ? "accepted" : "pending";
}

const QUALITY: Record<string, number> = { penerapan: 0.95, uji_coba: 0.7, inisiatif: 0.45 };

export function planRegion(indicators: readonly Indicator[]): PlannedAssessment[] {
  const rand = mulberry32(18_11_2023);
  return indicators
    .filter((i) => i.scope === "region")
    .map((i) => ({
      code: i.code,
      level: rand() < 0.72 ? 3 : rand() < 0.75 ? 2 : 1,
      evidence: rand() < 0.1 ? null : ("accepted" as const),
    }));
}

/** A seed from the name, so the plan does not depend on the order rows come back in. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function planInnovation(indicators: readonly Indicator[], subject: DemoSubject): PlannedAssessment[] {
  const rand = mulberry32(seedOf(subject.name));
  const flagship = !subject.isSample;
  const quality = flagship ? 1 : (QUALITY[subject.stage] ?? 0.5) * (0.75 + rand() * 0.4);
  const out: PlannedAssessment[] = [];
  for (const indicator of indicators) {
    if (indicator.scope !== "innovation") continue;
    if (flagship) {
      out.push({ code: indicator.code, level: rand() < 0.85 ? 3 : 2, evidence: "accepted" });
      continue;
    }
    // Some indicators are left for the to-do list: never assessed, or a level without its evidence.
    if (rand() > 0.55 + quality * 0.45) continue;
    const level = pickLevel(rand, quality);
    out.push({ code: indicator.code, level, evidence: rand() < 0.82 + quality * 0.1 ? review(rand) : null });
  }
  return out;
}
