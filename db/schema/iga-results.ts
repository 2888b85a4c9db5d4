import { integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The regency's published IGA results, one row per year, each with its source (a decree number or
 * a URL): these numbers go into speeches. Empty fields are unknown, never guessed.
 */
export const igaResults = pgTable(
  "iga_results",
  {
    regionCode: text("region_code").notNull(),
    year: smallint("year").notNull(),
    nationalRank: integer("national_rank"),
    provinceRank: integer("province_rank"),
    index: numeric("index", { precision: 6, scale: 2, mode: "number" }),
    category: text("category"),
    innovationsReported: integer("innovations_reported"),
    award: text("award"),
    source: text("source"),
    /** Optimistic concurrency, as for innovations: a write names the version it read. */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [primaryKey({ name: "iga_results_pk", columns: [t.regionCode, t.year] })],
);
