import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ruleTerm } from "@/lib/iga/glossary";
import { pathYear } from "@/app/api/v1/iga/request";
import { Meter } from "@/components/iga/meter";
import { TodoList } from "@/components/iga/todo-list";
import { YearNav } from "@/components/iga/year-nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/context";
import { orNotFound, pageContext } from "@/lib/auth/request-context";
import { listFrameworks } from "@/lib/iga/frameworks";
import { regionScoreWithAccepted, scoreResponse } from "@/lib/iga/region-score";
import { affairGains } from "@/lib/iga/gate-gains";
import { submissionCounts } from "@/lib/iga/submission-view";
import { todoItems } from "@/lib/iga/todo";
import { SubmissionSummary } from "@/components/iga/submission-summary";
import { AffairTodo } from "@/components/iga/affair-todo";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }) {
  return { title: (await getTranslations("ux.titles"))("igaYear", { year: (await params).year }) };
}

const TODO_SHOWN = 25;
const INNOVATIONS_SHOWN = 20;

/** The year's estimated index, its components, the innovations by score and the to-do list. */
export default async function IgaYearPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: Promise<{ todo?: string; innovations?: string }>;
}) {
  const ctx = await pageContext("iga.read");
  const [{ year: raw }, query, t, tYears, format, tSubmissions, tWhatIf, tTrends] = await Promise.all([
    params,
    searchParams,
    getTranslations("iga"),
    getTranslations("igaYears"),
    getFormatter(),
    getTranslations("submissions"),
    getTranslations("whatIf"),
    getTranslations("trends"),
  ]);
  const year = await orNotFound(() => pathYear({ year: raw }));
  const [score, frameworks] = await Promise.all([
    orNotFound(() => regionScoreWithAccepted({ ctx, year })),
    listFrameworks({ ctx }),
  ]);
  const [counts, locale] = await Promise.all([submissionCounts({ ctx, year }), getLocale()]);
  const { result, loaded } = score;
  // Leaders and evaluators read the biggest gaps; only those who can act get the "fix" links.
  const canFix = can(ctx, "iga.assess");
  const ownAgencyId = ctx.actor?.role === "agency" ? ctx.actor.agencyId : null;
  const todo = todoItems(score, query.todo === "all" ? 500 : canFix ? TODO_SHOWN : 10, { ownAgencyId });
  const affairs = affairGains(loaded.ruleSet, score.input);
  const ranked = scoreResponse(result).perInnovation;
  const shownInnovations = query.innovations === "all" ? ranked : ranked.slice(0, INNOVATIONS_SHOWN);
  const n = (x: number) => format.number(x, { maximumFractionDigits: 2 });
  const ofMax = (value: number, max: number) => t("ofMax", { value: n(value), max: n(max) });
  const active = loaded.framework.status === "active";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title", { year })}</h1>
          <p className="text-slate-700">{loaded.framework.name}</p>
        </div>
        <YearNav
          label={t("otherYears")}
          years={frameworks.map((f) => ({
            year: f.year,
            suffix: f.status === "draft" ? ` (${t("draft")})` : undefined,
          }))}
          current={year}
          href={(y) => `/iga/${y}`}
        >
          <Link
            className="rounded px-2 py-1 text-brand-700 underline"
            href={`/iga/frameworks/${year}`}
            data-testid="rules-link"
          >
            {tYears("rulesLink", { year })}
          </Link>
          <Link
            className="rounded px-2 py-1 text-brand-700 underline"
            href={`/iga/${year}/what-if`}
            data-testid="what-if-link"
          >
            {tWhatIf("link")}
          </Link>
          <Link className="rounded px-2 py-1 text-brand-700 underline" href="/trends" data-testid="trends-link">
            {tTrends("fromIga")}
          </Link>
          {can(ctx, "iga.review") && (
            <Link
              className="rounded px-2 py-1 text-brand-700 underline"
              href={`/iga/${year}/review`}
              data-testid="queue-link"
            >
              {tYears("queue.link")}
            </Link>
          )}
          {can(ctx, "iga.framework.manage") && (
            <Link className="rounded px-2 py-1 text-brand-700 underline" href="/iga/frameworks">
              {t("frameworksLink")}
            </Link>
          )}
        </YearNav>
      </div>
      {!active && <Alert tone="warning">{t("draftNote")}</Alert>}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <p className="text-sm text-slate-700">{tYears("readyEstimate")}</p>
          <p className="text-5xl font-bold tabular-nums text-slate-900" data-testid="iga-index">
            {format.number(result.index, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
          </p>
          <p className="mt-2">
            <span className="text-sm text-slate-700">{t("category")}: </span>
            <Badge tone={result.index >= 35 ? "success" : "warning"} data-testid="iga-category">
              {ruleTerm(result.category, locale)}
            </Badge>
          </p>
          <p className="mt-2 text-sm text-slate-700">{t("innovationsCounted", { n: result.innovations, year })}</p>
          <SubmissionSummary result={score.submitted} counts={counts} />
          <p className="mt-2 text-sm text-slate-700" data-testid="iga-accepted-only">
            {t("acceptedOnly", {
              index: format.number(score.accepted.index, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
              category: score.accepted.category,
            })}
          </p>
          <p className="mt-2 text-xs text-slate-600">{t("estimateNote")}</p>
        </Card>
        <Card className="space-y-4 lg:col-span-2">
          <CardTitle>{t("components")}</CardTitle>
          <Meter
            testId="meter-spd"
            label={t("spd")}
            value={result.spd}
            max={result.spdMax}
            text={ofMax(result.spd, result.spdMax)}
          />
          <Meter
            testId="meter-sid"
            label={t("sid")}
            value={result.sid}
            max={result.sidMax}
            text={ofMax(result.sid, result.sidMax)}
          />
          <Meter
            testId="meter-count"
            label={t("count")}
            value={result.innovationCountScore}
            max={result.innovationCountMax}
            text={ofMax(result.innovationCountScore, result.innovationCountMax)}
          />
          <p className="text-sm text-slate-700" data-testid="iga-divisor">
            {tYears("divisor", {
              floor: loaded.ruleSet.formula.divisorFloor,
              n: result.innovations,
              divisor: result.divisor,
            })}
          </p>
          <Link className="inline-block text-sm text-brand-700 underline" href={`/iga/${year}/region`}>
            {t("regionLink")}
          </Link>{" "}
          <Link className="inline-block text-sm text-brand-700 underline" href={`/iga/${year}/submissions`}>
            {tSubmissions("navLink")}
          </Link>
        </Card>
      </div>

      <section aria-labelledby="todo-title" className="space-y-3">
        <h2 id="todo-title" className="text-xl font-semibold">
          {t("todo.title")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t("todo.intro")}</p>
        <AffairTodo gains={affairs} result={result} />
        <TodoList items={todo.items} canFix={canFix} />
        {todo.total > todo.items.length && (
          <p className="text-sm text-slate-700">
            {t("todo.showing", { shown: todo.items.length, total: todo.total })}{" "}
            <Link className="text-brand-700 underline" href={`/iga/${year}?todo=all`}>
              {t("todo.showAll")}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="ranked-title" className="space-y-3">
        <h2 id="ranked-title" className="text-xl font-semibold">
          {t("ranked")}
        </h2>
        {ranked.length === 0 ? (
          <p className="text-slate-700">{t("noInnovations")}</p>
        ) : (
          <Table data-testid="ranked-innovations">
            <thead>
              <tr>
                <Th className="w-12">{t("rank")}</Th>
                <Th>{t("innovation")}</Th>
                <Th className="w-32 sm:w-48">{t("score")}</Th>
              </tr>
            </thead>
            <tbody>
              {shownInnovations.map((p, i) => (
                <tr key={p.id}>
                  <Td className="tabular-nums">{i + 1}</Td>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/innovations/${p.id}?tab=indicators`}>
                      {p.name}
                    </Link>
                  </Td>
                  <Td>
                    <Meter label={p.name} value={p.score} max={p.max} text={ofMax(p.score, p.max)} hideLabel />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {shownInnovations.length < ranked.length && (
          <Link className="text-sm text-brand-700 underline" href={`/iga/${year}?innovations=all`}>
            {t("showAllInnovations", { n: ranked.length })}
          </Link>
        )}
      </section>
    </div>
  );
}
