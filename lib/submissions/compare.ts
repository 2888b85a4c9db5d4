import type { SnapshotContent, SnapshotIndicator } from "./content";

/**
 * What changed between two snapshots: innovations added or removed, levels changed, evidence
 * replaced (a different set of file hashes or links behind an indicator), and the index delta.
 */
export interface LevelChange {
  innovationId: string | null;
  innovationName: string | null;
  indicatorCode: string;
  from: number | null;
  to: number | null;
}

export interface EvidenceChange {
  innovationId: string | null;
  innovationName: string | null;
  indicatorCode: string;
  removed: string[];
  added: string[];
}

export interface Comparison {
  added: { id: string; name: string }[];
  removed: { id: string; name: string }[];
  levels: LevelChange[];
  evidence: EvidenceChange[];
  profiles: { id: string; name: string; fields: string[] }[];
  index: { from: number; to: number; delta: number };
}

/** An evidence item's identity: its file hash, or its link. */
const evidenceKey = (e: SnapshotIndicator["evidence"][number]) =>
  e.kind === "file" ? `${e.fileName ?? ""}#${e.sha256}` : (e.url ?? "");

function compareIndicators(
  owner: { id: string; name: string } | null,
  a: SnapshotIndicator[],
  b: SnapshotIndicator[],
  out: Comparison,
) {
  const before = new Map(a.map((i) => [i.code, i]));
  for (const after of b) {
    const prior = before.get(after.code);
    const base = { innovationId: owner?.id ?? null, innovationName: owner?.name ?? null, indicatorCode: after.code };
    if ((prior?.level ?? null) !== after.level)
      out.levels.push({ ...base, from: prior?.level ?? null, to: after.level });
    const was = new Set((prior?.evidence ?? []).map(evidenceKey));
    const now = new Set(after.evidence.map(evidenceKey));
    const removed = [...was].filter((k) => !now.has(k));
    const added = [...now].filter((k) => !was.has(k));
    if (removed.length || added.length) out.evidence.push({ ...base, removed, added });
  }
}

export function compareSnapshots(a: SnapshotContent, b: SnapshotContent): Comparison {
  const out: Comparison = {
    added: [],
    removed: [],
    levels: [],
    evidence: [],
    profiles: [],
    index: { from: a.score.index, to: b.score.index, delta: Math.round((b.score.index - a.score.index) * 100) / 100 },
  };
  const olds = new Map(a.innovations.map((i) => [i.id, i]));
  const news = new Map(b.innovations.map((i) => [i.id, i]));
  for (const [id, i] of olds) if (!news.has(id)) out.removed.push({ id, name: i.profile.name });
  for (const [id, i] of news) {
    const prior = olds.get(id);
    if (!prior) {
      out.added.push({ id, name: i.profile.name });
      continue;
    }
    // A field an older snapshot does not have (the 2026 profile) counts as empty, not as changed.
    const keys = new Set([...Object.keys(prior.profile), ...Object.keys(i.profile)]) as Set<keyof typeof i.profile>;
    const fields = [...keys].filter(
      (k) => JSON.stringify(prior.profile[k] ?? null) !== JSON.stringify(i.profile[k] ?? null),
    );
    if (fields.length) out.profiles.push({ id, name: i.profile.name, fields });
    compareIndicators({ id, name: i.profile.name }, prior.indicators, i.indicators, out);
  }
  compareIndicators(null, a.region, b.region, out);
  return out;
}
