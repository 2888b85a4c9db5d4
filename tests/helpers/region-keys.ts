import { sql } from "drizzle-orm";
import { type Executor, rowsOf } from "@/db/client";

interface KeyRow {
  table: string;
  name: string;
  kind: "p" | "u" | "f" | "i";
  cols: string[];
  refTable: string | null;
  refCols: string[] | null;
}

/** Primary keys, unique constraints and indexes, and foreign keys of the public tables (not partitions). */
async function keys(db: Executor): Promise<KeyRow[]> {
  const constraints = rowsOf<KeyRow>(
    await db.execute(sql`
      select c.relname as "table", con.conname as name, con.contype as kind,
        array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as cols,
        f.relname as "refTable",
        case when con.contype = 'f' then array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) end as "refCols"
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace ns on ns.oid = c.relnamespace
      left join pg_class f on f.oid = con.confrelid
      where ns.nspname = 'public' and con.contype in ('p', 'u', 'f') and not c.relispartition and con.conparentid = 0`),
  );
  // Unique indexes that back no constraint (drizzle's uniqueIndex); an expression column reads as "(expr)".
  const indexes = rowsOf<KeyRow>(
    await db.execute(sql`
      select c.relname as "table", ic.relname as name, 'i' as kind,
        array(select coalesce(a.attname::text, '(expr)') from unnest(i.indkey::int2[]) with ordinality k(n, o)
          left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n order by k.o) as cols,
        null as "refTable", null as "refCols"
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = 'public' and i.indisunique and not c.relispartition
        and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid)`),
  );
  return [...constraints, ...indexes];
}

/**
 * What keeps the named regional tables from being sharded by region_code: a primary key or unique
 * key without region_code, or a foreign key that touches a regional table without matching
 * region_code to region_code. Empty when they all comply.
 */
export async function regionKeyProblems(db: Executor, regional: readonly string[]): Promise<string[]> {
  const isRegional = new Set(regional);
  const problems: string[] = [];
  for (const k of await keys(db)) {
    if (k.kind !== "f") {
      if (isRegional.has(k.table) && !k.cols.includes("region_code"))
        problems.push(`${k.table}: ${k.name} (${k.cols.join(", ")}) lacks region_code`);
      continue;
    }
    if (!isRegional.has(k.refTable ?? "")) continue; // to a reference table: fine anywhere
    const at = k.cols.indexOf("region_code");
    if (at < 0 || k.refCols?.[at] !== "region_code")
      problems.push(`${k.table}: ${k.name} (${k.cols.join(", ")}) → ${k.refTable} does not carry region_code`);
  }
  return problems;
}

/** Tables (not partitions) of the public schema. */
export async function publicTables(db: Executor): Promise<string[]> {
  return rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname as name from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`),
  ).map((r) => r.name);
}
