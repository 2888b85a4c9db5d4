import { index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A frozen IGA submission: the canonical JSON of everything sent (profiles, levels, evidence
 * hashes, region indicators, rule set, score) and its SHA-256. Insert-only: a trigger (migration
 * 0017) refuses UPDATE and DELETE, like the audit table's, so what was sent can always be proven.
 */
export const igaSnapshots = pgTable(
  "iga_snapshots",
  {
    id: uuid("id").notNull().defaultRandom(),
    regionCode: text("region_code").notNull(),
    year: integer("year").notNull(),
    sha256: text("sha256").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    index: numeric("index", { precision: 6, scale: 2, mode: "number" }).notNull(),
    category: text("category").notNull(),
    innovationCount: integer("innovation_count").notNull(),
    /** Agencies whose innovations are in it: agency staff see only these snapshots. */
    agencyIds: uuid("agency_ids").array().notNull().default([]),
    /** Pre-flight problems at freezing time, and the reason given to freeze anyway (null: none). */
    problemCount: integer("problem_count").notNull().default(0),
    overrideReason: text("override_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
    createdByName: text("created_by_name").notNull(),
  },
  (t) => [
    primaryKey({ name: "iga_snapshots_pk", columns: [t.regionCode, t.id] }),
    index("iga_snapshots_region_year_idx").on(t.regionCode, t.year, t.createdAt),
  ],
);

export type SnapshotRow = typeof igaSnapshots.$inferSelect;
