import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardTitle } from "@/components/ui/card";
import type { Ctx } from "@/lib/auth/context";
import { pendingReviewCounts } from "@/lib/iga/review-queue";

/** On an evaluator's home page: how much evidence waits for a verdict, per year, with the queue one click away. */
export async function ReviewQueueCard({ ctx }: { ctx: Ctx }) {
  const [counts, t, format] = await Promise.all([
    pendingReviewCounts({ ctx }),
    getTranslations("igaYears.queue"),
    getFormatter(),
  ]);
  return (
    <Card data-testid="review-queue-card">
      <CardTitle>{t("homeTitle")}</CardTitle>
      {counts.length === 0 ? (
        <p className="text-slate-700">{t("homeNone")}</p>
      ) : (
        <ul className="space-y-1">
          {counts.map((c) => (
            <li key={c.year}>
              <Link className="text-brand-700 underline" href={`/iga/${c.year}/review`}>
                {t("homeLine", { year: c.year, n: format.number(c.pending) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
