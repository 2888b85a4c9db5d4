import type { RuleSet } from "@/lib/iga/rule-set";

/**
 * What a frozen submission holds, as plain JSON (the snapshot's canonical content). Dates are
 * ISO strings; evidence is referenced by its SHA-256, the bytes stay in the file store.
 */
export const SNAPSHOT_FORMAT = "iga-submission/1";

export interface SnapshotEvidence {
  id: string;
  kind: "file" | "link";
  fileName: string | null;
  sha256: string | null;
  size: number | null;
  mimeType: string | null;
  /** Stored file id, to read the bytes back for the package (not part of what was "sent"). */
  fileId: string | null;
  url: string | null;
  letterNumber: string | null;
  letterDate: string | null;
  subject: string | null;
  reviewStatus: "pending" | "accepted" | "needs_work";
  reviewComment: string | null;
}

export interface SnapshotIndicator {
  code: string;
  name: string;
  mandatory: boolean;
  level: number | null;
  /** weight × level when the level has evidence, else 0 (the score engine's rule). */
  score: number;
  evidence: SnapshotEvidence[];
}

export interface SnapshotProfile {
  name: string;
  summary: string | null;
  stage: string;
  initiatorType: string | null;
  initiatorName: string | null;
  innovationType: string | null;
  form: string | null;
  theme: string | null;
  mainAffair: string | null;
  otherAffairs: string[];
  trialDate: string | null;
  implementationDate: string | null;
  design: string | null;
  goals: string | null;
  benefits: string | null;
  results: string | null;
  yearApplied: number;
  isSample: boolean;
  // The 2026 profile; absent from snapshots frozen before it existed.
  classification?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  astaCita?: number | null;
  priorityCluster?: string | null;
  latestDevelopmentDate?: string | null;
}

export interface SnapshotInnovation {
  /** 1-based position in the submission: the NNN of the package's file names. */
  no: number;
  id: string;
  slug: string;
  agency: { id: string; code: string; name: string };
  profile: SnapshotProfile;
  score: number;
  max: number;
  indicators: SnapshotIndicator[];
}

export interface SnapshotScore {
  spd: number;
  spdMax: number;
  sid: number;
  sidMax: number;
  innovationCountScore: number;
  innovationCountMax: number;
  index: number;
  category: string;
  innovations: number;
}

export interface SnapshotContent {
  format: typeof SNAPSHOT_FORMAT;
  regionCode: string;
  year: number;
  ruleSet: RuleSet & { version: number; status: string };
  score: SnapshotScore;
  region: SnapshotIndicator[];
  innovations: SnapshotInnovation[];
}

/** A file-name-safe ASCII slug of a name: "Payo Beladas" → "payo-beladas". */
export function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "inovasi";
}

/** "007" for the 7th innovation: file names sort in submission order. */
export function numbered(no: number): string {
  return String(no).padStart(3, "0");
}
