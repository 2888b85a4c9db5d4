import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Perangkat daerah (OPD): the agencies of one regency. */
export const agencies = pgTable(
  "agencies",
  {
    id: uuid("id").notNull().defaultRandom(),
    regionCode: text("region_code").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "agencies_pk", columns: [t.regionCode, t.id] }),
    uniqueIndex("agencies_region_code_uq").on(t.regionCode, t.code),
  ],
);
