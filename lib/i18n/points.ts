/**
 * Index points are shown the way the index itself is: two decimals at most, in the reader's
 * number format. A gain too small to show at two decimals reads "less than 0.01" rather than
 * "+0.00", so no step looks worthless.
 */
type Decimals = { minimumFractionDigits: number; maximumFractionDigits: number };
export const POINTS_FORMAT: Decimals = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

type FormatNumber = (value: number, options: Decimals) => string;
type PointsTranslate = (key: "gain" | "gainBelow", values: { points: string }) => string;

export function gainText(value: number, formatNumber: FormatNumber, t: PointsTranslate): string {
  if (value > 0 && value < 0.005) return t("gainBelow", { points: formatNumber(0.01, POINTS_FORMAT) });
  return t("gain", { points: formatNumber(value, POINTS_FORMAT) });
}
