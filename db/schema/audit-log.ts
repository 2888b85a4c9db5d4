import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type ActorKind = "user" | "token" | "system" | "cli";

/**
 * Append-only (a trigger refuses UPDATE and DELETE) and without foreign keys, so that the trail
 * outlives whatever it describes. Written in the same transaction as the change it records.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    regionCode: text("region_code"),
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
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_occurred_idx").on(t.occurredAt),
    index("audit_actor_idx").on(t.actorId),
  ],
);
