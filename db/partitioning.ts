import { sql } from "drizzle-orm";
import { ident, literal, rows } from "./catalog-sql";
import type { Executor } from "./client";
import { DEPLOYMENT_REGION } from "./schema/audit-log";
import { addPartitionKeys } from "./foreign-partitions";
import { liftDefaultKeys, localiseForeignKeys } from "./partition-foreign-keys";
import { BIG_TABLES, partitionName } from "./table-classes";

export { partitionName };

/*
 * DB_PARTITIONING=region on a PostgreSQL server: the big regional tables become
 * `PARTITION BY LIST (region_code)` with one partition per region added (`region add`) and a
 * default partition for rows of regions not added yet. Drizzle's migrations create plain tables;
 * this step runs after them at every start and converts a table once (a partitioned twin, the rows
 * moved, names swapped, keys, indexes, triggers and the foreign keys pointing at it recreated under
 * their old names). PGlite keeps plain tables. See docs/scaling.md.
 */

async function relkind(db: Executor, table: string): Promise<string | null> {
  const [row] = await rows<{ kind: string }>(
    db,
    sql`select c.relkind::text as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relname = ${table}`,
  );
  return row?.kind ?? null;
}

export async function isPartitioned(db: Executor, table: string): Promise<boolean> {
  return (await relkind(db, table)) === "p";
}

/** What a table's definition holds besides its columns, as SQL that recreates it on the new table. */
async function dependents(db: Executor, table: string) {
  const own = await rows<{ name: string; def: string; type: string }>(
    db,
    sql`select conname as name, pg_get_constraintdef(oid) as def, contype::text as type from pg_constraint
        where conrelid = ${`public.${table}`}::regclass and contype in ('p', 'u', 'f', 'x') and conparentid = 0
        order by case contype when 'p' then 0 when 'u' then 1 else 2 end, conname`,
  );
  const pointing = await rows<{ name: string; owner: string; def: string }>(
    db,
    sql`select conname as name, conrelid::regclass::text as owner, pg_get_constraintdef(oid) as def from pg_constraint
        where confrelid = ${`public.${table}`}::regclass and conrelid <> confrelid and contype = 'f' and conparentid = 0`,
  );
  const indexes = await rows<{ def: string }>(
    db,
    sql`select pg_get_indexdef(i.indexrelid) as def from pg_index i
        where i.indrelid = ${`public.${table}`}::regclass
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)`,
  );
  const triggers = await rows<{ def: string; statement: boolean }>(
    db,
    sql`select pg_get_triggerdef(t.oid) as def, (t.tgtype & 1) = 0 as statement from pg_trigger t
        where t.tgrelid = ${`public.${table}`}::regclass and not t.tgisinternal`,
  );
  const identities = await rows<{ column: string; type: string }>(
    db,
    sql`select a.attname::text as column, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
        where a.attrelid = ${`public.${table}`}::regclass and a.attnum > 0 and not a.attisdropped and a.attidentity <> ''`,
  );
  return { own, pointing, indexes, triggers, identities };
}

/**
 * Creates the partition of one region unless it exists. Rows of that region already in the default
 * partition move into it; the foreign keys pointing at the table are dropped for the move and
 * added again (checked again), since a row moving between partitions is a delete and an insert.
 */
async function addPartition(db: Executor, table: string, regionCode: string): Promise<boolean> {
  const name = partitionName(table, regionCode);
  if (await relkind(db, name)) return false;
  const fallback = `${table}_default`;
  const [waiting] = await rows(
    db,
    sql.raw(`select 1 from ${ident(fallback)} where region_code = ${literal(regionCode)} limit 1`),
  );
  if (!waiting) {
    await db.execute(
      sql.raw(`create table ${ident(name)} partition of ${ident(table)} for values in (${literal(regionCode)})`),
    );
  } else {
    const { pointing } = await dependents(db, table);
    for (const fk of pointing) await db.execute(sql.raw(`alter table ${fk.owner} drop constraint ${ident(fk.name)}`));
    await db.execute(
      sql.raw(`create table ${ident(name)} (like ${ident(table)} including defaults including constraints)`),
    );
    // The default partition's row triggers (the audit log's append-only one) are off for this move alone.
    await db.execute(sql.raw(`alter table ${ident(fallback)} disable trigger user`));
    await db.execute(
      sql.raw(
        `with moved as (delete from ${ident(fallback)} where region_code = ${literal(regionCode)} returning *)
         insert into ${ident(name)} select * from moved`,
      ),
    );
    await db.execute(sql.raw(`alter table ${ident(fallback)} enable trigger user`));
    await db.execute(
      sql.raw(`alter table ${ident(table)} attach partition ${ident(name)} for values in (${literal(regionCode)})`),
    );
    for (const fk of pointing)
      await db.execute(sql.raw(`alter table ${fk.owner} add constraint ${ident(fk.name)} ${fk.def}`));
  }
  await copyStatementTriggers(db, table, name);
  await addPartitionKeys(db, table, name);
  return true;
}

/** TRUNCATE triggers of the parent do not fire for a partition truncated by name: each partition gets them too. */
async function copyStatementTriggers(db: Executor, table: string, partition: string) {
  const { triggers } = await dependents(db, table);
  for (const t of triggers.filter((t) => t.statement)) {
    const def = t.def.replace(` ON public.${table} `, ` ON public.${partition} `);
    const trigger = /^CREATE (?:CONSTRAINT )?TRIGGER (\S+)/.exec(def)?.[1];
    const [exists] = await rows(
      db,
      sql`select 1 from pg_trigger where tgrelid = ${`public.${partition}`}::regclass and tgname = ${trigger}`,
    );
    if (!exists) await db.execute(sql.raw(def));
  }
}

/** Turns one plain table into a partitioned one with the same name, rows, keys, indexes and triggers. */
async function convert(db: Executor, table: string, regionCodes: string[]) {
  const twin = `${table}__partitioned`;
  const d = await dependents(db, table);
  await db.execute(sql.raw(`lock table ${ident(table)} in access exclusive mode`));
  // Identity columns on partitioned tables need PostgreSQL 17: a sequence default takes their place.
  await db.execute(
    sql.raw(
      `create table ${ident(twin)} (like ${ident(table)} including defaults including constraints including storage including comments)
       partition by list (region_code)`,
    ),
  );
  for (const { column, type } of d.identities) {
    const seq = `${table}_${column}_part_seq`;
    await db.execute(sql.raw(`create sequence ${ident(seq)} as ${type} owned by ${ident(twin)}.${ident(column)}`));
    await db.execute(sql.raw(`alter table ${ident(twin)} alter column ${ident(column)} set default nextval('${seq}')`));
    await db.execute(
      sql.raw(`select setval('${seq}', coalesce((select max(${ident(column)}) from ${ident(table)}), 0) + 1, false)`),
    );
  }
  await db.execute(sql.raw(`create table ${ident(`${table}_default`)} partition of ${ident(twin)} default`));
  const present = await rows<{ code: string }>(db, sql.raw(`select distinct region_code as code from ${ident(table)}`));
  const partitions = [...new Set([...regionCodes, ...present.map((r) => r.code)])].map((code) => {
    const name = partitionName(table, code);
    return { name, create: `create table ${ident(name)} partition of ${ident(twin)} for values in (${literal(code)})` };
  });
  for (const p of partitions) await db.execute(sql.raw(p.create));
  await db.execute(sql.raw(`insert into ${ident(twin)} select * from ${ident(table)}`));
  for (const fk of d.pointing) await db.execute(sql.raw(`alter table ${fk.owner} drop constraint ${ident(fk.name)}`));
  await db.execute(sql.raw(`drop table ${ident(table)}`));
  await db.execute(sql.raw(`alter table ${ident(twin)} rename to ${ident(table)}`));
  for (const c of d.own)
    await db.execute(sql.raw(`alter table ${ident(table)} add constraint ${ident(c.name)} ${c.def}`));
  for (const i of d.indexes) await db.execute(sql.raw(i.def));
  for (const t of d.triggers) await db.execute(sql.raw(t.def));
  for (const fk of d.pointing)
    await db.execute(sql.raw(`alter table ${fk.owner} add constraint ${ident(fk.name)} ${fk.def}`));
  for (const name of [`${table}_default`, ...partitions.map((p) => p.name)])
    await copyStatementTriggers(db, table, name);
}

/** The regions holding rows in any of these tables (the deployment's own audit rows aside). */
async function regionsHolding(db: Executor, tables: readonly string[]): Promise<string[]> {
  if (!tables.length) return [];
  const union = tables.map((t) => `select region_code from ${ident(t)}`).join(" union ");
  const found = await rows<{ code: string }>(db, sql.raw(`select region_code as code from (${union}) r`));
  return found.map((r) => r.code).filter((code) => code !== DEPLOYMENT_REGION);
}

/** The regions whose partitions a table gets: the audit log's deployment rows have one too. */
const codesFor = (table: string, codes: string[]) => (table === "audit_log" ? [...codes, DEPLOYMENT_REGION] : codes);

/**
 * Gives every big table a partition for each region (those missing). Every table gets the same
 * regions, so a region's records and its residents sit in partitions of that region, which the
 * foreign key between them needs (db/partition-foreign-keys.ts). Rows waiting in the default
 * partitions move; the keys between the defaults are lifted for the move.
 */
async function addPartitions(db: Executor, codes: string[]): Promise<string[]> {
  const missing: { table: string; code: string }[] = [];
  for (const table of BIG_TABLES)
    for (const code of codesFor(table, codes))
      if (!(await relkind(db, partitionName(table, code)))) missing.push({ table, code });
  if (!missing.length) return [];
  const restore = await liftDefaultKeys(db);
  for (const { table, code } of missing) await addPartition(db, table, code);
  await restore();
  // The keys taken from the default partition, lifted during the move, now that it has them again.
  for (const { table, code } of missing) await addPartitionKeys(db, table, partitionName(table, code));
  return missing.map(({ table, code }) => partitionName(table, code));
}

/**
 * Makes the big tables partitioned by region (converting plain ones once; each region holding rows
 * gets its partitions) and gives each named region its partitions. Idempotent.
 */
export async function partitionByRegion(db: Executor, regionCodes: string[]): Promise<{ converted: string[] }> {
  const converted: string[] = [];
  const plain: string[] = [];
  for (const table of BIG_TABLES) if (!(await isPartitioned(db, table))) plain.push(table);
  const codes = [...new Set([...regionCodes, ...(await regionsHolding(db, plain))])];
  for (const table of plain) {
    await db.transaction(async (tx) => {
      // Two processes starting at once: the second waits here, then finds the table converted.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('inovasi.partition_by_region'))`);
      if (await isPartitioned(tx, table)) return;
      await convert(tx, table, codesFor(table, codes));
      converted.push(table);
    });
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('inovasi.partition_by_region'))`);
    await localiseForeignKeys(tx);
    await addPartitions(tx, codes);
  });
  return { converted };
}

/** A region's partitions in every big table (those not there yet); none when the tables are plain. */
export async function addRegionPartitions(db: Executor, regionCode: string): Promise<string[]> {
  if (!(await isPartitioned(db, BIG_TABLES[0]))) return [];
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('inovasi.partition_by_region'))`);
  return addPartitions(db, [regionCode]);
}
