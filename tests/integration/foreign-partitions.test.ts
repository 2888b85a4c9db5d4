import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase, rowsOf } from "@/db/client";
import { syncForeignColumns } from "@/db/foreign-columns";
import { federate, isFederated } from "@/db/foreign-partitions";
import { partitionByRegion } from "@/db/partitioning";
import { agencies } from "@/db/schema/agencies";
import { users } from "@/db/schema/users";
import type { Ctx } from "@/lib/auth/context";
import { importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { lookupResident } from "@/lib/beneficiaries/lookup";
import { CLI_COMMANDS, cliActor } from "@/lib/cli/commands";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { leaderImpact } from "@/lib/dashboard/impact-summary";
import { prepareDatabase } from "@/lib/db-bootstrap";
import { createInnovation } from "@/lib/innovations/create-innovation";
import { actorFromUser } from "@/lib/users/actor";
import { seedBeneficiariesDemo } from "@/seed/beneficiaries-demo";
import { installTestNikKeys } from "@/tests/helpers/beneficiary-fixtures";
import { openPostgres } from "@/tests/helpers/databases";
import { csv, openNode } from "@/tests/helpers/fdw-nodes";
import { seedDemoData } from "@/tests/helpers/fixtures";

/*
 * Several servers (issue 15, item 3; docs/scaling.md "Several servers"): two more PostgreSQL 15
 * clusters on this machine (scripts/ci/pg-nodes.sh; TEST_FDW_NODES lists their URLs) each hold one
 * region's residents and service records as foreign partitions (postgres_fdw) of the coordinator's
 * partitioned tables. An import for that region writes on its server; the leader's aggregates for
 * that region and a province-wide summary over all regions are computed there (EXPLAIN VERBOSE shows
 * the remote SQL with its GROUP BY).
 */
const url = process.env.TEST_DATABASE_URL;
const nodes = (process.env.TEST_FDW_NODES ?? "").split(",").filter(Boolean);

describe.skipIf(!url || nodes.length < 2)("regions on their own servers through postgres_fdw (postgresql)", () => {
  let handle: DatabaseHandle;
  let reader: DatabaseHandle;
  const servers: Awaited<ReturnType<typeof openNode>>[] = [];
  const regions = ["18.12", "18.13"];
  const ctxOf: Record<string, Ctx> = {};
  const recorded: { query: string; params: unknown[] }[] = [];
  const cli = (): Ctx => ({ db: handle.db, actor: cliActor(), requestId: "fdw-test" });
  const partition = (table: string, code: string) => `${table}_r${code.replace(".", "_")}`;

  /** A Bappeda account and an innovation of a region, on the coordinator. */
  async function setUpRegion(code: string) {
    const [agency] = await handle.db
      .insert(agencies)
      .values({ regionCode: code, code: "BAPPEDA", name: `Bappeda ${code}`, shortName: "Bappeda" })
      .returning();
    const [user] = await handle.db
      .insert(users)
      .values({
        regionCode: code,
        email: `bappeda-${code}@uji.local`,
        name: "Uji",
        role: "bappeda",
        passwordHash: "x",
        agencyId: agency.id,
      })
      .returning();
    ctxOf[code] = { db: handle.db, actor: actorFromUser(user), requestId: "fdw-test" };
    await createInnovation({
      ctx: ctxOf[code],
      input: { name: `Layanan ${code}`, agencyId: agency.id, stage: "penerapan", yearApplied: 2025 },
    });
  }

  beforeAll(async () => {
    installTestNikKeys();
    handle = await openPostgres(url!);
    await seedDemoData(handle.db);
    await handle.db.transaction((tx) => seedBeneficiariesDemo(tx, { regionCode: "18.11" }));
    await partitionByRegion(handle.db, ["18.11"]);
    for (const [i, code] of regions.entries()) {
      servers.push(await openNode(nodes[i]));
      // The command line places the region on its server.
      const { lines } = await CLI_COMMANDS["region.add"](cli(), { code, server: servers[i].url });
      expect(lines.join("\n")).toContain(`${partition("residents", code)}, ${partition("service_records", code)}`);
      await setUpRegion(code);
    }
  }, 120_000);
  afterAll(async () => {
    await reader?.close();
    await handle?.close();
    for (const s of servers) await s.close();
  });

  const kecamatanOf = async (code: string) =>
    rowsOf<{ prefix: string }>(
      await handle.db.execute(
        sql`select nik_prefix as prefix from regions where parent_code = ${code} and level = 'kecamatan' order by code limit 1`,
      ),
    )[0].prefix;

  /** Imports `n` residents (two services each) into the region's innovation through the real import. */
  async function importInto(code: string, n: number) {
    const [innovation] = rowsOf<{ id: string }>(
      await handle.db.execute(sql`select id from innovations where region_code = ${code}`),
    );
    const file = csv(n, await kecamatanOf(code), "Layanan uji");
    return importServiceRecords(ctxOf[code], {
      innovationId: innovation.id,
      open: () =>
        openRecordFile(
          (async function* () {
            yield file;
          })(),
          "uji.csv",
        ),
      fileName: "uji.csv",
      dryRun: false,
      mode: "default",
      locale: "id",
      source: "upload",
    });
  }

  it("moves the keys from the parents to every partition and attaches the regions' foreign partitions", async () => {
    expect(await isFederated(handle.db)).toBe(true);
    expect(await handle.db.transaction((tx) => federate(tx))).toBe(false); // once
    const kinds = rowsOf<{ name: string; kind: string }>(
      await handle.db
        .execute(sql`select c.relname::text as name, c.relkind::text as kind from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent in ('residents'::regclass, 'service_records'::regclass) order by 1`),
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        { name: "residents_r18_11", kind: "r" },
        { name: "residents_r18_12", kind: "f" },
        { name: "service_records_r18_13", kind: "f" },
      ]),
    );
    // The local partition keeps its region's rules: a repeated NIK hash is refused there.
    const [one] = rowsOf<Record<string, unknown>>(await handle.db.execute(sql`select * from residents_r18_11 limit 1`));
    await expect(
      handle.db
        .execute(sql`insert into residents (region_code, nik_hash, nik_encrypted, sex, birth_date, issue_area_code)
        values ('18.11', ${one.nik_hash as string}, 'x', 'L', '1990-01-01', '181101')`),
    ).rejects.toThrow();
  });

  it("writes a region's import on that region's server, twice without repeats", async () => {
    for (const [i, code] of regions.entries()) {
      const n = 40 + i * 10;
      expect(await importInto(code, n)).toMatchObject({ status: "done", accepted: n * 2 });
      expect((await importInto(code, n)).accepted).toBe(0); // the region's server refuses the repeats
      expect(await servers[i].count(partition("residents", code))).toBe(n);
      expect(await servers[i].count(partition("service_records", code))).toBe(n * 2);
    }
    // Nothing of theirs is stored on the coordinator itself.
    const [local] = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select (select count(*) from only service_records_default)::int
        + (select count(*) from only residents_default)::int as n`),
    );
    expect(local.n).toBe(0);
    // A resident's look-up (Bappeda) reads the region's server.
    const nik = csv(1, await kecamatanOf("18.12"), "x")
      .toString()
      .split("\n")[1]
      .split(",")[0];
    expect(await lookupResident({ ctx: ctxOf["18.12"], input: { nik } })).toMatchObject({
      found: true,
      totalRecords: 2,
    });
  });

  it("moves a region's stored rows to its server when it is placed there later", async () => {
    await CLI_COMMANDS["region.add"](cli(), { code: "18.01" });
    await setUpRegion("18.01");
    expect(await importInto("18.01", 30)).toMatchObject({ status: "done", accepted: 60 });
    const count = async () =>
      rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from service_records_r18_01`))[0].n;
    expect(await count()).toBe(60);
    // On the same server as 18.12, in tables of its own there.
    const { lines } = await CLI_COMMANDS["region.add"](cli(), { code: "18.01", server: servers[0].url });
    expect(lines.join("\n")).toContain("service_records_r18_01");
    expect(await servers[0].count("service_records_r18_01")).toBe(60);
    expect(await servers[0].count("residents_r18_01")).toBe(30);
    expect(await count()).toBe(60);
    const [kind] = rowsOf<{ kind: string }>(
      await handle.db.execute(sql`select relkind::text as kind from pg_class where relname = 'service_records_r18_01'`),
    );
    expect(kind.kind).toBe("f");
    // The server's address is audited without credentials; the region's rules still hold there.
    const [audit] = rowsOf<{ after: { server: string } }>(
      await handle.db.execute(
        sql`select after from audit_log where action = 'region.add' and entity_id = '18.01' order by id desc limit 1`,
      ),
    );
    expect(audit.after.server).toMatch(/^127\.0\.0\.1:\d+\/inovasi_node_/);
    expect((await importInto("18.01", 30)).accepted).toBe(0);
  });

  it("answers a leader's aggregates for a remote region with their GROUP BY run on its server", async () => {
    // A new connection picks up the database's enable_partitionwise_aggregate; its statements are recorded.
    const u = new URL(url!);
    u.pathname = `/${rowsOf<{ db: string }>(await handle.db.execute(sql`select current_database() as db`))[0].db}`;
    reader = await openDatabase({
      url: u.toString(),
      maxConnections: 2,
      onQuery: (query, params) => recorded.push({ query, params }),
    });
    const ctx = { ...ctxOf["18.12"], db: reader.db };
    const impact = await leaderImpact({ ctx });
    expect(impact).toMatchObject({ residents: 40, records: 80 });
    expect(impact.byMonth.map((m) => [m.month, m.records, m.residents])).toEqual([
      ["2025-03", 40, 40],
      ["2025-09", 40, 40],
    ]);
    // EXPLAIN VERBOSE of the very statement: the per-innovation counts run on the region's server.
    const client = (
      reader.db as unknown as { $client: { unsafe: (q: string, p: unknown[]) => Promise<Record<string, string>[]> } }
    ).$client;
    const remote: string[] = [];
    for (const { query, params } of recorded.filter((r) =>
      /group by "service_records"\."region_code"/i.test(r.query),
    )) {
      const plan = (await client.unsafe(`explain verbose ${query}`, params)).map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/Relations: Aggregate on \(public\.service_records_r18_12 service_records\)/);
      remote.push(...plan.split("\n").filter((line) => line.includes("Remote SQL:")));
    }
    expect(remote).toHaveLength(1);
    expect(remote[0]).toMatch(
      /SELECT innovation_id, count\(DISTINCT resident_id\), count\(\*\), region_code FROM public\.service_records_r18_12 WHERE .*GROUP BY 4, 1$/,
    );
  });

  it("sums every region side by side, each remote region's part computed on its own server", async () => {
    const statement = sql`select region_code, count(*)::int as records, count(distinct resident_id)::int as residents
      from service_records group by region_code order by region_code`;
    const summary = rowsOf<{ region_code: string; records: number; residents: number }>(
      await reader.db.execute(statement),
    );
    const local = rowsOf<{ n: number; r: number }>(
      await handle.db.execute(
        sql`select count(*)::int as n, count(distinct resident_id)::int as r from service_records_r18_11`,
      ),
    )[0];
    expect(summary).toEqual([
      { region_code: "18.01", records: 60, residents: 30 },
      { region_code: "18.11", records: local.n, residents: local.r },
      { region_code: "18.12", records: 80, residents: 40 },
      { region_code: "18.13", records: 100, residents: 50 },
    ]);
    const plan = rowsOf<{ "QUERY PLAN": string }>(await reader.db.execute(sql`explain verbose ${statement}`))
      .map((r) => r["QUERY PLAN"])
      .join("\n");
    expect(
      plan.match(
        /Remote SQL: SELECT region_code, count\(\*\)::integer, count\(DISTINCT resident_id\)::integer FROM public\.service_records_r18_(?:01|12|13) GROUP BY 1/g,
      ),
    ).toHaveLength(3);
  });

  it("adds a later migration's columns to the regions' servers at start-up, once", async () => {
    const remote: [number, string][] = [
      [0, "service_records_r18_12"],
      [0, "service_records_r18_01"],
      [1, "service_records_r18_13"],
    ];
    const columnsOn = async (i: number, table: string) =>
      servers[i].sql`select column_name::text as name, data_type::text as type, is_nullable::text as nullable,
        column_default::text as default from information_schema.columns where table_name = ${table} order by ordinal_position`;
    const restorePort = () =>
      handle.db.execute(sql.raw(`alter server region_18_13 options (set port '${new URL(nodes[1]).port}')`));
    const snapshot = async () => Promise.all(remote.map(([i, table]) => columnsOn(i, table)));
    const probe = sql`select count(*)::int as n from service_records where region_code = '18.12' and probe_extra is null and not probe_flag`;
    // As a migration would: the parent and, by recursion, the foreign partitions' definitions get the columns.
    await handle.db.execute(sql`alter table service_records add column probe_extra text`);
    await handle.db.execute(sql`alter table service_records add column probe_flag boolean not null default false`);
    await servers[1].sql`alter table service_records_r18_13 add column probe_remote integer`;
    try {
      // The region's server has neither: reading them for 18.12 fails, and so does its import.
      await expect(handle.db.execute(probe)).rejects.toThrow(/probe_extra|probe_flag/);
      expect((await columnsOn(0, "service_records_r18_12")).map((c) => c.name)).not.toContain("probe_extra");
      const refused = await importInto("18.12", 45).catch((e: Error) => e);
      expect(refused instanceof Error ? refused.message : refused.status).not.toBe("done");

      // Start-up after migrations (the same path the app takes).
      await prepareDatabase(handle, {
        seedDemo: false,
        demoPassword: "unused-password",
        regionCode: "18.11",
        partitioning: "region",
      });
      for (const columns of await snapshot())
        expect(columns).toEqual(
          expect.arrayContaining([
            { name: "probe_extra", type: "text", nullable: "YES", default: null },
            { name: "probe_flag", type: "boolean", nullable: "NO", default: "false" },
          ]),
        );
      expect(rowsOf<{ n: number }>(await handle.db.execute(probe))[0].n).toBe(80);
      expect(await importInto("18.12", 45)).toMatchObject({ status: "done", accepted: 10 });
      expect(await servers[0].count("service_records_r18_12")).toBe(90);

      // A second run adds nothing and changes nothing; the column only a region's server has is reported, left alone.
      const before = await snapshot();
      expect(await syncForeignColumns(handle.db)).toEqual({
        added: [],
        extra: [{ server: "region_18_13", table: "service_records_r18_13", column: "probe_remote" }],
        differing: [],
        failed: [],
      });
      expect(await snapshot()).toEqual(before);

      // A region's server out of reach is reported and the others still go ahead.
      await handle.db.execute(sql`alter server region_18_13 options (set port '1')`);
      await handle.db.execute(sql`alter table service_records add column probe_late text`);
      const partial = await syncForeignColumns(handle.db);
      await restorePort();
      expect(partial.failed.map((f) => f.server)).toEqual(["region_18_13"]);
      expect(partial.added).toEqual([
        { server: "region_18_01", table: "service_records_r18_01", column: "probe_late" },
        { server: "region_18_12", table: "service_records_r18_12", column: "probe_late" },
      ]);
      expect((await syncForeignColumns(handle.db)).added).toEqual([
        { server: "region_18_13", table: "service_records_r18_13", column: "probe_late" },
      ]);
    } finally {
      await restorePort();
      await handle.db.execute(
        sql`alter table service_records drop column if exists probe_extra, drop column if exists probe_flag, drop column if exists probe_late`,
      );
      for (const [i, table] of remote)
        await servers[i].sql.unsafe(
          `alter table ${table} drop column if exists probe_extra, drop column if exists probe_flag, drop column if exists probe_late, drop column if exists probe_remote`,
        );
    }
  });
});
