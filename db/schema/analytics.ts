import { date, foreignKey, integer, numeric, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { importBatches } from "./beneficiaries";
import { innovations } from "./innovations";

/*
 * Compact facts derived from service records, for the leaders' dashboard (lib/analytics). Written
 * and removed per import batch in the same transaction as the batch's records
 * (`applyBatchFacts`), so they are never out of step with the records. Small integers only: no
 * NIK, no name; residents appear as their ordinal.
 *
 * Places are the desa of the service record (`kode_desa`), split into the kecamatan and desa
 * numbers of the Kemendagri code (18.11.04.2001 → kecamatan 4, desa 2001); a record without a
 * desa has 0 and 0.
 */

/**
 * One resident × batch (so one innovation) × year × desa of service: when, how often, how much.
 * No foreign keys: the rows are derived and written in bulk inside the import (a per-row key check
 * would cost about two seconds per million records); `applyBatchFacts` removes them with their batch.
 */
export const serviceFacts = pgTable(
  "service_facts",
  {
    regionCode: text("region_code").notNull(),
    batchId: uuid("batch_id").notNull(),
    residentOrdinal: integer("resident_ordinal").notNull(),
    year: smallint("year").notNull(),
    kecamatan: smallint("kecamatan").notNull(),
    desa: smallint("desa").notNull(),
    innovationId: uuid("innovation_id").notNull(),
    /** 1 = L, 2 = P (from the NIK). */
    sex: smallint("sex").notNull(),
    /** Index into AGE_BANDS, age at the last service of the row. */
    ageBand: smallint("age_band").notNull(),
    /** Bit m-1 set when the resident had a service in month m of the year. */
    months: integer("months").notNull(),
    firstDate: date("first_date").notNull(),
    lastDate: date("last_date").notNull(),
    records: integer("records").notNull(),
    amount: numeric("amount", { precision: 18, scale: 2, mode: "number" }),
  },
  (t) => [
    primaryKey({
      name: "service_facts_pk",
      columns: [t.regionCode, t.batchId, t.residentOrdinal, t.year, t.kecamatan, t.desa],
    }),
  ],
);

/**
 * A batch's facts packed for loading into memory (lib/analytics/segments.ts): 12 bytes per fact —
 * resident ordinal, place (kecamatan << 16 | desa) and the packed year, day, sex, age band and
 * months, each a big-endian 32-bit integer. Written with the facts, removed with them; one value
 * to read instead of a million rows, so the first dashboard after a large import loads at once.
 */
export const serviceFactPacks = pgTable(
  "service_fact_packs",
  {
    regionCode: text("region_code").notNull(),
    batchId: uuid("batch_id").notNull(),
    facts: integer("facts").notNull(),
    packed: bytea("packed").notNull(),
  },
  (t) => [primaryKey({ name: "service_fact_packs_pk", columns: [t.regionCode, t.batchId] })],
);

/** Records and amounts per batch × month × desa: summable, so any filter adds them up exactly. */
export const serviceCells = pgTable(
  "service_cells",
  {
    regionCode: text("region_code").notNull(),
    batchId: uuid("batch_id").notNull(),
    year: smallint("year").notNull(),
    month: smallint("month").notNull(),
    kecamatan: smallint("kecamatan").notNull(),
    desa: smallint("desa").notNull(),
    innovationId: uuid("innovation_id").notNull(),
    records: integer("records").notNull(),
    amount: numeric("amount", { precision: 18, scale: 2, mode: "number" }),
  },
  (t) => [
    primaryKey({ name: "service_cells_pk", columns: [t.regionCode, t.batchId, t.year, t.month, t.kecamatan, t.desa] }),
    foreignKey({
      name: "service_cells_batch_fk",
      columns: [t.regionCode, t.batchId],
      foreignColumns: [importBatches.regionCode, importBatches.id],
    }),
    foreignKey({
      name: "service_cells_innovation_fk",
      columns: [t.regionCode, t.innovationId],
      foreignColumns: [innovations.regionCode, innovations.id],
    }),
  ],
);

/** The regency's population per year, for "share of residents reached"; each figure names its source. */
export const regionPopulation = pgTable(
  "region_population",
  {
    regionCode: text("region_code").notNull(),
    year: smallint("year").notNull(),
    population: integer("population").notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ name: "region_population_pk", columns: [t.regionCode, t.year] })],
);
