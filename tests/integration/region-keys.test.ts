import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { GLOBAL_TABLES, REGIONAL_TABLES } from "@/db/table-classes";
import { publicTables, regionKeyProblems } from "@/tests/helpers/region-keys";
import { databaseCases } from "./support";

// The rule PostgreSQL list partitioning and Citus co-location both impose (docs/scaling.md).
describe.each(databaseCases())("regional tables keyed by region_code (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  it("names every table as regional or global, once", async () => {
    const named = [...REGIONAL_TABLES, ...GLOBAL_TABLES];
    expect(new Set(named).size).toBe(named.length);
    expect(await publicTables(handle.db)).toEqual([...named].sort());
  });

  it("gives every regional primary key, unique key and foreign key region_code", async () => {
    expect(await regionKeyProblems(handle.db, REGIONAL_TABLES)).toEqual([]);
  });

  it("catches a table that breaks the rule", async () => {
    await handle.db.execute(sql`create table tmp_bad_parent (region_code text not null, id uuid primary key)`);
    await handle.db.execute(sql`create table tmp_bad_child (
      region_code text not null, id uuid, parent_id uuid references tmp_bad_parent (id), code text,
      primary key (region_code, id))`);
    await handle.db.execute(sql`create unique index tmp_bad_child_code on tmp_bad_child (code)`);
    const problems = await regionKeyProblems(handle.db, ["tmp_bad_parent", "tmp_bad_child"]);
    await handle.db.execute(sql`drop table tmp_bad_child, tmp_bad_parent`);
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/tmp_bad_parent: tmp_bad_parent_pkey \(id\) lacks region_code/);
    expect(problems.join("\n")).toMatch(/tmp_bad_child: tmp_bad_child_code \(code\) lacks region_code/);
    expect(problems.join("\n")).toMatch(/tmp_bad_child: .* \(parent_id\) → tmp_bad_parent does not carry/);
  });
});
