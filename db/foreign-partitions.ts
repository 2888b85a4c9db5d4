import { sql } from "drizzle-orm";
import { ident, literal, rows, run } from "./catalog-sql";
import type { Executor } from "./client";
import { partitionName } from "./table-classes";

/*
 * A region's residents and service records on a PostgreSQL server of its own, as foreign partitions
 * (postgres_fdw) of the coordinator's partitioned tables: a simulation of a multi-node cluster with
 * what PostgreSQL itself offers (docs/scaling.md, "Several servers"). The coordinator keeps every
 * other table; PostgreSQL routes the import's rows to the region's server and pushes aggregates
 * grouped by region_code down to it (enable_partitionwise_aggregate).
 *
 * PostgreSQL refuses a foreign partition under a parent with a unique index or a foreign key, so
 * "federating" moves those keys from the parents to each partition: every local partition gets
 * them (named after the partition), and each region's server holds them on its own tables. Keys
 * that include region_code are as strict per partition as on the parent; the foreign keys between
 * the two tables hold within each server (a region's residents and records live together); the
 * foreign keys to the coordinator's tables (innovations, import batches) hold for local partitions
 * only.
 */

/** The tables whose partitions may live on another server, referenced before referencing. */
export const FEDERATED_TABLES = ["residents", "service_records"] as const;
type Federated = (typeof FEDERATED_TABLES)[number];

const template = (table: string) => `${table}_default`;
/** A key's name on another relation of the same table: service_records_pkey → service_records_r18_12_pkey. */
export const renamed = (name: string, table: string, relation: string) =>
  name.startsWith(table) ? relation + name.slice(table.length) : `${relation}_${name}`;

/** Keys (p, u, f) defined on a relation itself, in creation order: primary, unique, foreign. */
async function keysOf(db: Executor, relation: string) {
  return rows<{ name: string; def: string; type: string; target: string | null }>(
    db,
    sql`select conname as name, pg_get_constraintdef(oid) as def, contype::text as type,
          case when contype = 'f' then confrelid::regclass::text end as target
        from pg_constraint where conrelid = ${`public.${relation}`}::regclass and contype in ('p', 'u', 'f') and conparentid = 0
        order by case contype when 'p' then 0 when 'u' then 1 else 2 end, conname`,
  );
}

/** Unique indexes of a relation that no constraint owns, as name and CREATE statement. */
async function uniqueIndexesOf(db: Executor, relation: string) {
  return rows<{ name: string; def: string }>(
    db,
    sql`select c.relname::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class c on c.oid = i.indexrelid
        where i.indrelid = ${`public.${relation}`}::regclass and i.indisunique
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
  );
}

/** An index's CREATE statement for another relation of the same table, under that relation's name. */
function indexFor(index: { name: string; def: string }, table: string, relation: string) {
  return index.def.replace(/^CREATE (UNIQUE )?INDEX (\S+) ON (ONLY )?public\.(\S+) /, (_m, unique = "") => {
    return `CREATE ${unique}INDEX IF NOT EXISTS ${ident(renamed(index.name, table, relation))} ON public.${ident(relation)} `;
  });
}

/** True once the parents' keys have moved to the partitions. */
export async function isFederated(db: Executor): Promise<boolean> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from pg_constraint where conrelid = 'public.residents'::regclass and contype = 'p'`,
  );
  return row.n === 0;
}

const isFederatedTable = (table: string): table is Federated => (FEDERATED_TABLES as readonly string[]).includes(table);

/**
 * A key of `table`'s template (its default partition) rewritten for `partition`: its name, and a
 * foreign key to a federated table pointing at that table's partition of the same region.
 */
function keyFor(key: { name: string; def: string }, table: string, partition: string) {
  const suffix = partition.slice(table.length); // "_r18_12" or "_default"
  let def = key.def;
  for (const other of FEDERATED_TABLES)
    def = def.replace(new RegExp(`REFERENCES ${other}_default\\(`), `REFERENCES ${other}${suffix}(`);
  return { name: renamed(key.name, template(table), partition), def };
}

/**
 * Gives a new local partition the keys its template (the default partition) holds of its own: when
 * federated, every key its parent no longer holds; otherwise the foreign key to the same region's
 * residents (db/partition-foreign-keys.ts).
 */
export async function addPartitionKeys(db: Executor, table: string, partition: string) {
  if (!isFederatedTable(table)) return;
  const have = new Set((await keysOf(db, partition)).map((k) => k.name));
  for (const key of await keysOf(db, template(table))) {
    const k = keyFor(key, table, partition);
    if (!have.has(k.name)) await run(db, `alter table ${ident(partition)} add constraint ${ident(k.name)} ${k.def}`);
  }
  if (!(await isFederated(db))) return;
  for (const index of await uniqueIndexesOf(db, template(table)))
    await run(db, indexFor(index, template(table), partition));
}

async function partitionsOf(db: Executor, table: string) {
  return rows<{ name: string; kind: string }>(
    db,
    sql`select c.relname::text as name, c.relkind::text as kind from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = ${`public.${table}`}::regclass order by c.relname`,
  );
}

/**
 * The foreign keys partitioned mode keeps per partition (records → residents of the same region),
 * dropped here and returned as the parent's key they stand for: federating adds them back from it.
 */
async function localised(db: Executor, table: string) {
  const own = (await keysOf(db, template(table))).filter((k) => k.type === "f");
  for (const p of await partitionsOf(db, table))
    for (const key of await keysOf(db, p.name))
      if (key.type === "f") await run(db, `alter table ${ident(p.name)} drop constraint ${ident(key.name)}`);
  return own.map((k) => {
    const target = k.target!.replace(/_default$/, "");
    return {
      ...k,
      name: renamed(k.name, template(table), table),
      target,
      def: k.def.replace(`REFERENCES ${k.target}(`, `REFERENCES ${target}(`),
    };
  });
}

/**
 * Moves the keys of the federated tables from the parents to their partitions (once; idempotent):
 * the foreign keys first (service records → residents, innovations, batches), then the primary and
 * unique keys. Needs the tables partitioned (DB_PARTITIONING=region).
 */
export async function federate(db: Executor): Promise<boolean> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('inovasi.partition_by_region'))`);
  if (await isFederated(db)) return false;
  const keys = new Map<string, Awaited<ReturnType<typeof keysOf>>>();
  for (const table of FEDERATED_TABLES) keys.set(table, await keysOf(db, table));
  // The template gets the parent's keys and those partitioned mode kept per partition.
  const templateKeys = new Map<string, Awaited<ReturnType<typeof keysOf>>>();
  for (const table of FEDERATED_TABLES) templateKeys.set(table, [...keys.get(table)!, ...(await localised(db, table))]);
  for (const table of [...FEDERATED_TABLES].reverse())
    for (const key of keys.get(table)!.filter((k) => k.type === "f"))
      await run(db, `alter table ${ident(table)} drop constraint ${ident(key.name)}`);
  const unique = new Map<string, Awaited<ReturnType<typeof uniqueIndexesOf>>>();
  for (const table of [...FEDERATED_TABLES].reverse()) {
    for (const key of keys.get(table)!.filter((k) => k.type !== "f"))
      await run(db, `alter table ${ident(table)} drop constraint ${ident(key.name)}`);
    unique.set(table, await uniqueIndexesOf(db, table));
    for (const index of unique.get(table)!) await run(db, `drop index ${ident(index.name)}`);
  }
  // The default partition holds the template: the parent's keys under its own names, its foreign
  // keys to a federated table pointing at that table's default partition.
  for (const table of FEDERATED_TABLES)
    for (const key of templateKeys.get(table)!) {
      const def =
        key.target && isFederatedTable(key.target)
          ? key.def.replace(`REFERENCES ${key.target}(`, `REFERENCES ${template(key.target)}(`)
          : key.def;
      await run(
        db,
        `alter table ${ident(template(table))} add constraint ${ident(renamed(key.name, table, template(table)))} ${def}`,
      );
    }
  for (const table of FEDERATED_TABLES)
    for (const index of unique.get(table)!) await run(db, indexFor(index, table, template(table)));
  for (const table of FEDERATED_TABLES)
    for (const p of await partitionsOf(db, table))
      if (p.kind === "r" && p.name !== template(table)) await addPartitionKeys(db, table, p.name);
  return true;
}

/** What the coordinator needs to reach a region's server (a postgres:// URL's parts). */
export interface RegionServer {
  host: string;
  port: string;
  dbname: string;
  user: string;
  password?: string;
}

export function regionServer(url: string): RegionServer {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port || "5432",
    dbname: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    user: decodeURIComponent(u.username) || "postgres",
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

/** The postgres_fdw server name of a region: region_18_12. */
export const serverName = (regionCode: string) => `region_${regionCode.replace(".", "_")}`;

/** Column definitions of a table, for the same table on another server. */
async function columnsOf(db: Executor, table: string) {
  const cols = await rows<{ name: string; type: string; notnull: boolean }>(
    db,
    sql`select attname::text as name, format_type(atttypid, atttypmod) as type, attnotnull as notnull from pg_attribute
        where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped order by attnum`,
  );
  return cols.map((c) => `${ident(c.name)} ${c.type}${c.notnull ? " not null" : ""}`).join(", ");
}

/** The region's tables on its own server: columns, keys among them, and the template's other indexes. */
async function createRemoteTables(db: Executor, remote: Executor, regionCode: string) {
  for (const table of FEDERATED_TABLES) {
    const partition = partitionName(table, regionCode);
    await run(remote, `create table if not exists ${ident(partition)} (${await columnsOf(db, table)})`);
    const have = new Set((await keysOf(remote, partition)).map((k) => k.name));
    for (const key of await keysOf(db, template(table))) {
      if (key.type === "f" && !(key.target && isFederatedTable(key.target.replace(/_default$/, "")))) continue;
      const k = keyFor(key, table, partition);
      if (!have.has(k.name))
        await run(remote, `alter table ${ident(partition)} add constraint ${ident(k.name)} ${k.def}`);
    }
    const indexes = await rows<{ def: string }>(
      db,
      sql`select pg_get_indexdef(i.indexrelid) as def from pg_index i where i.indrelid = ${`public.${template(table)}`}::regclass
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    );
    for (const { def } of indexes)
      await run(
        remote,
        def.replaceAll(template(table), partition).replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS "),
      );
  }
}

/**
 * Places a region's residents and service records on its own server: the tables there, a
 * postgres_fdw server and user mapping here, and foreign partitions in place of local ones (rows
 * already stored move over in the same transaction). `remote` is a connection to that server.
 * Run inside a transaction on the coordinator; idempotent.
 */
export async function placeRegion(db: Executor, remote: Executor, regionCode: string, server: RegionServer) {
  await federate(db);
  await createRemoteTables(db, remote, regionCode);
  const name = serverName(regionCode);
  await run(db, "create extension if not exists postgres_fdw");
  const [known] = await rows(db, sql`select 1 from pg_foreign_server where srvname = ${name}`);
  // fdw_tuple_cost 0.2 is PostgreSQL 17's default: 15's 0.01 undervalues moving a row between servers,
  // and the planner would fetch a region's rows to count them here rather than count them there.
  if (!known)
    await run(
      db,
      `create server ${ident(name)} foreign data wrapper postgres_fdw options (host ${literal(server.host)}, port ${literal(server.port)}, dbname ${literal(server.dbname)}, fetch_size '10000', fdw_tuple_cost '0.2')`,
    );
  const password = server.password ? `, password ${literal(server.password)}` : "";
  await run(
    db,
    `create user mapping if not exists for current_user server ${ident(name)} options (user ${literal(server.user)}${password})`,
  );
  const moved: { table: string; partition: string; wasLocal: boolean }[] = [];
  for (const table of FEDERATED_TABLES) {
    const partition = partitionName(table, regionCode);
    const [current] = await rows<{ kind: string }>(
      db,
      sql`select relkind::text as kind from pg_class where relname = ${partition}`,
    );
    if (current?.kind === "f") continue;
    const incoming = `${partition}__remote`;
    await run(
      db,
      `create foreign table ${ident(incoming)} (${await columnsOf(db, table)}) server ${ident(name)} options (table_name ${literal(partition)})`,
    );
    if (current) await run(db, `insert into ${ident(incoming)} select * from ${ident(partition)}`);
    moved.push({ table, partition, wasLocal: Boolean(current) });
  }
  // Local partitions go referencing-first (records before residents), foreign ones come in the other order.
  for (const m of [...moved].reverse()) if (m.wasLocal) await run(db, `drop table ${ident(m.partition)}`);
  for (const m of moved) {
    await run(db, `alter foreign table ${ident(`${m.partition}__remote`)} rename to ${ident(m.partition)}`);
    await run(
      db,
      `alter table ${ident(m.table)} attach partition ${ident(m.partition)} for values in (${literal(regionCode)})`,
    );
  }
  // Aggregates grouped by region_code run on each region's server (remote SQL with GROUP BY).
  await run(
    db,
    "do $$ begin execute format('alter database %I set enable_partitionwise_aggregate = on', current_database()); end $$",
  );
  return { server: name, tables: moved.map((m) => m.partition) };
}
