import { integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { regions } from "./regions";

/**
 * Published IGA ranks of other kabupaten/kota that a regency compares itself with, entered by its
 * admin or Bappeda, each with a source. One row per owning region × peer × year: two regencies of
 * one deployment keep their own comparisons. Nothing is seeded: peer figures are never invented.
 */
export const igaPeerResults = pgTable(
  "iga_peer_results",
  {
    /** The regency that keeps this comparison (the caller's region). */
    regionCode: text("region_code").notNull(),
    /** The compared kabupaten/kota, a Kemendagri code such as 18.05. */
    peerCode: text("peer_code")
      .notNull()
      .references(() => regions.code),
    year: smallint("year").notNull(),
    nationalRank: integer("national_rank"),
    provinceRank: integer("province_rank"),
    source: text("source").notNull(),
    /** Optimistic concurrency: a change or removal names the version it read. */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [primaryKey({ name: "iga_peer_results_pk", columns: [t.regionCode, t.peerCode, t.year] })],
);
