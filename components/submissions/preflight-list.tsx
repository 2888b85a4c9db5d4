import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { Problem } from "@/lib/submissions/preflight-rules";

/** The pre-flight problems, grouped by kind, each with a link to the page that fixes it. */
export async function PreflightList({ problems }: { problems: Problem[] }) {
  const t = await getTranslations("submissions");
  if (problems.length === 0) return <Alert tone="success">{t("preflightClean")}</Alert>;
  const groups = new Map<string, Problem[]>();
  for (const p of problems) groups.set(p.code, [...(groups.get(p.code) ?? []), p]);
  return (
    <div className="space-y-2" data-testid="preflight">
      <Alert tone="warning">{t("preflightProblems", { count: problems.length })}</Alert>
      {[...groups].map(([code, list]) => (
        <details key={code} className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium">
            {t(`problem.${code}` as never)} ({list.length})
          </summary>
          <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto text-sm">
            {list.map((p, i) => (
              <li key={i}>
                <Link className="text-brand-700 underline" href={p.href}>
                  {p.innovationName ?? t("region")}
                  {p.indicatorCode ? ` · ${p.indicatorCode}` : ""}
                </Link>
                {p.detail && <span className="text-slate-600"> — {code === "design_too_short" ? t("words", { count: Number(p.detail) }) : p.detail}</span>}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
