/*
 * Pure shaping of the trend charts' data: which rule set's category bands a year is drawn against,
 * the rank rows (the regency and its peers per year) and the index rows with the current year's
 * estimate as a projection. No database, no React: unit-tested on their own.
 */

export interface CategoryBand {
  name: string;
  min: number;
  max: number;
}

export interface YearRules {
  year: number;
  categories: CategoryBand[];
}

export interface YearBands {
  year: number;
  /** The rule set's year the bands come from: the year itself, or the nearest year that has one. */
  fromYear: number;
  bands: CategoryBand[];
}

/** The rule set a year is judged by: its own, else the nearest year's (the earlier on a tie); null without any. */
export function rulesForYear(ruleSets: readonly YearRules[], year: number): YearRules | null {
  let best: YearRules | null = null;
  for (const rs of ruleSets) {
    if (!best) best = rs;
    else {
      const d = Math.abs(rs.year - year);
      const bestD = Math.abs(best.year - year);
      if (d < bestD || (d === bestD && rs.year < best.year)) best = rs;
    }
  }
  return best;
}

/** Each year's drawable bands (a zero-width band such as "Tidak Dapat Dinilai" 0–0 is left out), lowest first. */
export function bandsPerYear(ruleSets: readonly YearRules[], years: readonly number[]): YearBands[] {
  return years.flatMap((year) => {
    const rs = rulesForYear(ruleSets, year);
    if (!rs) return [];
    const bands = rs.categories.filter((c) => c.max > c.min).sort((a, b) => a.min - b.min);
    return [{ year, fromYear: rs.year, bands }];
  });
}

export interface ResultPoint {
  year: number;
  nationalRank: number | null;
  provinceRank: number | null;
  index: number | null;
}

export interface PeerPoint {
  peerCode: string;
  year: number;
  nationalRank: number | null;
}

export type ChartRow = { year: number } & Record<string, number | null>;

export const peerKey = (code: string) => `peer_${code.replace(/\W/g, "_")}`;

/** One row per year (the regency's and every peer's years), with null where a rank is unknown. */
export function rankRows(results: readonly ResultPoint[], peers: readonly PeerPoint[]): ChartRow[] {
  const years = [...new Set([...results.map((r) => r.year), ...peers.map((p) => p.year)])].sort((a, b) => a - b);
  const peerCodes = [...new Set(peers.map((p) => p.peerCode))];
  return years.map((year) => {
    const own = results.find((r) => r.year === year);
    const row: ChartRow = { year, national: own?.nationalRank ?? null, province: own?.provinceRank ?? null };
    for (const code of peerCodes)
      row[peerKey(code)] = peers.find((p) => p.peerCode === code && p.year === year)?.nationalRank ?? null;
    return row;
  });
}

export interface Estimate {
  year: number;
  index: number;
}

/**
 * One row per year with the published index (null when none was published) and a `projection`
 * series: the last published index before the estimate's year, then the estimate, so the chart
 * draws a dashed segment from what is known to what is expected (a lone point without a known index).
 */
export function indexRows(results: readonly ResultPoint[], estimate: Estimate | null): ChartRow[] {
  const years = [...new Set([...results.map((r) => r.year), ...(estimate ? [estimate.year] : [])])].sort(
    (a, b) => a - b,
  );
  const lastKnown = estimate
    ? [...results].filter((r) => r.index !== null && r.year < estimate.year).sort((a, b) => b.year - a.year)[0]
    : undefined;
  return years.map((year) => {
    const index = results.find((r) => r.year === year)?.index ?? null;
    let projection: number | null = null;
    if (estimate && year === estimate.year) projection = estimate.index;
    else if (lastKnown && year === lastKnown.year) projection = lastKnown.index;
    return { year, index, projection };
  });
}

/** A URL is shown as a link; anything else (a decree number) as text. */
export function sourceUrl(source: string | null): string | null {
  if (!source) return null;
  try {
    const url = new URL(source.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Every year from the first to the last, so a year without a row still gets its bands and tick. */
export function yearSpan(years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const from = Math.min(...years);
  const to = Math.max(...years);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Rank ticks that read well: 1 at the top, then round steps down to (at least) the worst rank shown. */
export function rankTicks(worst: number): number[] {
  const max = Math.max(1, Math.ceil(worst));
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500].find((s) => max / s <= 6) ?? 1000;
  const ticks = [1];
  for (let t = step; t < max + step; t += step) if (t > 1) ticks.push(t);
  return ticks;
}
