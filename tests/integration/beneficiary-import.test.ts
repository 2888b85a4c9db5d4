import fs from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { importBatches, residents, serviceRecords } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { listBatches, rejectedRowsCsv, undoBatch, getBatch } from "@/lib/beneficiaries/batches";
import { startImportJob } from "@/lib/beneficiaries/batches-jobs";
import { ingestServiceRecords } from "@/lib/beneficiaries/ingest";
import { type ImportOptions, importServiceRecords, MissingColumnsError } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { generateNikKeys, hashNik, setNikKeys } from "@/lib/crypto";
import { CLI_COMMANDS, cliActor } from "@/lib/cli/commands";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "beneficiaries");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
async function* once(bytes: Uint8Array) {
  yield bytes;
}
const NIKS_IN_FIXTURE = [
  "1811010101800001",
  "1811014508900002",
  "1811021203750003",
  "1811010101800005",
  "9911010101800008",
  "1811010101800010",
];

describe.each(databaseCases())("beneficiary import (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let payo: string;
  let pakKur: string;
  beforeAll(async () => {
    setNikKeys(generateNikKeys());
    handle = await database.open();
    await seedDemoData(handle.db);
    const byName = async (name: string) =>
      (await handle.db.select().from(innovations).where(eq(innovations.name, name)))[0].id;
    payo = await byName("Payo Beladas");
    pakKur = await byName("Pak Kur");
  });
  afterAll(async () => {
    await handle.close();
    setNikKeys(null);
  });

  const recordCount = async (innovationId = payo) =>
    (
      await handle.db.select({ n: count() }).from(serviceRecords).where(eq(serviceRecords.innovationId, innovationId))
    )[0].n;
  const run = async (file: string | Buffer, options: Partial<ImportOptions> = {}, email = "bappeda@demo.local") => {
    const bytes = typeof file === "string" ? fixture(file) : file;
    return importServiceRecords(await ctxFor(handle.db, email), {
      innovationId: payo,
      open: () => openRecordFile(once(bytes), typeof file === "string" ? file : "upload.csv"),
      fileName: typeof file === "string" ? file : "upload.csv",
      dryRun: false,
      mode: "default",
      locale: "id",
      source: "upload",
      ...options,
    });
  };
  const FILE = "payo-beladas-semicolon-bom-crlf.csv";

  it("dry run reports without writing; the import writes the valid rows; a re-import counts duplicates", async () => {
    const dry = await run(FILE, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, status: "checked", rows: 12, accepted: 4, duplicates: 1, rejected: 7 });
    expect(dry.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [6, "nik", "nik_excel_damaged"],
      [7, "nik", "nik_length"],
      [8, "tanggal_layanan", "date_invalid"],
      [9, "tanggal_layanan", "date_future"],
      [10, "kode_desa", "desa_unknown"],
      [11, "nilai", "value_invalid"],
      [13, "kanal", "channel_unknown"],
    ]);
    expect(dry.errors[0].message).toMatch(/Excel/);
    // The refusal names the values that are allowed.
    expect(dry.errors[6].message).toMatch(/loket_desa.*kantor.*daring.*jemput_bola/);
    expect(dry.warnings.map((w) => [w.row, w.code])).toEqual([[12, "nik_area_unknown"]]);
    expect(await recordCount()).toBe(0);

    const done = await run(FILE);
    expect(done).toMatchObject({ dryRun: false, status: "done", rows: 12, accepted: 4, duplicates: 1, rejected: 7 });
    expect(await recordCount()).toBe(4);
    // "Loket Desa", "DARING", "Jemput-Bola" stored as their codes; an empty cell as not recorded.
    const channels = await handle.db
      .select({ type: serviceRecords.serviceType, channel: serviceRecords.channel })
      .from(serviceRecords)
      .where(eq(serviceRecords.innovationId, payo));
    expect(channels.map((r) => r.channel).sort()).toEqual(["daring", "jemput_bola", "loket_desa", null]);
    expect(channels.find((r) => r.type === "KTP-el" && r.channel === null)).toBeDefined();

    const again = await run(FILE);
    expect(again).toMatchObject({ accepted: 0, duplicates: 5, rejected: 7 });
    expect(await recordCount()).toBe(4);
    const dryAgain = await run(FILE, { dryRun: true });
    expect(dryAgain).toMatchObject({ accepted: 0, duplicates: 5 });

    // The resident is one row, found by the HMAC of the NIK; the NIK itself is stored only encrypted.
    const [resident] = await handle.db
      .select()
      .from(residents)
      .where(eq(residents.nikHash, hashNik("1811010101800001")));
    expect(resident).toMatchObject({ sex: "L", birthDate: "1980-01-01", issueAreaCode: "181101" });
    expect(resident.nikEncrypted).not.toContain("1811010101800001");
  });

  it("lets the uploader download the rejected rows as CSV to fix and re-upload", async () => {
    const dry = await run(FILE, { dryRun: true, locale: "en" });
    const { csv, fileName } = await rejectedRowsCsv({
      ctx: await ctxFor(handle.db, "bappeda@demo.local"),
      input: { batchId: dry.batchId! },
    });
    expect(fileName).toMatch(/\.csv$/);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      "NIK;Nama Lengkap;Tgl Layanan;Jenis Layanan;Kode Desa;Nilai;Kanal Layanan;source_row;rejection_reason",
    );
    expect(lines).toHaveLength(8);
    expect(lines[7]).toMatch(/Balai Warga;13;.*loket_desa/);
    expect(lines[1]).toContain("1.81101E+15");
    // Another user may not read them (they hold NIKs).
    const other = await caught(
      rejectedRowsCsv({ ctx: await ctxFor(handle.db, "admin@demo.local"), input: { batchId: dry.batchId! } }),
    );
    expect(other).toMatchObject({ code: "rejected_rows_unavailable" });
    // The fixed file (the reason column is ignored as an unknown column) imports.
    const fixed = Buffer.from(`\uFEFF${lines[0]}\r\n${lines[1].replace("1.81101E+15", "1811010202800011")}\r\n`);
    const report = await run(fixed);
    expect(report).toMatchObject({ accepted: 1, rejected: 0 });
    expect(report.warnings.map((w) => w.code)).toContain("columns_ignored");
  });

  it("escapes formulas in the rejected-rows CSV, and a re-import reads the value without the escape", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const file = Buffer.from(
      'nik,nama,tanggal_layanan,jenis_layanan,nilai\n1811010202800011,=HYPERLINK("http://evil.example"),2024-02-30,@SUM(1),-250000\n',
    );
    const dry = await run(file, { dryRun: true });
    const { csv } = await rejectedRowsCsv({ ctx, input: { batchId: dry.batchId! } });
    const row = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/)[1];
    expect(row).toContain("'=HYPERLINK");
    expect(row).toContain("'@SUM(1)");
    expect(row).toContain("'-250000");
    expect(row).not.toMatch(/(^|,)"?[=@+-]/);
    const source = await openRecordFile(once(Buffer.from(csv)), "ditolak.csv");
    let reread: { values: unknown[] } | undefined;
    for await (const batch of source.batches) reread ??= batch[0];
    expect(reread!.values.slice(0, 5)).toEqual([
      "1811010202800011",
      '=HYPERLINK("http://evil.example")',
      "2024-02-30",
      "@SUM(1)",
      "-250000",
    ]);
  });

  it("strict mode writes nothing when a row is rejected, and is recorded as failed", async () => {
    const before = await recordCount(pakKur);
    const report = await run(FILE, { mode: "strict", innovationId: pakKur });
    expect(report).toMatchObject({ status: "failed", rejected: 7 });
    expect(await recordCount(pakKur)).toBe(before);
    const [batch] = await handle.db.select().from(importBatches).where(eq(importBatches.id, report.batchId!));
    expect(batch).toMatchObject({ status: "failed", errorCode: "records_rejected_strict" });
    const ok = await run("standard-comma.csv", { mode: "strict", innovationId: pakKur });
    expect(ok).toMatchObject({ status: "done", accepted: 3 });
  });

  // 12,000 rows: about 20 s on a quiet machine, more when the test files run side by side.
  it(
    "writes a batch all or nothing: a failure after every chunk was written leaves no record and no resident",
    { timeout: 120_000 },
    async () => {
      const rows = Array.from(
        { length: 12_000 },
        (_, i) =>
          `1811${String((i % 7) + 1).padStart(2, "0")}0101${String(70 + (i % 20))}${String((i % 9999) + 1).padStart(4, "0")},Warga ${i},2024-05-0${(i % 9) + 1},Uji Gagal,,`,
      );
      const file = Buffer.from(`nik,nama,tanggal_layanan,jenis_layanan,kode_desa,nilai\n${rows.join("\n")}\n`);
      const residentsBefore = (await handle.db.select({ n: count() }).from(residents))[0].n;
      const recordsBefore = await recordCount();
      const failure = await caught(
        run(file, {
          // Runs inside the write transaction once all 12,000 rows are written, before it commits.
          inTransaction: async (_tx, report) => {
            expect(report.accepted + report.duplicates).toBe(12_000);
            throw new Error("forced failure after the last chunk");
          },
        }),
      );
      expect(String((failure as Error).message)).toMatch(/forced failure/);
      expect(await recordCount()).toBe(recordsBefore);
      expect((await handle.db.select({ n: count() }).from(residents))[0].n).toBe(residentsBefore);
      const big = await run(file);
      expect(big).toMatchObject({ rows: 12_000, rejected: 0 });
      expect(big.accepted + big.duplicates).toBe(12_000);
      expect(await recordCount()).toBe(recordsBefore + big.accepted);
    },
  );

  // Two connections are needed: PGlite has one, so the race exists only on the server.
  it.runIf(_name === "postgresql")(
    "links a resident that a concurrent import committed first, and writes its record",
    async () => {
      const nik = "1811034107850042";
      const line = (date: string) =>
        Buffer.from(
          `nik,nama,tanggal_layanan,jenis_layanan,kode_desa,nilai\n${nik},Warga Serentak,${date},Uji Serentak,,\n`,
        );
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let firstWrote!: () => void;
      const firstWritten = new Promise<void>((resolve) => (firstWrote = resolve));
      // A holds its transaction open after inserting the resident; B then inserts the same resident,
      // waits on A's row, and finds it neither inserted by itself nor in its statement's snapshot.
      const a = run(line("2024-03-01"), {
        inTransaction: async () => {
          firstWrote();
          await gate;
        },
      });
      await firstWritten;
      const b = run(line("2024-03-02"), { innovationId: pakKur });
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      const [ra, rb] = await Promise.all([a, b]);
      expect(ra).toMatchObject({ accepted: 1, duplicates: 0 });
      expect(rb).toMatchObject({ accepted: 1, duplicates: 0 });
      const stored = await handle.db
        .select({ id: residents.id })
        .from(residents)
        .where(eq(residents.nikHash, hashNik(nik)));
      expect(stored).toHaveLength(1);
      const linked = await handle.db
        .select({ n: count() })
        .from(serviceRecords)
        .where(eq(serviceRecords.residentId, stored[0].id));
      expect(linked[0].n).toBe(2);
    },
  );

  it("undoes a batch as a whole, audited, and only once", async () => {
    const dry = await run("standard-comma.csv", { innovationId: pakKur, dryRun: true });
    const pakBefore = await recordCount(pakKur);
    const fresh = await run(
      Buffer.from(
        "nik,tanggal_layanan,jenis_layanan\n1811030303850021,2024-06-01,KUR\n1811030303850022,2024-06-01,KUR\n",
      ),
      { innovationId: pakKur },
    );
    expect(fresh.accepted).toBe(2);
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const undone = await undoBatch({ ctx, input: { batchId: fresh.batchId! } });
    expect(undone.status).toBe("undone");
    expect(await recordCount(pakKur)).toBe(pakBefore);
    // Residents that no record refers to any more are removed with it.
    expect(
      await handle.db
        .select()
        .from(residents)
        .where(eq(residents.nikHash, hashNik("1811030303850021"))),
    ).toEqual([]);
    expect(await caught(undoBatch({ ctx, input: { batchId: fresh.batchId! } }))).toMatchObject({
      status: 409,
      code: "batch_not_undoable",
    });
    expect(await caught(undoBatch({ ctx, input: { batchId: dry.batchId! } }))).toMatchObject({ status: 409 }); // a dry run wrote nothing to undo
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, fresh.batchId!))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(audit).toMatchObject({ action: "beneficiary.import.undo", entity: "import_batch" });
    const list = await listBatches({ ctx, input: { innovationId: pakKur } });
    expect(list.find((b) => b.id === fresh.batchId)?.status).toBe("undone");
  });

  it("checks permissions: agency staff only for their agency, leaders never", async () => {
    expect(await caught(run("standard-comma.csv", { innovationId: pakKur }, "opd@demo.local"))).toMatchObject({
      status: 403,
      code: "forbidden_other_agency",
    });
    expect(await caught(run("standard-comma.csv", {}, "pimpinan@demo.local"))).toBeInstanceOf(ForbiddenError);
    expect(await caught(run("standard-comma.csv", {}, "evaluator@demo.local"))).toBeInstanceOf(ForbiddenError);
    const own = await run("standard-comma.csv", { dryRun: true }, "opd@demo.local");
    expect(own.status).toBe("checked");
    const ctx = await ctxFor(handle.db, "opd@demo.local");
    expect(await caught(listBatches({ ctx, input: { innovationId: pakKur } }))).toMatchObject({ status: 403 });
  });

  it("refuses a file without the required columns and names its headers for a mapping step", async () => {
    const error = await caught(run("unknown-headers.csv"));
    expect(error).toBeInstanceOf(MissingColumnsError);
    expect((error as MissingColumnsError).headers).toEqual([
      "No. Identitas",
      "Penerima",
      "Waktu",
      "Program",
      "Lokasi",
      "Rupiah",
    ]);
    const mapped = await run("unknown-headers.csv", {
      dryRun: true,
      columns: {
        nik: "No. Identitas",
        nama: "Penerima",
        tanggal_layanan: "Waktu",
        jenis_layanan: "Program",
        kode_desa: "Lokasi",
        nilai: "Rupiah",
      },
    });
    expect(mapped).toMatchObject({ rows: 2, rejected: 0 });
  });

  it("replays the JSON API answer for the same Idempotency-Key and body, and refuses another body (409)", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const body = {
      records: [
        {
          nik: "1811040404900031",
          nama: "Api Satu",
          tanggal_layanan: "2024-07-01",
          jenis_layanan: "KUR",
          nilai: 10000000,
          kanal_layanan: "Jemput Bola",
        },
        { nik: "1811040404900032", tanggal_layanan: "02/07/2024", jenis_layanan: "KUR" },
        { nik: 1811040404900030, tanggal_layanan: "2024-07-03", jenis_layanan: "KUR" },
      ],
    };
    const first = await ingestServiceRecords({
      ctx,
      input: { innovationId: pakKur, body, idempotencyKey: "kur-2024-07", locale: "en" },
    });
    expect(first).toMatchObject({ status: 200, replayed: false, body: { accepted: 2, rejected: 1 } });
    const [viaApi] = await handle.db
      .select({ channel: serviceRecords.channel })
      .from(serviceRecords)
      .where(eq(serviceRecords.serviceDate, "2024-07-01"));
    expect(viaApi.channel).toBe("jemput_bola");
    expect((first.body as { errors: { row: number; code: string }[] }).errors).toEqual([
      expect.objectContaining({ row: 3, code: "nik_excel_damaged" }),
    ]);
    const count1 = await recordCount(pakKur);
    const replay = await ingestServiceRecords({
      ctx,
      input: {
        innovationId: pakKur,
        body: { records: body.records.map((r) => ({ ...r })) },
        idempotencyKey: "kur-2024-07",
        locale: "en",
      },
    });
    expect(replay).toMatchObject({ status: 200, replayed: true, body: first.body });
    expect(await recordCount(pakKur)).toBe(count1);
    const conflict = await caught(
      ingestServiceRecords({
        ctx,
        input: {
          innovationId: pakKur,
          body: { records: body.records.slice(1) },
          idempotencyKey: "kur-2024-07",
          locale: "en",
        },
      }),
    );
    expect(conflict).toMatchObject({ status: 409, code: "idempotency_conflict" });
    // Without a key, a retry is counted as duplicates, never as new records.
    const noKey = await ingestServiceRecords({
      ctx,
      input: { innovationId: pakKur, body, idempotencyKey: null, locale: "en" },
    });
    expect(noKey.body).toMatchObject({ accepted: 0, duplicates: 2 });
    const tooMany = await caught(
      ingestServiceRecords({
        ctx,
        input: {
          innovationId: pakKur,
          body: { records: Array.from({ length: 10_001 }, () => ({})) },
          idempotencyKey: null,
          locale: "en",
        },
      }),
    );
    expect(tooMany).toMatchObject({ status: 422, code: "records_too_many" });
    // A strict batch with a rejected record writes nothing, and its answer is not stored for replay.
    const strictBody = {
      records: [
        { nik: "1811040404900033", tanggal_layanan: "2024-07-04", jenis_layanan: "KUR" },
        { nik: "123", tanggal_layanan: "2024-07-04", jenis_layanan: "KUR" },
      ],
      mode: "strict",
    };
    const beforeStrict = await recordCount(pakKur);
    for (let attempt = 0; attempt < 2; attempt++) {
      const strict = await ingestServiceRecords({
        ctx,
        input: { innovationId: pakKur, body: strictBody, idempotencyKey: "kur-strict", locale: "en" },
      });
      expect(strict).toMatchObject({ status: 422, replayed: false, body: { status: "failed", rejected: 1 } });
    }
    expect(await recordCount(pakKur)).toBe(beforeStrict);
  });

  it("runs a page upload as a background job whose batch reports progress and the result", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const { batchId } = await startImportJob(ctx, {
      innovationId: payo,
      body: once(fixture(FILE)),
      fileName: FILE,
      dryRun: true,
      mode: "default",
      locale: "id",
    });
    let batch = await getBatch({ ctx, input: { batchId: batchId } });
    for (let i = 0; i < 200 && batch.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      batch = await getBatch({ ctx, input: { batchId: batchId } });
    }
    expect(batch, JSON.stringify(batch)).toMatchObject({
      status: "checked",
      dryRun: true,
      rows: 12,
      rejected: 7,
      canDownloadRejected: true,
    });
    expect(batch.report?.errors).toHaveLength(7);
    // Starting the job is audited on its own (who, which file), as is the outcome.
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, batchId));
    expect(audits.map((a) => a.action).sort()).toEqual(["beneficiary.import.check", "beneficiary.import.start"]);
    expect(audits.find((a) => a.action === "beneficiary.import.start")?.after).toMatchObject({
      innovationId: payo,
      fileName: FILE,
      dryRun: true,
      source: "upload",
    });
    const { batchId: failedId } = await startImportJob(ctx, {
      innovationId: payo,
      body: once(fixture("unknown-headers.csv")),
      fileName: "x.csv",
      dryRun: true,
      mode: "default",
      locale: "id",
    });
    let failed = await getBatch({ ctx, input: { batchId: failedId } });
    for (let i = 0; i < 200 && failed.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      failed = await getBatch({ ctx, input: { batchId: failedId } });
    }
    expect(failed).toMatchObject({
      status: "failed",
      errorCode: "records_missing_columns",
      headers: ["No. Identitas", "Penerima", "Waktu", "Program", "Lokasi", "Rupiah"],
    });
    // A file broken half-way (an unclosed quote on line 4) fails the job with the line named.
    const broken = Buffer.from(
      'nik,tanggal_layanan,jenis_layanan\n1811010101800001,2024-01-01,KTP-el\n1811010101800001,2024-01-02,KTP-el\n1811010101800001,"2024-01-03,KTP-el\n',
    );
    const { batchId: brokenId } = await startImportJob(ctx, {
      innovationId: payo,
      body: once(broken),
      fileName: "rusak.csv",
      dryRun: false,
      mode: "default",
      locale: "en",
    });
    let brokenBatch = await getBatch({ ctx, input: { batchId: brokenId } });
    for (let i = 0; i < 200 && brokenBatch.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      brokenBatch = await getBatch({ ctx, input: { batchId: brokenId } });
    }
    expect(brokenBatch).toMatchObject({ status: "failed", errorCode: "records_csv_invalid" });
    expect(brokenBatch.failureMessage).toMatch(/broken near line/);
  });

  it("neither echoes nor stores the first row of a file without a header row", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const headerless = Buffer.from(
      "1811-0712-0385-0099,Siti Aminah Rahasia,2024-01-05,KTP-el\n1811074107850001,Budi,2024-01-06,KTP-el\n",
    );
    const error = await caught(run(headerless));
    expect(error).toMatchObject({ code: "records_missing_columns", details: { headers: [] } });
    const { batchId } = await startImportJob(ctx, {
      innovationId: payo,
      body: once(headerless),
      fileName: "tanpa-judul.csv",
      dryRun: false,
      mode: "default",
      locale: "id",
    });
    let batch = await getBatch({ ctx, input: { batchId } });
    for (let i = 0; i < 200 && batch.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      batch = await getBatch({ ctx, input: { batchId } });
    }
    expect(batch).toMatchObject({ status: "failed", errorCode: "records_missing_columns", headers: [] });
    const [stored] = await handle.db.select().from(importBatches).where(eq(importBatches.id, batchId));
    expect(JSON.stringify(stored.report)).not.toMatch(/Siti|0385|0712/);
  });

  it("shows a batch left running by a restart as failed, interrupted", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const [row] = await handle.db
      .insert(importBatches)
      .values({
        regionCode: ctx.actor!.regionCode,
        innovationId: payo,
        source: "upload",
        fileName: "lost.csv",
        mode: "default",
        dryRun: false,
        status: "running",
        createdBy: ctx.actor!.id,
      })
      .returning({ id: importBatches.id });
    expect(await getBatch({ ctx, input: { batchId: row.id } })).toMatchObject({
      status: "failed",
      errorCode: "interrupted",
      progress: null,
    });
    expect((await listBatches({ ctx, input: { innovationId: payo } })).find((b) => b.id === row.id)).toMatchObject({
      status: "failed",
      errorCode: "interrupted",
    });
  });

  it("imports from the command line by innovation name, printing the summary without NIKs", async () => {
    const ctx = { db: handle.db, actor: cliActor(), requestId: "cli" };
    const input = { innovation: "Payo Beladas", file: path.join(FIXTURES, FILE), dryRun: true };
    const { lines } = await CLI_COMMANDS["beneficiary.import"](ctx, input);
    expect(lines[0]).toMatch(/^Dry run \(nothing written\): 12 rows, 0 accepted, 5 duplicates, 7 rejected\.$/);
    expect(lines.join("\n")).toContain("row 6, nik: nik_excel_damaged");
    for (const nik of NIKS_IN_FIXTURE) expect(lines.join("\n")).not.toContain(nik);
    const strict = await CLI_COMMANDS["beneficiary.import"](ctx, { ...input, dryRun: false, strict: true });
    expect(strict.lines[0]).toMatch(/^Strict mode: nothing written/);
    expect(await caught(CLI_COMMANDS["beneficiary.import"](ctx, { ...input, innovation: "Tidak Ada" }))).toMatchObject({
      code: "validation_failed",
    });
    // Two innovations of one name: the command asks for the id instead of picking one.
    const [payoRow] = await handle.db.select().from(innovations).where(eq(innovations.id, payo));
    const [twin] = await handle.db
      .insert(innovations)
      .values({ ...payoRow, id: undefined, slug: null, createdAt: undefined, updatedAt: undefined })
      .returning({ id: innovations.id });
    try {
      const ambiguous = await caught(CLI_COMMANDS["beneficiary.import"](ctx, input));
      expect(ambiguous).toBeInstanceOf(ValidationError);
      expect((ambiguous as ValidationError).issues[0]).toMatchObject({
        path: ["innovation"],
        message: "v.innovationAmbiguous",
      });
    } finally {
      await handle.db.delete(innovations).where(eq(innovations.id, twin.id));
    }
  });

  it("imports XLSX, and keeps quotes and backslashes in service types intact", async () => {
    const report = await run("kur-records.xlsx", { innovationId: pakKur });
    expect(report).toMatchObject({ rows: 5, rejected: 2 });
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [4, "nik_excel_damaged"],
      [7, "date_missing"],
    ]);
    const odd = 'Akta "Lahir" \\ {ulang}, a';
    const csv = Buffer.from(
      `nik;tanggal_layanan;jenis_layanan\n1811060606860041;2024-08-01;"${odd.replace(/"/g, '""')}"\n`,
    );
    expect(await run(csv, { innovationId: pakKur })).toMatchObject({ accepted: 1 });
    const [stored] = await handle.db
      .select({ type: serviceRecords.serviceType })
      .from(serviceRecords)
      .where(eq(serviceRecords.serviceDate, "2024-08-01"));
    expect(stored.type).toBe(odd);
  });

  it("never writes a NIK into reports, audit rows or batch rows", async () => {
    const audit = JSON.stringify(
      await handle.db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.entity} = 'import_batch'`),
    );
    const batches = JSON.stringify(
      (await handle.db.select().from(importBatches)).map((b) => ({ ...b, rejectedRows: null })),
    );
    const report = JSON.stringify(await run(FILE, { dryRun: true }));
    for (const nik of NIKS_IN_FIXTURE) {
      expect(audit).not.toContain(nik);
      expect(batches).not.toContain(nik);
      expect(report).not.toContain(nik);
    }
    expect(audit).toContain("beneficiary.import");
  });
});
