import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, rowsOf } from "@/db/client";
import { isPartitioned, partitionByRegion } from "@/db/partitioning";
import { BIG_TABLES } from "@/db/table-classes";
import { dashboardSummary } from "@/lib/analytics/dashboard";
import type { Ctx } from "@/lib/auth/context";
import { lookupResident } from "@/lib/beneficiaries/lookup";
import { CLI_COMMANDS, cliActor } from "@/lib/cli/commands";
import { ValidationError } from "@/lib/errors";
import { DEMO_SHARED_NIK, seedBeneficiariesDemo } from "@/seed/beneficiaries-demo";
import { installTestNikKeys } from "@/tests/helpers/beneficiary-fixtures";
import { openPostgres } from "@/tests/helpers/databases";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught } from "./support";

/*
 * DB_PARTITIONING=region on the server (db/partitioning.ts): the big tables are list partitioned by
 * region_code, `region add` gives a region its partitions, and the planner keeps a region's
 * dashboard and resident look-up on that region's partitions (EXPLAIN of the very statements the
 * use cases issue, recorded through the driver's query log).
 */
const url = process.env.TEST_DATABASE_URL;

/** Every relation a plan reads ("Relation Name" anywhere in EXPLAIN's JSON). */
function relations(plan: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) for (const p of plan) relations(p, out);
  else if (plan && typeof plan === "object")
    for (const [k, v] of Object.entries(plan)) {
      if (k === "Relation Name" && typeof v === "string") out.add(v);
      else relations(v, out);
    }
  return out;
}

describe.skipIf(!url)("tables partitioned by region (postgresql)", () => {
  let handle: DatabaseHandle;
  let recording = false;
  const recorded: { query: string; params: unknown[] }[] = [];

  beforeAll(async () => {
    installTestNikKeys();
    handle = await openPostgres(url!, { onQuery: (query, params) => recording && recorded.push({ query, params }) });
    await seedDemoData(handle.db);
    await handle.db.transaction((tx) => seedBeneficiariesDemo(tx, { regionCode: "18.11" }));
    await partitionByRegion(handle.db, ["18.11"]); // converts, or (TEST_DB_PARTITIONING=region) finds it done
    await handle.db.execute(sql`analyze`);
  });
  afterAll(() => handle?.close());

  const cli = (): Ctx => ({ db: handle.db, actor: cliActor(), requestId: "partitioning-test" });
  const partitionsOf = async (table: string) =>
    rowsOf<{ name: string }>(
      await handle.db.execute(
        sql`select inhrelid::regclass::text as name from pg_inherits where inhparent = ${table}::regclass order by 1`,
      ),
    ).map((r) => r.name);

  it("partitions every big table by region_code, with the region's partition holding its rows", async () => {
    for (const table of BIG_TABLES) {
      expect(await isPartitioned(handle.db, table)).toBe(true);
      expect(await partitionsOf(table)).toEqual(expect.arrayContaining([`${table}_default`, `${table}_r18_11`]));
    }
    const [counts] = rowsOf<{ all: number; own: number; fallback: number }>(
      await handle.db.execute(sql`select (select count(*) from service_records)::int as all,
        (select count(*) from service_records_r18_11)::int as own, (select count(*) from service_records_default)::int as fallback`),
    );
    expect(counts.all).toBeGreaterThan(500);
    expect(counts).toEqual({ all: counts.all, own: counts.all, fallback: 0 });
    expect(await partitionsOf("audit_log")).toContain("audit_log_r00");
    // Converting again changes nothing.
    expect(await partitionByRegion(handle.db, ["18.11"])).toEqual({ converted: [] });
  });

  it("checks a record's resident in its own region's partition, with no key on the parents", async () => {
    const keys = async () =>
      rowsOf<{ owner: string; target: string }>(
        await handle.db.execute(sql`select conrelid::regclass::text as owner, confrelid::regclass::text as target
          from pg_constraint where contype = 'f' and confrelid::regclass::text like 'residents%' order by 1`),
      );
    expect(await keys()).toEqual([
      { owner: "service_records_default", target: "residents_default" },
      { owner: "service_records_r18_11", target: "residents_r18_11" },
    ]);
    // A record of 18.11 naming a resident that is not 18.11's is refused.
    const [record] = rowsOf<{ innovation_id: string; batch_id: string }>(
      await handle.db.execute(sql`select innovation_id, batch_id from service_records limit 1`),
    );
    const stray = handle.db
      .execute(sql`insert into service_records (region_code, innovation_id, resident_id, service_date, service_type, batch_id)
      values ('18.11', ${record.innovation_id}, gen_random_uuid(), '2024-01-01', 'x', ${record.batch_id})`);
    expect(String(((await caught(stray)) as Error).cause)).toMatch(/service_records_r18_11_resident_fk/);
  });

  it("adds a region's partitions from the command line, once, moving its waiting rows, audited", async () => {
    await handle.db.execute(
      sql`insert into audit_log (region_code, actor_kind, action, entity) values ('18.13', 'system', 'test', 'test')`,
    );
    const { lines } = await CLI_COMMANDS["region.add"](cli(), { code: "18.13" });
    expect(lines[0]).toMatch(/^Region 18\.13 \(.+\) added; partitions created: residents_r18_13, /);
    for (const table of BIG_TABLES) expect(await partitionsOf(table)).toContain(`${table}_r18_13`);
    const [pair] = rowsOf<{ target: string }>(
      await handle.db.execute(sql`select confrelid::regclass::text as target from pg_constraint
        where conrelid = 'service_records_r18_13'::regclass and contype = 'f' and confrelid::regclass::text like 'residents%'`),
    );
    expect(pair).toEqual({ target: "residents_r18_13" });
    const [moved] = rowsOf<{ own: number; fallback: number }>(
      await handle.db.execute(sql`select (select count(*) from audit_log_r18_13)::int as own,
        (select count(*) from audit_log_default where region_code = '18.13')::int as fallback`),
    );
    expect(moved).toEqual({ own: 1, fallback: 0 });
    expect((await CLI_COMMANDS["region.add"](cli(), { code: "18.13" })).lines[0]).toMatch(/no partitions to create/);
    const audits = rowsOf<{ n: number }>(
      await handle.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'region.add' and entity_id = '18.13'`,
      ),
    );
    expect(audits[0].n).toBe(2);
    // The moved partition keeps the audit log append-only.
    expect(await caught(handle.db.execute(sql`delete from audit_log_r18_13`))).toBeTruthy();
    expect(await caught(handle.db.execute(sql`truncate audit_log_r18_13`))).toBeTruthy();
    for (const code of ["18.11.01", "99.99", "x"])
      expect(await caught(CLI_COMMANDS["region.add"](cli(), { code }))).toBeInstanceOf(ValidationError);
  });

  it("reads only the region's partitions for its dashboard and a resident look-up (EXPLAIN)", async () => {
    const ctx = await ctxFor(handle.db, "admin@demo.local");
    recorded.length = 0;
    recording = true;
    const summary = await dashboardSummary({ ctx, input: {} });
    const found = await lookupResident({ ctx, input: { nik: DEMO_SHARED_NIK } });
    recording = false;
    expect(summary.totals.residents).toBeGreaterThan(0);
    expect(found.resident).not.toBeNull();

    const client = (handle.db as unknown as { $client: { unsafe: (q: string, p: unknown[]) => Promise<unknown[]> } })
      .$client;
    const touched = new Set<string>();
    for (const { query, params } of recorded.filter((r) => /^\s*(select|with)\b/i.test(r.query))) {
      const [row] = (await client.unsafe(`explain (format json) ${query}`, params)) as { "QUERY PLAN": unknown }[];
      for (const name of relations(row["QUERY PLAN"])) touched.add(name);
    }
    const big = [...touched].filter((name) => BIG_TABLES.some((t) => name === t || name.startsWith(`${t}_`)));
    expect(big.length).toBeGreaterThan(0);
    expect(big).toEqual(expect.arrayContaining(["residents_r18_11"]));
    expect(big.filter((name) => !name.endsWith("_r18_11"))).toEqual([]);
  });
});
