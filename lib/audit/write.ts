import type { Executor } from "@/db/client";
import { auditLog, DEPLOYMENT_REGION } from "@/db/schema/audit-log";
import type { Actor } from "@/lib/auth/context";

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(["passwordHash", "tokenHash"]);

type Row = Record<string, unknown>;

function clean(row: Row | null | undefined): Row | null {
  if (!row) return null;
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (SECRET_FIELDS.has(key)) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

export function changedFields(before: Row | null, after: Row | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((k) => !["updatedAt", "updatedBy", "version"].includes(k))
    .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null))
    .sort();
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: Row | null;
  after?: Row | null;
}

/** Call inside the transaction that makes the change, so the two commit or fail together. */
export async function writeAudit(db: Executor, actor: Actor | null, entry: AuditEntry, requestId?: string) {
  const before = clean(entry.before);
  const after = clean(entry.after);
  await db.insert(auditLog).values({
    regionCode: actor?.regionCode ?? DEPLOYMENT_REGION,
    actorId: actor && (actor.kind === "user" || actor.kind === "token") ? actor.id : null,
    actorEmail: actor?.email ?? null,
    actorKind: actor?.kind ?? "system",
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before,
    after,
    changedFields: changedFields(before, after),
    requestId: requestId ?? null,
  });
}
