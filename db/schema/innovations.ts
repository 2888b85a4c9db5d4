import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  Classification,
  InitiatorType,
  InnovationForm,
  InnovationType,
  PriorityCluster,
  Stage,
} from "./innovation-vocabulary";
import { agencies } from "./agencies";

/** A regional innovation with the profile the IGA asks for. */
export const innovations = pgTable(
  "innovations",
  {
    id: uuid("id").notNull().defaultRandom(),
    regionCode: text("region_code").notNull(),
    agencyId: uuid("agency_id").notNull(),
    name: text("name").notNull(),
    summary: text("summary"),
    stage: text("stage").$type<Stage>().notNull(),
    initiatorType: text("initiator_type").$type<InitiatorType>(),
    initiatorName: text("initiator_name"),
    innovationType: text("innovation_type").$type<InnovationType>(),
    form: text("form").$type<InnovationForm>(),
    theme: text("theme"),
    mainAffair: text("main_affair"),
    otherAffairs: text("other_affairs").array().notNull().default([]),
    trialDate: date("trial_date"),
    implementationDate: date("implementation_date"),
    design: text("design"), // rancang bangun, ≥ 300 words for submission
    goals: text("goals"),
    benefits: text("benefits"),
    results: text("results"),
    yearApplied: integer("year_applied").notNull(),
    // The 2026 profile (nullable: earlier years do not ask for it; lib/submissions/preflight-rules.ts).
    classification: text("classification").$type<Classification>(),
    /** Where the innovation is applied, WGS84 degrees (6 decimals ≈ 0.1 m). */
    latitude: numeric("latitude", { precision: 9, scale: 6, mode: "number" }),
    longitude: numeric("longitude", { precision: 9, scale: 6, mode: "number" }),
    /** Asta Cita mission 1–8 (lib/reference/asta-cita.ts). */
    astaCita: integer("asta_cita"),
    priorityCluster: text("priority_cluster").$type<PriorityCluster>(),
    latestDevelopmentDate: date("latest_development_date"),
    /**
     * What the `nilai` of this innovation's service records means: "IDR" for rupiah (KUR credit),
     * another word for a count unit ("dokumen"), null for a plain number.
     */
    amountUnit: text("amount_unit"),
    isSample: boolean("is_sample").notNull().default(false),
    /** Shown in the public gallery (set by admin or Bappeda); `slug` is its address there. */
    isPublic: boolean("is_public").notNull().default(false),
    slug: text("slug"),
    // Percent of the submission fields filled (lib/innovations/schemas.ts), kept on write so the
    // catalogue can filter and sort by it in the database.
    completeness: integer("completeness").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
    updatedBy: uuid("updated_by"),
  },
  (t) => [
    primaryKey({ name: "innovations_pk", columns: [t.regionCode, t.id] }),
    foreignKey({
      name: "innovations_agency_fk",
      columns: [t.regionCode, t.agencyId],
      foreignColumns: [agencies.regionCode, agencies.id],
    }),
    index("innovations_region_agency_idx").on(t.regionCode, t.agencyId),
    index("innovations_region_year_idx").on(t.regionCode, t.yearApplied),
    index("innovations_stage_idx").on(t.stage),
    index("innovations_region_name_idx").on(t.regionCode, t.name),
    // The catalogue list (lib/innovations/list-query.ts) over live rows: its default order (real
    // before sample, then by name) and its name and "recently updated" sorts read a page straight
    // from an index instead of sorting the whole catalogue; the count is an index-only scan.
    index("innovations_list_default_idx")
      .on(t.regionCode, t.isSample, sql`lower(${t.name})`, t.id)
      .where(sql`${t.archivedAt} is null`),
    index("innovations_list_name_idx")
      .on(t.regionCode, sql`lower(${t.name})`, t.id)
      .where(sql`${t.archivedAt} is null`),
    index("innovations_list_updated_idx")
      .on(t.regionCode, t.updatedAt, t.id)
      .where(sql`${t.archivedAt} is null`),
    uniqueIndex("innovations_slug_uq").on(t.regionCode, t.slug),
  ],
);
