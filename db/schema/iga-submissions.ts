import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { innovations } from "./innovations";

/**
 * Where one innovation stands in one year's IGA submission: draft → ready (siap kirim) →
 * submitted → verified, or returned by the evaluator with notes per field and submitted again.
 * Only submitted (or verified) innovations count toward n and SID; ready ones feed the "if you
 * submitted today" estimate. No row means draft.
 */
export type SubmissionStatus = "draft" | "ready" | "submitted" | "verified" | "returned";

export const igaSubmissions = pgTable(
  "iga_submissions",
  {
    regionCode: text("region_code").notNull(),
    year: integer("year").notNull(),
    innovationId: uuid("innovation_id").notNull(),
    status: text("status").$type<SubmissionStatus>().notNull().default("draft"),
    /** The evaluator's notes when returned: profile field or indicator code → what to fix. */
    returnNotes: jsonb("return_notes").$type<Record<string, string>>().notNull().default({}),
    isSample: boolean("is_sample").notNull().default(false),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [
    primaryKey({ name: "iga_submissions_pk", columns: [t.regionCode, t.year, t.innovationId] }),
    foreignKey({
      name: "iga_submissions_innovation_fk",
      columns: [t.regionCode, t.innovationId],
      foreignColumns: [innovations.regionCode, innovations.id],
    }).onDelete("cascade"),
    index("iga_submissions_status_idx").on(t.regionCode, t.year, t.status),
    index("iga_submissions_innovation_idx").on(t.innovationId),
  ],
);

/** Every change of a submission's status, oldest first: the history shown on the innovation. */
export const igaSubmissionEvents = pgTable(
  "iga_submission_events",
  {
    id: uuid("id").notNull().defaultRandom(),
    regionCode: text("region_code").notNull(),
    year: integer("year").notNull(),
    innovationId: uuid("innovation_id").notNull(),
    fromStatus: text("from_status").$type<SubmissionStatus>().notNull(),
    toStatus: text("to_status").$type<SubmissionStatus>().notNull(),
    notes: jsonb("notes").$type<Record<string, string>>().notNull().default({}),
    comment: text("comment"),
    actorId: uuid("actor_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "iga_submission_events_pk", columns: [t.regionCode, t.id] }),
    foreignKey({
      name: "iga_submission_events_submission_fk",
      columns: [t.regionCode, t.year, t.innovationId],
      foreignColumns: [igaSubmissions.regionCode, igaSubmissions.year, igaSubmissions.innovationId],
    }).onDelete("cascade"),
    index("iga_submission_events_subject_idx").on(t.regionCode, t.year, t.innovationId, t.at),
  ],
);
