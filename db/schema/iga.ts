import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { innovations } from "./innovations";

export type FrameworkStatus = "draft" | "active";
export type IndicatorScope = "region" | "innovation";
export type EvidenceKind = "file" | "link";
export type ReviewStatus = "pending" | "accepted" | "needs_work";

/**
 * One year's IID rule set (guideline). National, so no region_code: every regency of a deployment
 * scores against the same year's rules. Formula constants and categories are data (lib/iga/rule-set.ts).
 */
export const igaFrameworks = pgTable(
  "iga_frameworks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    name: text("name").notNull(),
    status: text("status").$type<FrameworkStatus>().notNull().default("draft"),
    formula: jsonb("formula").$type<Record<string, unknown>>().notNull(),
    categories: jsonb("categories").$type<{ name: string; min: number; max: number }[]>().notNull(),
    /** Where the year's parameters come from (title, URL or decree number, date). */
    sources: jsonb("sources").$type<{ title: string; reference: string; date: string }[]>().notNull().default([]),
    /** Parameter name → official or assumed, with a note: an assumption is never mistaken for the decree. */
    parameterStatus: jsonb("parameter_status")
      .$type<Record<string, { status: "official" | "assumed"; note: string }>>()
      .notNull()
      .default({}),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("iga_frameworks_year_uq").on(t.year)],
);

export const igaIndicators = pgTable(
  "iga_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => igaFrameworks.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    scope: text("scope").$type<IndicatorScope>().notNull(),
    name: text("name").notNull(),
    weight: numeric("weight", { precision: 6, scale: 3, mode: "number" }).notNull(),
    levels: jsonb("levels").$type<string[]>().notNull(),
    evidence: text("evidence").notNull(),
    mandatory: boolean("mandatory").notNull().default(false),
    /** Where a proposed level comes from ("beneficiaries": the register's count of residents served), if anywhere. */
    derivedFrom: text("derived_from").$type<"beneficiaries">(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("iga_indicators_code_uq").on(t.frameworkId, t.code)],
);

/**
 * The chosen level of one indicator for one subject: an innovation (per-innovation indicators) or
 * the region itself (subject_key = 'region'). A plain text key keeps one unique index for both.
 */
export const igaAssessments = pgTable(
  "iga_assessments",
  {
    id: uuid("id").notNull().defaultRandom(),
    regionCode: text("region_code").notNull(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => igaIndicators.id, { onDelete: "cascade" }),
    innovationId: uuid("innovation_id"),
    subjectKey: text("subject_key").notNull(),
    level: integer("level"),
    note: text("note"),
    isSample: boolean("is_sample").notNull().default(false),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [
    primaryKey({ name: "iga_assessments_pk", columns: [t.regionCode, t.id] }),
    foreignKey({
      name: "iga_assessments_innovation_fk",
      columns: [t.regionCode, t.innovationId],
      foreignColumns: [innovations.regionCode, innovations.id],
    }),
    uniqueIndex("iga_assessments_subject_uq").on(t.indicatorId, t.regionCode, t.subjectKey),
    index("iga_assessments_innovation_idx").on(t.innovationId),
  ],
);

/** Uploaded evidence bytes, stored once per SHA-256 (the default storage; see lib/iga/storage). */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sha256: text("sha256").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    storage: text("storage").notNull().default("db"),
    content: bytea("content"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("stored_files_sha256_uq").on(t.sha256)],
);

/** One piece of data dukung for an assessment: a file or a link, with the letter an evaluator expects. */
export const igaEvidence = pgTable(
  "iga_evidence",
  {
    id: uuid("id").notNull().defaultRandom(),
    regionCode: text("region_code").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    kind: text("kind").$type<EvidenceKind>().notNull(),
    fileId: uuid("file_id").references(() => storedFiles.id),
    fileName: text("file_name"),
    /**
     * Set when admin or Bappeda shows this photo in the public gallery: a re-encoded copy without
     * the camera's metadata (no GPS position, no device), stored like any file. Null: not public.
     */
    publicFileId: uuid("public_file_id").references(() => storedFiles.id),
    url: text("url"),
    letterNumber: text("letter_number"),
    letterDate: date("letter_date"),
    subject: text("subject"),
    isSample: boolean("is_sample").notNull().default(false),
    reviewStatus: text("review_status").$type<ReviewStatus>().notNull().default("pending"),
    reviewComment: text("review_comment"),
    reviewedBy: uuid("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
  },
  (t) => [
    primaryKey({ name: "iga_evidence_pk", columns: [t.regionCode, t.id] }),
    foreignKey({
      name: "iga_evidence_assessment_fk",
      columns: [t.regionCode, t.assessmentId],
      foreignColumns: [igaAssessments.regionCode, igaAssessments.id],
    }).onDelete("cascade"),
    index("iga_evidence_assessment_idx").on(t.assessmentId),
  ],
);
