import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ruleTerm } from "@/lib/iga/glossary";
import { gainText } from "@/lib/i18n/points";
import { Badge } from "@/components/ui/badge";
import type { TodoItem } from "@/lib/iga/todo";

/** The to-do list: each step, what it takes, and the index points it adds; biggest gain first. */
export async function TodoList({ items, canFix = true }: { items: TodoItem[]; canFix?: boolean }) {
  const [t, tYears, format, tPoints] = await Promise.all([
    getTranslations("iga.todo"),
    getTranslations("igaYears"),
    getFormatter(),
    getTranslations("ux.points"),
  ]);
  const locale = await getLocale();
  if (items.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <ol className="space-y-2" data-testid="todo-list">
      {items.map((item) => {
        const action =
          item.fromLevel === null
            ? t(item.missingEvidence ? "firstLevel" : "chooseLevel", { description: item.toLevelDescription })
            : item.missingEvidence
              ? t("missingEvidence", { level: item.toLevel, description: item.toLevelDescription })
              : t("raise", { from: item.fromLevel, to: item.toLevel, description: item.toLevelDescription });
        return (
          <li
            key={`${item.innovationId ?? "region"}-${item.indicatorCode}`}
            className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 sm:flex-row sm:items-start"
            data-testid="todo-item"
          >
            <p
              className="shrink-0 whitespace-nowrap text-lg font-semibold tabular-nums text-emerald-800 sm:w-36"
              aria-label={t("gainLabel")}
            >
              {gainText(item.indexGain, format.number, tPoints)}
            </p>
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium text-slate-900">
                {item.innovationName ?? <Badge tone="brand">{t("region")}</Badge>} · {item.indicatorCode}{" "}
                {ruleTerm(item.indicatorName, locale)}
              </p>
              <p className="text-slate-800">{action}</p>
              {item.maturity !== null && (
                <p className="text-slate-600" data-testid="todo-maturity">
                  {tYears("maturity.value", {
                    percent: format.number(item.maturity, { style: "percent", maximumFractionDigits: 0 }),
                  })}
                </p>
              )}
              <p className="text-slate-600">{t("evidenceNeeded", { evidence: item.evidenceNeeded })}</p>
            </div>
            {canFix && (
              <Link
                href={item.href}
                className="shrink-0 self-start rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                {t("fix")}
                <span className="sr-only">
                  : {item.innovationName ?? t("region")} {item.indicatorCode}
                </span>
              </Link>
            )}
          </li>
        );
      })}
    </ol>
  );
}
