import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/request-context";
import { listInnovations } from "@/lib/innovations/list-innovations";
import { STAGES } from "@/lib/innovations/vocabulary";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("innovations") };
}

const PAGE_SIZE = 25;
type Search = { q?: string; stage?: string; page?: string };

export default async function InnovationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await pageContext("innovation.read");
  const params = await searchParams;
  const page = Math.max(1, Number(params.page) || 1);
  const stage = (STAGES as readonly string[]).includes(params.stage ?? "") ? (params.stage as (typeof STAGES)[number]) : undefined;
  const [result, t] = await Promise.all([
    listInnovations({ ctx, input: { q: params.q || undefined, stage, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } }),
    getTranslations(),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("nav.innovations")}</h1>
        <p className="text-sm text-slate-700" data-testid="innovation-total">
          {t("innovations.total", { count: result.total })}
        </p>
      </div>
      <form className="flex flex-wrap items-end gap-3" role="search">
        <Field id="q" label={t("innovations.search")}>
          <Input id="q" name="q" type="search" defaultValue={params.q} className="w-64" />
        </Field>
        <Field id="stage" label={t("innovations.stage")}>
          <Select id="stage" name="stage" defaultValue={stage ?? ""}>
            <option value="">{t("common.all")}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`vocab.stage.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          {t("common.filter")}
        </Button>
      </form>
      <Table>
        <caption className="sr-only">{t("nav.innovations")}</caption>
        <thead>
          <tr>
            <Th>{t("innovations.name")}</Th>
            <Th>{t("innovations.agency")}</Th>
            <Th>{t("innovations.stage")}</Th>
            <Th>{t("innovations.type")}</Th>
            <Th>{t("innovations.year")}</Th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((item) => (
            <tr key={item.id}>
              <Td>
                <span className="font-medium">{item.name}</span>
                {item.isSample && (
                  <Badge tone="warning" className="ml-2" title={t("innovations.sampleHint")}>
                    {t("innovations.sample")}
                  </Badge>
                )}
                {item.summary && <span className="block text-xs text-slate-600">{item.summary}</span>}
              </Td>
              <Td>{item.agencyName}</Td>
              <Td>{t(`vocab.stage.${item.stage}`)}</Td>
              <Td>{item.innovationType ? t(`vocab.innovationType.${item.innovationType}`) : "—"}</Td>
              <Td>{item.yearApplied}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={result.total}
        params={{ q: params.q, stage }}
        labels={{ previous: t("common.previous"), next: t("common.next"), status: t("common.pageOf", { page, pages }) }}
      />
    </div>
  );
}
