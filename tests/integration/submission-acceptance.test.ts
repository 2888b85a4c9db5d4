import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { seedIgaDemo } from "@/seed/iga-demo";
import type { Ctx } from "@/lib/auth/context";
import { updateInnovation } from "@/lib/innovations/update-innovation";
import { sha256Of } from "@/lib/submissions/canonical";
import { compareSubmissions } from "@/lib/submissions/compare-submissions";
import { freezeSubmission } from "@/lib/submissions/freeze";
import { APP_VERSION, type Manifest, MANIFEST_FORMAT } from "@/lib/submissions/package/manifest";
import { evidenceEntries } from "@/lib/submissions/package/paths";
import { innovationPdf } from "@/lib/submissions/package/pdf";
import { submissionWorkbook } from "@/lib/submissions/package/xlsx";
import { runPreflight } from "@/lib/submissions/preflight";
import { getSubmission, listSubmissions, type Submission } from "@/lib/submissions/queries";
import { checkManifestSnapshot } from "@/lib/submissions/verify-snapshot";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { pdfText } from "@/tests/helpers/pdf-text";
import { databaseCases } from "./support";

/**
 * Issue 13's "Done when", the parts the package and snapshot tests leave out: a problem the
 * pre-flight lists goes away once fixed at its link, a profile edit after freezing leaves the
 * snapshot as it was and shows in the comparison with a new one, the profile PDF is an A4 document
 * in Indonesian (decimal commas, no English labels) that renders the same bytes every time, the
 * summary sheet names the rule set's own sources, agency staff see no snapshot without theirs, and
 * an evidence file swapped together with its manifest line fails the check against the database.
 */
describe.each(databaseCases())("IGA submission acceptance (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let evaluator: Ctx;
  let bappeda: Ctx;
  let first: Submission;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    await seedIgaDemo(handle.db, { regionCode: "18.11" });
    evaluator = await ctxFor(handle.db, "evaluator@demo.local");
    bappeda = await ctxFor(handle.db, "bappeda@demo.local");
  }, 120_000);
  afterAll(() => handle.close());

  it("drops a listed problem once it is fixed where its link points, then freezes the rest with a reason", async () => {
    const before = await runPreflight({ ctx: evaluator, year: 2023 });
    const problem = before.problems.find((p) => p.code === "profile_incomplete")!;
    expect(problem.href).toBe(`/innovations/${problem.innovationId}/edit`);
    const [row] = await handle.db.select().from(innovations).where(eq(innovations.id, problem.innovationId!));
    const fill = Object.fromEntries(problem.detail!.split(", ").map((f) => [f, `Isian ${f} untuk pengajuan.`]));
    await updateInnovation({ ctx: bappeda, input: { id: row.id, version: row.version, ...fill } });

    const after = await runPreflight({ ctx: evaluator, year: 2023 });
    expect(after.problems.length).toBe(before.problems.length - 1);
    expect(after.problems.some((p) => p.code === "profile_incomplete" && p.innovationId === row.id)).toBe(false);
    const frozen = await freezeSubmission({ ctx: evaluator, input: { year: 2023, overrideReason: "uji penerimaan" } });
    first = await getSubmission({ ctx: evaluator, year: 2023, id: frozen.id });
    expect(first.problemCount).toBe(after.problems.length);
  });

  it("keeps the snapshot through a profile edit, and a new snapshot compared with it shows that field", async () => {
    const target = first.content.innovations.find((i) => i.profile.name === "Payo Beladas")!;
    const [row] = await handle.db.select().from(innovations).where(eq(innovations.id, target.id));
    const results = `${row.results} Diperbarui setelah pembekuan.`;
    await updateInnovation({ ctx: bappeda, input: { id: row.id, version: row.version, results } });

    const again = await getSubmission({ ctx: evaluator, year: 2023, id: first.id });
    expect(again.sha256).toBe(first.sha256);
    expect(sha256Of(again.content)).toBe(first.sha256);
    expect(again.content.innovations.find((i) => i.id === target.id)!.profile.results).toBe(target.profile.results);

    const second = await freezeSubmission({ ctx: evaluator, input: { year: 2023, overrideReason: "setelah edit" } });
    const diff = await compareSubmissions({ ctx: evaluator, year: 2023, id: first.id, other: second.id });
    expect(diff.profiles).toEqual([{ id: target.id, name: "Payo Beladas", fields: ["results"] }]);
    expect(diff).toMatchObject({ added: [], removed: [], levels: [], evidence: [] });
  });

  it("renders a profile as the same A4 document in Indonesian every time", async () => {
    const meta = { id: first.id, sha256: first.sha256, createdAt: first.createdAt, regionName: "Kabupaten Mesuji" };
    const innovation = first.content.innovations.find((i) => i.profile.name === "Payo Beladas")!;
    const pdf = await innovationPdf(first.content, innovation, meta);
    expect((await innovationPdf(first.content, innovation, meta)).equals(pdf)).toBe(true);
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    const comma = (n: number) => n.toFixed(2).replace(".", ",");
    expect(text).toContain(`Skor inovasi: ${comma(innovation.score)} dari ${comma(innovation.max)}`);
    expect(text).toMatch(/Halaman 1 dari \d/);
    for (const english of ["Page ", "Score", "Evidence", "Indicator ", "Accepted", "Pending"])
      expect(text, english).not.toContain(english);
  });

  it("names the rule set's sources and the freeze time in WIB on the summary sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await submissionWorkbook(first.content, first)) as never);
    const rows = new Map<string, unknown>();
    wb.getWorksheet("Ringkasan")!.eachRow((r) => rows.set(String(r.getCell(1).value), r.getCell(2).value));
    const sources = String(rows.get("Sumber aturan"));
    expect(first.content.ruleSet.sources.length).toBeGreaterThan(0);
    for (const s of first.content.ruleSet.sources) expect(sources).toContain(s.title);
    const frozen = rows.get("Dibekukan (WIB)") as Date;
    expect(frozen.getTime() - first.createdAt.getTime()).toBe(7 * 60 * 60 * 1000);
  });

  it("shows agency staff only the snapshots that hold their innovations", async () => {
    const opd = await ctxFor(handle.db, "opd@demo.local");
    const all = await listSubmissions({ ctx: evaluator, year: 2023 });
    const sent = new Set(first.content.innovations.map((i) => i.agency.id));
    expect(sent.has(opd.actor!.agencyId!)).toBe(true);
    expect((await listSubmissions({ ctx: opd, year: 2023 })).map((s) => s.id).sort()).toEqual(
      all.map((s) => s.id).sort(),
    );
    // Staff of an agency with no innovation in the submission (a new one) see none of it.
    const [outside] = await handle.db
      .insert(agencies)
      .values({ regionCode: "18.11", code: "UJI-BARU", name: "Dinas Uji Baru", shortName: "Uji Baru" })
      .returning({ id: agencies.id });
    const stranger: Ctx = { ...opd, actor: { ...opd.actor!, agencyId: outside.id } };
    expect(await listSubmissions({ ctx: stranger, year: 2023 })).toEqual([]);
    expect(await getSubmission({ ctx: stranger, year: 2023, id: first.id }).catch((e) => e.status)).toBe(404);
  });

  it("refuses a manifest whose evidence lines differ from what the snapshot recorded", async () => {
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      appVersion: APP_VERSION,
      createdAt: new Date().toISOString(),
      snapshot: {
        id: first.id,
        sha256: first.sha256,
        year: 2023,
        regionCode: "18.11",
        frozenAt: first.createdAt.toISOString(),
      },
      files: evidenceEntries(first.content).map((e) => ({
        path: e.path,
        size: e.evidence.size!,
        sha256: e.evidence.sha256!,
      })),
    };
    expect(await checkManifestSnapshot({ ctx: evaluator, manifest })).toBe("match");
    const [one, ...rest] = manifest.files;
    const swapped = { ...manifest, files: [{ ...one, sha256: "f".repeat(64) }, ...rest] };
    expect(await checkManifestSnapshot({ ctx: evaluator, manifest: swapped })).toBe("mismatch");
    expect(await checkManifestSnapshot({ ctx: evaluator, manifest: { ...manifest, files: rest } })).toBe("mismatch");
  });
});
