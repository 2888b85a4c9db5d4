import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { listAudit } from "@/lib/audit/list-audit";
import { pageContext } from "@/lib/auth/request-context";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("audit") };
}

type Search = { entity?: string; action?: string; page?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await pageContext("audit.read");
  const params = await searchParams;
  const [result, t, format] = await Promise.all([
    listAudit({ ctx, input: { entity: params.entity || undefined, action: params.action || undefined, page: params.page } }),
    getTranslations(),
    getFormatter(),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("nav.audit")}</h1>
      <p className="max-w-3xl text-slate-700">{t("audit.intro")}</p>
      <form className="flex flex-wrap items-end gap-3" role="search">
        <Field id="audit-entity" label={t("audit.entity")}>
          <Input id="audit-entity" name="entity" defaultValue={params.entity} placeholder="user, api_token, innovation" />
        </Field>
        <Field id="audit-action" label={t("audit.action")}>
          <Input id="audit-action" name="action" defaultValue={params.action} placeholder="user.login" />
        </Field>
        <Button type="submit" variant="secondary">
          {t("common.filter")}
        </Button>
      </form>
      <Table>
        <caption className="sr-only">{t("nav.audit")}</caption>
        <thead>
          <tr>
            <Th>{t("audit.time")}</Th>
            <Th>{t("audit.actor")}</Th>
            <Th>{t("audit.action")}</Th>
            <Th>{t("audit.entity")}</Th>
            <Th>{t("audit.changes")}</Th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((row) => (
            <tr key={row.id}>
              <Td className="whitespace-nowrap">{format.dateTime(row.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}</Td>
              <Td>{row.actorEmail ?? t(`audit.actorKind.${row.actorKind}`)}</Td>
              <Td className="font-mono text-xs">{row.action}</Td>
              <Td className="text-xs">
                {row.entity}
                {row.entityId && <span className="block font-mono text-slate-600">{row.entityId.slice(0, 8)}</span>}
              </Td>
              <Td>
                {row.changedFields.length > 0 && <p className="text-xs">{row.changedFields.join(", ")}</p>}
                {(row.before || row.after) && (
                  <details className="text-xs">
                    <summary className="cursor-pointer text-brand-700">{t("audit.details")}</summary>
                    <div className="mt-2 grid gap-2 md:grid-cols-2">
                      <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2">{JSON.stringify(row.before, null, 1)}</pre>
                      <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2">{JSON.stringify(row.after, null, 1)}</pre>
                    </div>
                  </details>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        params={{ entity: params.entity, action: params.action }}
        labels={{ previous: t("common.previous"), next: t("common.next"), status: t("common.pageOf", { page: result.page, pages }) }}
      />
    </div>
  );
}
