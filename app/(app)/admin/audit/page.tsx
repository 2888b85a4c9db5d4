import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { AuditChanges } from "@/components/audit/audit-changes";
import { Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { listAudit } from "@/lib/audit/list-audit";
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionKey, isKnownAction, isKnownEntity } from "@/lib/audit/vocabulary";
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
    listAudit({
      ctx,
      input: { entity: params.entity || undefined, action: params.action || undefined, page: params.page },
    }),
    getTranslations(),
    getFormatter(),
  ]);
  const actionName = (action: string) =>
    isKnownAction(action) ? t(`ux.auditLog.action.${auditActionKey(action)}`) : action;
  const entityName = (entity: string) => (isKnownEntity(entity) ? t(`ux.auditLog.entity.${entity}`) : entity);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("nav.audit")}</h1>
      <p className="max-w-3xl text-slate-700">{t("audit.intro")}</p>
      <form className="flex flex-wrap items-end gap-3" role="search">
        <Field id="audit-entity" label={t("audit.entity")}>
          <Select id="audit-entity" name="entity" defaultValue={params.entity ?? ""}>
            <option value="">{t("ux.auditLog.allEntities")}</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {entityName(e)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="audit-action" label={t("audit.action")}>
          <Select id="audit-action" name="action" defaultValue={params.action ?? ""}>
            <option value="">{t("ux.auditLog.allActions")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </Select>
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
              <Td className="whitespace-nowrap">
                {format.dateTime(row.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}
              </Td>
              <Td>{row.actorEmail ?? t(`audit.actorKind.${row.actorKind}`)}</Td>
              <Td className="text-sm" title={row.action}>
                {actionName(row.action)}
              </Td>
              <Td className="text-xs">
                {entityName(row.entity)}
                {row.entityId && <span className="block font-mono text-slate-600">{row.entityId.slice(0, 8)}</span>}
              </Td>
              <Td className="min-w-48">
                <AuditChanges
                  changedFields={row.changedFields}
                  before={row.before as Record<string, unknown> | null}
                  after={row.after as Record<string, unknown> | null}
                />
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
        labels={{
          previous: t("common.previous"),
          next: t("common.next"),
          status: t("common.pageOf", { page: result.page, pages }),
        }}
      />
    </div>
  );
}
