import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import archiver from "archiver";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { seedIgaDemo } from "@/seed/iga-demo";
import type { Ctx } from "@/lib/auth/context";
import { submissionBookFile, submissionPackage, submissionWorkbookFile } from "@/lib/submissions/downloads";
import { freezeSubmission } from "@/lib/submissions/freeze";
import { type Manifest } from "@/lib/submissions/package/manifest";
import { packageFileCount } from "@/lib/submissions/package/zip";
import { getSubmission, type Submission } from "@/lib/submissions/queries";
import { packageJobFile, packageJobStatus, startPackageJob } from "@/lib/submissions/package-jobs";
import { checkPackage } from "@/lib/submissions/verify";
import { checkManifestSnapshot } from "@/lib/submissions/verify-snapshot";
import { verifyLines } from "@/lib/submissions/verify-report";
import { env } from "@/lib/config/env";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { pdfText } from "@/tests/helpers/pdf-text";
import { callRoute } from "@/tests/helpers/routes";
import { caught, databaseCases } from "./support";

/** Every entry of a ZIP as bytes (test packages are small). */
async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (err, s) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        for await (const c of s!) chunks.push(c as Buffer);
        out.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      });
    });
    zip.on("end", resolve);
    zip.readEntry();
  });
  return out;
}

/** A new, well-formed ZIP of the given entries (a tampered copy has valid CRCs, only other bytes). */
async function rezip(entries: Map<string, Buffer>, file: string) {
  const zip = archiver("zip");
  const done = pipeline(zip, fs.createWriteStream(file));
  for (const [name, bytes] of entries) zip.append(bytes, { name });
  await zip.finalize();
  await done;
}

describe.each(databaseCases())("IGA submission package (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let evaluator: Ctx;
  let submission: Submission;
  let dir: string;
  let zipPath: string;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    await seedIgaDemo(handle.db, { regionCode: "18.11" });
    evaluator = await ctxFor(handle.db, "evaluator@demo.local");
    const frozen = await freezeSubmission({ ctx: evaluator, input: { year: 2023, overrideReason: "uji paket" } });
    submission = await getSubmission({ ctx: evaluator, year: 2023, id: frozen.id });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "iga-package-"));
    zipPath = path.join(dir, "package.zip");
    const download = await submissionPackage({ ctx: evaluator, year: 2023, id: frozen.id });
    expect(download.fileName).toMatch(/^iga-2023-[0-9a-f]{8}\.zip$/);
    await pipeline(download.body as Readable, fs.createWriteStream(zipPath));
    files = await unzip(zipPath);
  }, 240_000);
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await handle.close();
  });

  it("holds the workbook, both kinds of PDF, every evidence file byte for byte and the manifest", async () => {
    const n = submission.content.innovations.length;
    expect(files.size).toBe(packageFileCount(submission.content));
    expect([...files.keys()].filter((p) => p.startsWith("profil/"))).toHaveLength(n);
    expect(files.get("profil-inovasi.pdf")!.subarray(0, 5).toString()).toBe("%PDF-");
    const first = submission.content.innovations[0];
    expect(files.has(`profil/001-${first.slug}.pdf`)).toBe(true);
    const manifest = JSON.parse(files.get("manifest.json")!.toString()) as Manifest;
    expect(manifest.snapshot).toMatchObject({ id: submission.id, sha256: submission.sha256, year: 2023 });
    expect(manifest.files).toHaveLength(files.size - 1);
    // Each evidence file's bytes hash to what the snapshot recorded when it was frozen.
    const evidence = manifest.files.filter((f) => f.path.startsWith("bukti/"));
    const recorded = new Set(
      submission.content.innovations.flatMap((i) => i.indicators.flatMap((x) => x.evidence.map((e) => e.sha256))),
    );
    expect(evidence.length).toBeGreaterThan(50);
    for (const f of evidence)
      expect(
        recorded.has(f.sha256) || submission.content.region.some((r) => r.evidence.some((e) => e.sha256 === f.sha256)),
      ).toBe(true);
    expect(evidence.some((f) => /^bukti\/\d{3}-[a-z0-9-]+\/[A-Z]+-\d+-/.test(f.path))).toBe(true);
  });

  it("has one row per innovation in Profil Inovasi, with numbers as numbers and dates as dates", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get("submission.xlsx")! as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Profil Inovasi",
      "Indikator Inovasi",
      "Indikator Pemda",
      "Ringkasan",
    ]);
    const profiles = wb.getWorksheet("Profil Inovasi")!;
    expect(profiles.actualRowCount).toBe(submission.content.innovations.length + 1);
    const header = (profiles.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const payoRow = profiles
      .getRows(2, profiles.actualRowCount - 1)!
      .find((r) => r.getCell(col("Nama inovasi")).value === "Payo Beladas")!;
    expect(payoRow.getCell(col("Waktu penerapan")).value).toBeInstanceOf(Date);
    expect(typeof payoRow.getCell(col("Tahun penerapan (dilaporkan)")).value).toBe("number");
    const summary = wb.getWorksheet("Ringkasan")!;
    const index = summary
      .getRows(2, summary.actualRowCount - 1)!
      .find((r) => r.getCell(1).value === "Indeks Inovasi Daerah")!;
    expect(index.getCell(2).value).toBe(submission.content.score.index);
    expect(wb.getWorksheet("Indikator Inovasi")!.actualRowCount).toBeGreaterThan(submission.content.innovations.length);
  });

  it("holds no NIK anywhere: no 16-digit run in the workbook, the PDFs or the manifest", async () => {
    // A NIK stands alone: not inside a hex hash (SHA-256, ids) nor a PDF colour float (0.2980392156862745).
    const nik = /(?<![0-9a-fA-F.])\d{16}(?![0-9a-fA-F.])/;
    const xlsx = await unzip(
      await (async () => {
        const p = path.join(dir, "x.xlsx");
        fs.writeFileSync(p, files.get("submission.xlsx")!);
        return p;
      })(),
    );
    for (const [name, bytes] of xlsx) expect(nik.test(bytes.toString("utf8")), name).toBe(false);
    for (const [name, bytes] of files) {
      if (name.endsWith(".pdf") && !name.startsWith("bukti/"))
        expect(pdfText(bytes).match(nik)?.[0], name).toBeUndefined();
    }
    expect(nik.test(files.get("manifest.json")!.toString())).toBe(false);
    // The scan reads the pages' words: it would see a NIK if one were printed.
    expect(pdfText(files.get("profil-inovasi.pdf")!)).toMatch(/Daftar\s*isi[\s\S]*Payo\s*Beladas/);
  });

  it("verifies an intact package, and reports a tampered, a missing and an extra file", async () => {
    const intact = await checkPackage(zipPath);
    expect(intact.mismatches).toEqual([]);
    expect(await checkManifestSnapshot({ ctx: evaluator, manifest: intact.manifest })).toBe("match");
    expect(verifyLines(intact, "match").ok).toBe(true);

    const tampered = new Map(files);
    const evidencePath = [...files.keys()].find((p) => p.startsWith("bukti/"))!;
    const bytes = Buffer.from(files.get(evidencePath)!);
    bytes[bytes.length - 1] ^= 0xff;
    tampered.set(evidencePath, bytes);
    tampered.delete("submission.xlsx");
    tampered.set("extra.txt", Buffer.from("tambahan"));
    const badPath = path.join(dir, "tampered.zip");
    await rezip(tampered, badPath);
    const bad = await checkPackage(badPath);
    expect(bad.mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: evidencePath, kind: "sha256" }),
        { path: "submission.xlsx", kind: "missing" },
        { path: "extra.txt", kind: "unlisted" },
      ]),
    );
    expect(bad.mismatches).toHaveLength(3);
    const report = verifyLines(bad, "match");
    expect(report.ok).toBe(false);
    expect(report.lines.join("\n")).toContain(`MISMATCH sha256: ${evidencePath}`);

    // A manifest rewritten to name another hash no longer matches the frozen snapshot.
    const forged = { ...intact.manifest, snapshot: { ...intact.manifest.snapshot, sha256: "0".repeat(64) } };
    expect(await checkManifestSnapshot({ ctx: evaluator, manifest: forged })).toBe("mismatch");
    expect(await caught(checkPackage(Buffer.from("not a zip")))).toMatchObject({
      code: "submission_package_invalid",
      status: 422,
    });
  });

  it("verifies an uploaded package through the route, spooled to a file, and refuses one over VERIFY_MAX_BYTES with 413", async () => {
    const { POST } = await import("@/app/api/v1/iga/[year]/submissions/verify/route");
    const bytes = new Uint8Array(fs.readFileSync(zipPath));
    const call = { params: { year: "2023" }, body: bytes, headers: { "content-type": "application/zip" } };
    const ok = await callRoute(handle.db, POST, "POST", { email: "evaluator@demo.local" }, call);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ intact: true, snapshotMatch: "match", mismatches: [] });
    const form = new FormData();
    form.set("file", new Blob([bytes], { type: "application/zip" }), "package.zip");
    expect(
      (
        await callRoute(
          handle.db,
          POST,
          "POST",
          { email: "pimpinan@demo.local" },
          { params: { year: "2023" }, body: form },
        )
      ).body.intact,
    ).toBe(true);

    const limits = env() as { VERIFY_MAX_BYTES: number };
    const before = limits.VERIFY_MAX_BYTES;
    limits.VERIFY_MAX_BYTES = 64 * 1024;
    try {
      const big = await callRoute(handle.db, POST, "POST", { email: "evaluator@demo.local" }, call);
      expect(big.status).toBe(413);
      expect(big.body.error).toMatchObject({ code: "package_too_large", message: expect.stringContaining("64 KB") });
    } finally {
      limits.VERIFY_MAX_BYTES = before;
    }
    expect(
      (await callRoute(handle.db, POST, "POST", { email: "evaluator@demo.local" }, { params: { year: "2023" } })).body
        .error.code,
    ).toBe("no_file");
  });

  it(
    "lets leaders download the profiles PDF but not the package; the workbook downloads alone",
    { timeout: 120_000 },
    async () => {
      const leader = await ctxFor(handle.db, "pimpinan@demo.local");
      const book = await submissionBookFile({ ctx: leader, year: 2023, id: submission.id });
      expect((book.body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
      expect(await caught(submissionPackage({ ctx: leader, year: 2023, id: submission.id }))).toMatchObject({
        status: 403,
      });
      const xlsx = await submissionWorkbookFile({ ctx: evaluator, year: 2023, id: submission.id });
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe("PK");
      expect(
        await caught(submissionWorkbookFile({ ctx: await ctxFor(handle.db, null), year: 2023, id: submission.id })),
      ).toMatchObject({ status: 401 });
    },
  );

  it("builds the package as a job whose progress its starter can poll until the file is ready", async () => {
    const job = await startPackageJob({ ctx: evaluator, year: 2023, id: submission.id });
    expect(job).toMatchObject({ status: "running", submissionId: submission.id });
    const seen: number[] = [];
    let status = packageJobStatus({ ctx: evaluator, jobId: job.jobId });
    for (let i = 0; i < 600 && status.status === "running"; i++) {
      if (i === 0)
        expect(await caught(() => packageJobFile({ ctx: evaluator, jobId: job.jobId }))).toMatchObject({
          status: 409,
          code: "submission_package_not_ready",
        });
      seen.push(status.done);
      await new Promise((r) => setTimeout(r, 200));
      status = packageJobStatus({ ctx: evaluator, jobId: job.jobId });
    }
    expect(status).toMatchObject({
      status: "done",
      done: packageFileCount(submission.content),
      total: packageFileCount(submission.content),
    });
    expect(new Set(seen).size).toBeGreaterThan(1);
    // Someone else (even with the permission) does not see another person's job.
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    expect(await caught(() => packageJobStatus({ ctx: bappeda, jobId: job.jobId }))).toMatchObject({ status: 404 });
    const out = path.join(dir, "job.zip");
    await pipeline(packageJobFile({ ctx: evaluator, jobId: job.jobId }).body as Readable, fs.createWriteStream(out));
    expect((await checkPackage(out)).mismatches).toEqual([]);
  }, 240_000);
});
