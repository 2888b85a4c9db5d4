import { sql } from "drizzle-orm";
import { type Db, type Executor, rowsOf } from "@/db/client";

/**
 * Copies one region's rows to other regions inside the same database, for the regions benchmark:
 * `INSERT … SELECT` with region_code changed and every other column (ids, resident ordinals, NIK
 * hashes, batch ids) kept. Keys all begin with region_code, so the copy is a consistent region of
 * its own: the same residents (the HMAC key is the deployment's), innovations and batches under
 * another code. Much faster than importing the same file again per region.
 */

/** What a region's service records need, parents first. */
export const CATALOGUE = ["agencies", "innovations"] as const;
export const RECORDS = [
  "import_batches",
  "residents",
  "service_records",
  "service_facts",
  "service_cells",
  "service_fact_packs",
] as const;

async function copyTable(tx: Executor, table: string, from: string, to: string) {
  const columns = rowsOf<{ name: string; identity: boolean }>(
    await tx.execute(sql`
      select attname::text as name, attidentity <> '' as identity from pg_attribute
      where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`),
  );
  const list = columns.map((c) => `"${c.name}"`).join(", ");
  const select = columns.map((c) => (c.name === "region_code" ? `'${to}'` : `"${c.name}"`)).join(", ");
  const overriding = columns.some((c) => c.identity) ? "overriding system value" : "";
  await tx.execute(
    sql.raw(
      `insert into ${table} (${list}) ${overriding} select ${select} from ${table} where region_code = '${from}'`,
    ),
  );
}

/**
 * The tables' rows of region `from` copied under region `to`, in one transaction. The copy is
 * consistent by construction, so it skips the triggers (foreign-key checks included) as a restore
 * does (`session_replication_role = replica`).
 */
export async function copyRegion(db: Db, tables: readonly string[], from: string, to: string) {
  if (![from, to].every((c) => /^\d{2}\.\d{2}$/.test(c))) throw new Error("region codes: NN.NN");
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const table of tables) await copyTable(tx, table, from, to);
  });
}

/**
 * Region `from`'s kecamatan and desa again under region `to` (those `to` lacks), so a file of
 * `from`'s desa codes rewritten to `to` passes the import's desa check there. Reference data of the
 * benchmark database only.
 */
export async function copyPlaces(db: Db, from: string, to: string) {
  await db.execute(sql`
    insert into regions (code, nik_prefix, level, name, parent_code)
    select ${to} || substr(code, 6), replace(${to} || substr(code, 6), '.', ''), level, name,
           ${to} || substr(parent_code, 6)
    from regions where code like ${`${from}.%`} and level in ('kecamatan', 'desa')
    order by length(code)
    on conflict (code) do nothing`);
}
