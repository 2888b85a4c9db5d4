import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { AFFAIRS } from "@/lib/reference/affairs";
import type { Problem } from "@/lib/submissions/preflight-rules";

type T = Awaited<ReturnType<typeof getTranslations<"submissions">>>;

/** A problem's detail in words: the structured ones ("a|b|c") are spelled out per code. */
function detailText(p: Problem, t: T, fieldName: (f: string) => string): string {
  const parts = (p.detail ?? "").split("|");
  switch (p.code) {
    case "design_too_short":
      return t("words", { count: Number(p.detail) });
    case "not_eligible":
      return t("problemDetail.not_eligible", { applied: parts[0], from: parts[1], to: parts[2] });
    case "too_many_years":
      return t("problemDetail.too_many_years", { years: parts[0], max: parts[1] });
    case "basic_services_unmet": {
      const missing = (parts[2] ?? "")
        .split(",")
        .filter(Boolean)
        .map((code) => AFFAIRS.find((a) => a.code === code)?.name ?? code);
      return t("problemDetail.basic_services_unmet", {
        covered: parts[0],
        required: parts[1],
        missing: missing.join(", "),
      });
    }
    case "profile_2026_missing":
      return t("profile2026Missing", { fields: parts[0].split(", ").map(fieldName).join(", ") });
    default:
      return p.detail ?? "";
  }
}

/** The pre-flight problems, grouped by kind, each with a link to the page that fixes it. */
export async function PreflightList({ problems }: { problems: Problem[] }) {
  const [t, tf] = await Promise.all([getTranslations("submissions"), getTranslations("catalogue.fields")]);
  const fieldName = (f: string) => tf(f as never);
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
                {p.detail && <span className="text-slate-600"> — {detailText(p, t, fieldName)}</span>}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
