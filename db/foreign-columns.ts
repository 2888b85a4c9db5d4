import { sql } from "drizzle-orm";
import { ident, rows, run } from "./catalog-sql";
import { type Db, type Executor, openDatabase } from "./client";
import { FEDERATED_TABLES } from "./foreign-partitions";

/*
 * A migration's ALTER TABLE … ADD COLUMN on a federated table reaches the coordinator's parent and,
 * by recursion, the foreign partitions' local definitions, but not the tables on the regions' own
 * servers: a select or an insert naming the new column then fails for those regions. At start-up,
 * after the migrations, each foreign partition's columns are compared with its remote table's and
 * the missing ones are added there (docs/scaling.md "Several servers"). Columns only the remote has,
 * and columns whose types differ, are reported, never changed.
 */

interface Column {
  name: string;
  type: string;
  notnull: boolean;
  default: string | null;
}

interface ForeignPartition {
  partition: string;
  server: string;
  remoteSchema: string;
  remoteTable: string;
}

export interface ColumnSync {
  /** Columns added on a region's server: server, remote table, column. */
  added: { server: string; table: string; column: string }[];
  /** Columns a remote table has that the coordinator does not (left alone). */
  extra: { server: string; table: string; column: string }[];
  /** Columns on both sides whose types differ (left alone). */
  differing: { server: string; table: string; column: string; local: string; remote: string }[];
  /** Servers that could not be reached or changed, with the error's message. */
  failed: { server: string; error: string }[];
}

const LOCK = sql`select pg_advisory_xact_lock(hashtext('inovasi.partition_by_region'))`;

/** A relation's columns, in order; `relation` is a qualified name (`public.x`). */
async function columnsOf(db: Executor, relation: string) {
  return rows<Column & Record<string, unknown>>(
    db,
    sql`select a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull,
          pg_get_expr(d.adbin, d.adrelid) as default
        from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = to_regclass(${relation}) and a.attnum > 0 and not a.attisdropped order by a.attnum`,
  );
}

/** The foreign partitions of the federated tables, with their server and the remote table's name. */
async function foreignPartitions(db: Executor): Promise<ForeignPartition[]> {
  const found: ForeignPartition[] = [];
  for (const table of FEDERATED_TABLES) {
    const list = await rows<{ partition: string; server: string; schema: string | null; table: string | null }>(
      db,
      sql`select c.relname::text as partition, s.srvname::text as server,
            (select option_value from pg_options_to_table(f.ftoptions) where option_name = 'schema_name') as schema,
            (select option_value from pg_options_to_table(f.ftoptions) where option_name = 'table_name') as table
          from pg_inherits i join pg_class c on c.oid = i.inhrelid
            join pg_foreign_table f on f.ftrelid = c.oid join pg_foreign_server s on s.oid = f.ftserver
          where i.inhparent = ${`public.${table}`}::regclass and c.relkind = 'f' order by c.relname`,
    );
    for (const p of list) found.push({ ...p, remoteSchema: p.schema ?? "public", remoteTable: p.table ?? p.partition });
  }
  return found;
}

/**
 * A postgres:// URL for a postgres_fdw server, from its options (host, port, dbname) and the current
 * user's mapping (user, password): held in memory for the one connection, never stored or logged.
 */
async function serverUrl(db: Executor, server: string): Promise<string> {
  const options = await rows<{ name: string; value: string }>(
    db,
    sql`select o.option_name as name, o.option_value as value
        from pg_foreign_server s, pg_options_to_table(s.srvoptions) o where s.srvname = ${server}
        union all
        select o.option_name, o.option_value from pg_user_mappings m, pg_options_to_table(m.umoptions) o
        where m.srvname = ${server} and m.usename = current_user`,
  );
  const opt = Object.fromEntries(options.map((o) => [o.name, o.value]));
  const host = (opt.host ?? "localhost").includes(":") ? `[${opt.host}]` : (opt.host ?? "localhost");
  const auth =
    encodeURIComponent(opt.user ?? "postgres") + (opt.password ? `:${encodeURIComponent(opt.password)}` : "");
  return `postgres://${auth}@${host}:${opt.port ?? "5432"}/${encodeURIComponent(opt.dbname ?? "postgres")}`;
}

/** A column's definition for ADD COLUMN: type, and its default and NOT NULL unless the default needs a sequence. */
function definition(c: Column) {
  const portable = c.default !== null && !/nextval\(/i.test(c.default);
  return `${ident(c.name)} ${c.type}${portable ? ` default ${c.default}` : ""}${c.notnull && (portable || c.default === null) ? " not null" : ""}`;
}

/** Compares one foreign partition with its remote table and adds the missing columns there. */
async function syncPartition(db: Executor, remote: Executor, p: ForeignPartition, out: ColumnSync) {
  const qualified = `${ident(p.remoteSchema)}.${ident(p.remoteTable)}`;
  const theirs = await columnsOf(remote, qualified);
  if (!theirs.length) throw new Error(`remote table ${p.remoteSchema}.${p.remoteTable} not found`);
  const ours = await columnsOf(db, `public.${ident(p.partition)}`);
  const remoteByName = new Map(theirs.map((c) => [c.name, c]));
  const ourNames = new Set(ours.map((c) => c.name));
  const where = { server: p.server, table: p.remoteTable };
  for (const c of ours) {
    const other = remoteByName.get(c.name);
    if (!other) {
      await run(remote, `alter table ${qualified} add column if not exists ${definition(c)}`);
      out.added.push({ ...where, column: c.name });
    } else if (other.type !== c.type)
      out.differing.push({ ...where, column: c.name, local: c.type, remote: other.type });
  }
  for (const c of theirs) if (!ourNames.has(c.name)) out.extra.push({ ...where, column: c.name });
}

/**
 * Adds to the regions' servers the columns their foreign partitions have and their remote tables
 * lack (a later migration's ADD COLUMN), under the partitioning's advisory lock. A server that
 * cannot be reached or changed is reported in `failed` and the others still go ahead. Idempotent.
 */
export async function syncForeignColumns(db: Db): Promise<ColumnSync> {
  const out: ColumnSync = { added: [], extra: [], differing: [], failed: [] };
  await db.transaction(async (tx) => {
    await tx.execute(LOCK);
    const partitions = await foreignPartitions(tx);
    for (const server of new Set(partitions.map((p) => p.server))) {
      try {
        const remote = await openDatabase({ url: await serverUrl(tx, server), maxConnections: 1 });
        try {
          for (const p of partitions.filter((x) => x.server === server)) await syncPartition(tx, remote.db, p, out);
        } finally {
          await remote.close();
        }
      } catch (err) {
        out.failed.push({ server, error: err instanceof Error ? err.message : String(err) });
      }
    }
  });
  return out;
}
