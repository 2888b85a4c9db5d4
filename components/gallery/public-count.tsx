import { getFormatter, getTranslations } from "next-intl/server";
import { type PublicCount, SUPPRESSION_THRESHOLD } from "@/lib/gallery/suppress";

/** A suppressed public figure: the number, "< 10", or "x" for a cell hidden to protect a small neighbour. */
export async function PublicCountText({ value }: { value: PublicCount }) {
  const [t, format] = await Promise.all([getTranslations("gallery"), getFormatter()]);
  if (typeof value === "number") return <>{format.number(value)}</>;
  if (value === "hidden") return <abbr title={t("hiddenHint")}>x</abbr>;
  return <>{t("under", { n: SUPPRESSION_THRESHOLD })}</>;
}
