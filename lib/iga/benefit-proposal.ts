import { and, countDistinct, eq, gte, lte } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { serviceRecords } from "@/db/schema/beneficiaries";
import type { Indicator, Level } from "./rule-set";
import { published } from "@/lib/beneficiaries/published";

/**
 * "Kemanfaatan inovasi" is scored by how many people an innovation served. The NIK-linked register
 * (service_records) knows that number, so the level can be proposed from data instead of typed in.
 * The thresholds come from the indicator's own level descriptions ("1-100 penerima manfaat",
 * "101-200 …", ">= 201 …"), so a new year's numbers need no code; a year whose descriptions carry
 * no numbers can state them as data in its formula (`benefitThresholds: [1, 101, 201]`).
 */

/** Marked in the rule set's data (`derivedFrom`), so renaming the indicator in a later year keeps the proposal. */
export function isBenefitIndicator(indicator: Pick<Indicator, "derivedFrom" | "scope">): boolean {
  return indicator.scope === "innovation" && indicator.derivedFrom === "beneficiaries";
}

/** First whole number of a description; Indonesian thousands dots ("1.000") are read as 1000. */
function firstNumber(text: string): number | null {
  const match = /\d{1,3}(?:\.\d{3})+(?!\d)|\d+/.exec(text);
  return match ? Number(match[0].replaceAll(".", "")) : null;
}

/**
 * The least number of residents for level 1, 2 and 3, or null when the descriptions do not state
 * them as increasing numbers. "<= 100" or "< 100" for level 1 means any positive number.
 */
export function thresholdsFromLevels(levels: readonly string[]): [number, number, number] | null {
  if (levels.length !== 3) return null;
  const mins = levels.map((text, i) => {
    if (i === 0 && /^\s*(<|≤)/.test(text)) return 1;
    return firstNumber(text);
  });
  if (mins.some((m) => m === null)) return null;
  const [a, b, c] = mins as number[];
  return a < b && b < c ? [a, b, c] : null;
}

export function benefitThresholds(
  indicator: Indicator,
  rawFormula: Record<string, unknown>,
): [number, number, number] | null {
  const fromText = thresholdsFromLevels(indicator.levels);
  if (fromText) return fromText;
  const stated = rawFormula.benefitThresholds;
  if (Array.isArray(stated) && stated.length === 3 && stated.every((n) => typeof n === "number")) {
    const [a, b, c] = stated as number[];
    if (a < b && b < c) return [a, b, c];
  }
  return null;
}

/** The highest level whose threshold the count reaches; null below level 1. */
export function proposedLevel(residents: number, thresholds: readonly [number, number, number]): Level | null {
  for (let level = 3; level >= 1; level--) if (residents >= thresholds[level - 1]) return level as Level;
  return null;
}

/** Distinct residents an innovation served in a calendar year, from the beneficiary register. */
export async function distinctResidentsServed(
  db: Executor,
  regionCode: string,
  innovationId: string,
  year: number,
): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(serviceRecords.residentId) })
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.regionCode, regionCode),
        eq(serviceRecords.innovationId, innovationId),
        gte(serviceRecords.serviceDate, `${year}-01-01`),
        lte(serviceRecords.serviceDate, `${year}-12-31`),
        published(),
      ),
    );
  return Number(row?.n ?? 0);
}

export interface BenefitProposal {
  residents: number;
  level: Level | null;
  thresholds: [number, number, number];
}

export async function benefitProposal(
  db: Executor,
  indicator: Indicator,
  rawFormula: Record<string, unknown>,
  innovation: { id: string; regionCode: string },
  year: number,
): Promise<BenefitProposal | null> {
  if (!isBenefitIndicator(indicator)) return null;
  const thresholds = benefitThresholds(indicator, rawFormula);
  if (!thresholds) return null;
  const residents = await distinctResidentsServed(db, innovation.regionCode, innovation.id, year);
  return { residents, level: proposedLevel(residents, thresholds), thresholds };
}
