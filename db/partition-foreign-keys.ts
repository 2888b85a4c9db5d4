import { sql } from "drizzle-orm";
import { ident, type Row, rows, run } from "./catalog-sql";
import type { Executor } from "./client";
import { renamed } from "./foreign-partitions";

/*
 * A foreign key between two partitioned tables (service records → residents) checks every row
 * through the referenced parent, and PostgreSQL 15 prunes that look-up at run time, row by row,
 * across all the parent's partitions: with 20 regions it made inserting 200,000 records four times
 * slower (5.1 s against 1.3 s, docs/benchmarks.md). Each region's records can only point at that
 * region's residents (the key carries region_code), so the same rule holds as one foreign key per
 * partition, from a region's partition to the same region's partition of the other table — checked
 * at the speed of plain tables. The parents keep their primary and unique keys.
 */

interface Key {
  name: string;
  owner: string;
  target: string;
  def: string;
}

/** Foreign keys declared on a relation of their own (not inherited) whose two ends match `where`. */
async function foreignKeys(db: Executor, where: ReturnType<typeof sql>): Promise<Key[]> {
  return rows<Key & Row>(
    db,
    sql`select c.conname::text as name, o.relname::text as owner, t.relname::text as target, pg_get_constraintdef(c.oid) as def
        from pg_constraint c join pg_class o on o.oid = c.conrelid join pg_class t on t.oid = c.confrelid
        where c.contype = 'f' and c.conparentid = 0 and o.relnamespace = 'public'::regnamespace and ${where}`,
  );
}

/** Foreign keys declared on a partitioned parent that point at another partitioned parent. */
const parentKeys = (db: Executor) => foreignKeys(db, sql`o.relkind = 'p' and t.relkind = 'p'`);

/** The partitions of a table by their suffix (_r18_11, _default), plain tables only. */
async function partitionSuffixes(db: Executor, table: string): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select c.relname::text as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = ${`public.${table}`}::regclass and c.relkind = 'r' order by 1`,
  );
  return found.map((p) => p.name.slice(table.length));
}

/** Replaces each foreign key between two partitioned parents by one per pair of partitions. Idempotent. */
export async function localiseForeignKeys(db: Executor): Promise<string[]> {
  const added: string[] = [];
  for (const key of await parentKeys(db)) {
    await run(db, `alter table ${ident(key.owner)} drop constraint ${ident(key.name)}`);
    for (const suffix of await partitionSuffixes(db, key.owner)) {
      const name = renamed(key.name, key.owner, key.owner + suffix);
      const def = key.def.replace(`REFERENCES ${key.target}(`, `REFERENCES ${key.target}${suffix}(`);
      await run(db, `alter table ${ident(key.owner + suffix)} add constraint ${ident(name)} ${def}`);
      added.push(name);
    }
  }
  return added;
}

/**
 * The foreign keys between two default partitions, dropped while rows move out of them into a new
 * region's partitions (a resident and its records leave the defaults one table after the other);
 * the returned function adds them back, checked again.
 */
export async function liftDefaultKeys(db: Executor): Promise<() => Promise<void>> {
  const keys = await foreignKeys(
    db,
    sql`o.relispartition and t.relispartition and o.relname like '%\\_default' and t.relname like '%\\_default'`,
  );
  for (const key of keys) await run(db, `alter table ${ident(key.owner)} drop constraint ${ident(key.name)}`);
  return async () => {
    for (const key of keys)
      await run(db, `alter table ${ident(key.owner)} add constraint ${ident(key.name)} ${key.def}`);
  };
}
