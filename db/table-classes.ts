/**
 * Which tables belong to one region (sharded by region_code) and which are deployment-wide
 * (docs/scaling.md). tests/integration/region-keys.test.ts holds the catalogue to these lists: a
 * new table must be named in one of them.
 */

/** Every row belongs to one region: keys begin with region_code; Citus distributes them by it. */
export const REGIONAL_TABLES = [
  "agencies",
  "innovations",
  "import_batches",
  "residents",
  "service_records",
  "service_facts",
  "service_cells",
  "service_fact_packs",
  "region_population",
  "aggregate_cache",
  "iga_assessments",
  "iga_evidence",
  "iga_submissions",
  "iga_submission_events",
  "iga_results",
  "iga_snapshots",
  "iga_peer_results",
  "audit_log",
] as const;

/**
 * The regional tables that grow with residents and services (millions of rows per region): list
 * partitioned by region_code under DB_PARTITIONING=region (db/partitioning.ts).
 */
export const BIG_TABLES = ["residents", "service_records", "service_facts", "service_cells", "audit_log"] as const;

/**
 * Deployment-wide: reference data (area codes, rule sets, content-addressed files) and the
 * accounts, which sign-in finds by email or token hash before any region is known.
 */
export const GLOBAL_TABLES = [
  "regions",
  "iga_frameworks",
  "iga_indicators",
  "stored_files",
  "users",
  "api_tokens",
  "login_throttle",
  "idempotency_keys",
] as const;

export type RegionalTable = (typeof REGIONAL_TABLES)[number];

/** The partition of one region: service_records_r18_11; the region "00" (deployment rows) too. */
export function partitionName(table: string, regionCode: string): string {
  if (!/^\d{2}(\.\d{2})?$/.test(regionCode)) throw new Error(`not a region code: ${regionCode}`);
  return `${table}_r${regionCode.replace(".", "_")}`;
}
