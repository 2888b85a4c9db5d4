import type { Ctx } from "@/lib/auth/context";
import { type RegionScore, regionScore } from "./region-score";
import type { IndicatorScope, Level } from "./rule-set";

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
  href: string;
}

/** Where a person fixes an item: the innovation's indicators tab or the region page, at the indicator. */
function todoHref(year: number, innovationId: string | null, code: string): string {
  const anchor = `#indicator-${encodeURIComponent(code)}`;
  return innovationId ? `/innovations/${innovationId}?tab=indicators&year=${year}${anchor}` : `/iga/${year}/region${anchor}`;
}

/** The to-do list ordered by index points gained (the engine's order), cut to `limit`. */
export function todoItems(score: RegionScore, limit: number): { items: TodoItem[]; total: number } {
  const year = score.loaded.ruleSet.year;
  const indicators = new Map(score.loaded.ruleSet.indicators.map((i) => [i.code, i]));
  const names = new Map(score.innovations.map((i) => [i.id, i.name]));
  const worthDoing = score.gains.filter((g) => g.indexGain > 0);
  const items = worthDoing
    .slice(0, limit)
    .map((g): TodoItem => {
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
        href: todoHref(year, innovationId, g.indicatorCode),
      };
    });
  return { items, total: worthDoing.length };
}

export async function todoList({ ctx, year, limit = 25 }: { ctx: Ctx; year: number; limit?: number }) {
  const score = await regionScore({ ctx, year });
  return todoItems(score, Math.max(1, Math.min(limit, 500)));
}
