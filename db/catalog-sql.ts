import { sql } from "drizzle-orm";
import { type Executor, rowsOf } from "./client";

/*
 * Small helpers for the DDL that partitioning and federation generate from the catalogue
 * (db/partitioning.ts, db/partition-foreign-keys.ts, db/foreign-partitions.ts).
 */

export type Row = Record<string, unknown>;

export const rows = async <T extends Row>(db: Executor, query: ReturnType<typeof sql>) =>
  rowsOf<T>(await db.execute(query));

export const run = (db: Executor, statement: string) => db.execute(sql.raw(statement));

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
