import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type ActorKind = "user" | "token" | "system" | "cli";

/**
 * The region of audit rows no one region owns (the demo seed, rule sets, an import found
 * interrupted at start): not a Kemendagri code (those start at 11), so no region's log shows them.
 */
export const DEPLOYMENT_REGION = "00";

/**
 * Append-only (a trigger refuses UPDATE and DELETE) and without foreign keys, so that the trail
 * outlives whatever it describes. Written in the same transaction as the change it records.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    regionCode: text("region_code").notNull(),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    actorKind: text("actor_kind").$type<ActorKind>().notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    changedFields: text("changed_fields").array().notNull().default([]),
    requestId: text("request_id"),
  },
  (t) => [
    primaryKey({ name: "audit_log_pk", columns: [t.regionCode, t.id] }),
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_occurred_idx").on(t.occurredAt),
    index("audit_actor_idx").on(t.actorId),
  ],
);
