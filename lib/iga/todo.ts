import type { Ctx } from "@/lib/auth/context";
import { type RegionScore, regionScore } from "./region-score";
import { affairGains } from "./gate-gains";
import type { IndicatorScope, Level } from "./rule-set";
import { maturity } from "./submission-rules";

/** One step on the to-do list, with what a person needs to act on it. */
export interface TodoItem {
  scope: IndicatorScope;
  innovationId: string | null;
  innovationName: string | null;
  indicatorCode: string;
  indicatorName: string;
  fromLevel: Level | null;
  toLevel: Level;
  /** The description of the level to reach, e.g. "SK Kepala Daerah". */
  toLevelDescription: string;
  missingEvidence: boolean;
  evidenceNeeded: string;
  /** Index points (0..100) this one step adds, unrounded. */
  indexGain: number;
  /** The innovation's maturity (its score as a share of the maximum, 0..1); null for region steps. */
  maturity: number | null;
  href: string;
}

/** Where a person fixes an item: the innovation's indicators tab or the region page, at the indicator. */
function todoHref(year: number, innovationId: string | null, code: string): string {
  const anchor = `#indicator-${encodeURIComponent(code)}`;
  return innovationId
    ? `/innovations/${innovationId}?tab=indicators&year=${year}${anchor}`
    : `/iga/${year}/region${anchor}`;
}

/**
 * Whose list it is: agency staff (`ownAgencyId`) see their own innovations' steps first and no
 * region-wide (SPD) steps, which only Bappeda can take; everyone else sees the whole list.
 */
export interface TodoAudience {
  ownAgencyId?: string | null;
}

/** The to-do list ordered by index points gained (the engine's order), cut to `limit`. */
export function todoItems(
  score: RegionScore,
  limit: number,
  audience: TodoAudience = {},
): { items: TodoItem[]; total: number } {
  const year = score.loaded.ruleSet.year;
  const indicators = new Map(score.loaded.ruleSet.indicators.map((i) => [i.code, i]));
  const names = new Map(score.innovations.map((i) => [i.id, i.name]));
  const agencyOf = new Map(score.innovations.map((i) => [i.id, i.agencyId]));
  const maturityOf = new Map(score.result.perInnovation.map((p) => [p.id, maturity(p.score, p.max)]));
  const own = audience.ownAgencyId;
  const ranked = score.gains.filter((g) => g.indexGain > 0 && !(own && g.scope === "region"));
  // A stable sort keeps the gain order inside "own" and "others".
  const worthDoing = own
    ? [...ranked].sort(
        (a, b) =>
          Number(agencyOf.get(b.innovationId ?? "") === own) - Number(agencyOf.get(a.innovationId ?? "") === own),
      )
    : ranked;
  const items = worthDoing.slice(0, limit).map((g): TodoItem => {
    const indicator = indicators.get(g.indicatorCode)!;
    const innovationId = g.innovationId ?? null;
    return {
      scope: g.scope,
      innovationId,
      innovationName: innovationId ? (names.get(innovationId) ?? null) : null,
      indicatorCode: g.indicatorCode,
      indicatorName: indicator.name,
      fromLevel: g.fromLevel,
      toLevel: g.toLevel,
      toLevelDescription: indicator.levels[g.toLevel - 1],
      missingEvidence: g.missingEvidence,
      evidenceNeeded: indicator.evidence,
      indexGain: g.indexGain,
      maturity: innovationId ? (maturityOf.get(innovationId) ?? 0) : null,
      href: todoHref(year, innovationId, g.indicatorCode),
    };
  });
  return { items, total: worthDoing.length };
}

/**
 * The API's to-do list, counted like "if you submitted today" (submitted and ready innovations),
 * with the basic-service affairs whose one more innovation would add points (2026's gate).
 */
export async function todoList({ ctx, year, limit = 25 }: { ctx: Ctx; year: number; limit?: number }) {
  const score = await regionScore({ ctx, year, counting: "ready" });
  const own = ctx.actor?.role === "agency" ? ctx.actor.agencyId : null;
  return {
    ...todoItems(score, Math.max(1, Math.min(limit, 500)), { ownAgencyId: own }),
    affairs: affairGains(score.loaded.ruleSet, score.input),
  };
}
