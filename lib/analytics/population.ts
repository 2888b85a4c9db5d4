import { and, desc, eq, lte } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { regionPopulation } from "@/db/schema/analytics";

export interface PopulationFigure {
  year: number;
  population: number;
  source: string;
}

/**
 * The population to set reach against: the figure of the period's year, else the latest one before
 * it, else the earliest on record (a later count beats none, and the page names the year used).
 */
export async function populationFor(
  db: Executor,
  regionCode: string,
  year: number | null,
): Promise<PopulationFigure | null> {
  const region = eq(regionPopulation.regionCode, regionCode);
  const pick = {
    year: regionPopulation.year,
    population: regionPopulation.population,
    source: regionPopulation.source,
  };
  if (year !== null) {
    const [atOrBefore] = await db
      .select(pick)
      .from(regionPopulation)
      .where(and(region, lte(regionPopulation.year, year)))
      .orderBy(desc(regionPopulation.year))
      .limit(1);
    if (atOrBefore) return atOrBefore;
  }
  const [any] = await db
    .select(pick)
    .from(regionPopulation)
    .where(region)
    .orderBy(year === null ? desc(regionPopulation.year) : regionPopulation.year)
    .limit(1);
  return any ?? null;
}
