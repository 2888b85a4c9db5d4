import { index, pgTable, text } from "drizzle-orm/pg-core";

export type RegionLevel = "provinsi" | "kabupaten_kota" | "kecamatan" | "desa";

/** Kemendagri area codes (the Satu Data reference codes): every kecamatan of Indonesia and Mesuji's desa. */
export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(), // dotted, e.g. 18.11.01
    nikPrefix: text("nik_prefix").notNull(), // digits only, e.g. 181101
    level: text("level").$type<RegionLevel>().notNull(),
    name: text("name").notNull(),
    parentCode: text("parent_code"),
  },
  (t) => [index("regions_parent_idx").on(t.parentCode), index("regions_nik_prefix_idx").on(t.nikPrefix)],
);
