import { crc32, deflateSync } from "node:zlib";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { igaAssessments, igaEvidence, storedFiles } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { setIndicatorLevel } from "@/lib/iga/assessments";
import { subjectView } from "@/lib/iga/assessment-view";
import { addEvidence, EvidenceFileError } from "@/lib/iga/evidence";
import { removeEvidence } from "@/lib/iga/evidence-remove";
import { openEvidenceFile } from "@/lib/iga/evidence-file";
import { reviewEvidence } from "@/lib/iga/review";
import { samplePdf } from "@/lib/iga/sample-pdf";
import { sha256Hex } from "@/lib/iga/storage";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

/** A real 1×1 PNG: signature, IHDR, one zlib-compressed scanline, IEND, each chunk with its CRC. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.from([0, 0x1f, 0x6f, 0xb0]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of body as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

describe.each(databaseCases())("IGA assessments, evidence and review (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let payo: string;
  let pakKur: string;
  const counts = async () => ({
    files: (await handle.db.select({ n: count() }).from(storedFiles))[0].n,
    evidence: (await handle.db.select({ n: count() }).from(igaEvidence))[0].n,
    assessments: (await handle.db.select({ n: count() }).from(igaAssessments))[0].n,
  });
  const fileInput = (fileName: string, bytes: Uint8Array, extra: Record<string, unknown> = {}) => ({
    year: 2023,
    indicatorCode: "INV-01",
    innovationId: payo,
    kind: "file" as const,
    fileName,
    bytes,
    letterNumber: "188/12/IV.04/2023",
    letterDate: "2023-03-14",
    subject: "SK Kepala Daerah tentang Payo Beladas",
    ...extra,
  });

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    const rows = await handle.db.select({ id: innovations.id, name: innovations.name }).from(innovations);
    payo = rows.find((r) => r.name === "Payo Beladas")!.id;
    pakKur = rows.find((r) => r.name === "Pak Kur")!.id;
  });
  afterAll(() => handle.close());

  describe("levels", () => {
    it("sets an innovation's level for its own agency's staff, with optimistic concurrency and an audit row", async () => {
      const opd = await ctxFor(handle.db, "opd@demo.local");
      const saved = await setIndicatorLevel({
        ctx: opd,
        input: { year: 2023, indicatorCode: "INV-02", innovationId: payo, level: 2, version: 0 },
      });
      expect(saved).toMatchObject({ level: 2, version: 1, indicatorCode: "INV-02", subjectKey: payo });
      const stale = await caught(
        setIndicatorLevel({
          ctx: opd,
          input: { year: 2023, indicatorCode: "INV-02", innovationId: payo, level: 3, version: 0 },
        }),
      );
      expect(stale).toBeInstanceOf(ConflictError);
      expect(stale).toMatchObject({ code: "iga_stale_assessment", params: { version: 1 } });
      const again = await setIndicatorLevel({
        ctx: opd,
        input: { year: 2023, indicatorCode: "INV-02", innovationId: payo, level: 3, version: 1 },
      });
      expect(again.version).toBe(2);
      const audits = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "iga.assessment.set"), eq(auditLog.entityId, saved.id)));
      expect(audits).toHaveLength(2);
      expect(audits.every((a) => a.actorEmail === "opd@demo.local")).toBe(true);
    });

    it("keeps agency staff to their own agency's innovations and region indicators to Bappeda and admin", async () => {
      const opd = await ctxFor(handle.db, "opd@demo.local");
      expect(
        await caught(
          setIndicatorLevel({
            ctx: opd,
            input: { year: 2023, indicatorCode: "INV-02", innovationId: pakKur, level: 1, version: 0 },
          }),
        ),
      ).toMatchObject({
        code: "forbidden_other_agency",
      });
      expect(
        await caught(
          setIndicatorLevel({
            ctx: opd,
            input: { year: 2023, indicatorCode: "SPD-01", innovationId: null, level: 1, version: 0 },
          }),
        ),
      ).toBeInstanceOf(ForbiddenError);
      const evaluator = await ctxFor(handle.db, "evaluator@demo.local");
      expect(
        await caught(
          setIndicatorLevel({
            ctx: evaluator,
            input: { year: 2023, indicatorCode: "INV-02", innovationId: payo, level: 1, version: 0 },
          }),
        ),
      ).toBeInstanceOf(ForbiddenError);
      const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
      const region = await setIndicatorLevel({
        ctx: bappeda,
        input: { year: 2023, indicatorCode: "SPD-01", innovationId: null, level: 3, version: 0 },
      });
      expect(region).toMatchObject({ subjectKey: "region", innovationId: null, level: 3 });
    });

    it("refuses a level outside the indicator's levels, an unknown indicator and a scope mismatch with field errors, changing nothing", async () => {
      const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
      const before = await counts();
      const fieldsOf = async (input: Record<string, unknown>) => {
        const e = await caught(setIndicatorLevel({ ctx: bappeda, input: input as never }));
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues.map((i) => [i.path.join("."), i.message]);
      };
      expect(await fieldsOf({ year: 2023, indicatorCode: "INV-03", innovationId: payo, level: 4, version: 0 })).toEqual(
        [["level", "v.igaLevel"]],
      );
      expect(await fieldsOf({ year: 2023, indicatorCode: "INV-03", innovationId: payo, level: 0, version: 0 })).toEqual(
        [["level", "v.igaLevel"]],
      );
      expect(await fieldsOf({ year: 2023, indicatorCode: "INV-99", innovationId: payo, level: 1, version: 0 })).toEqual(
        [["indicatorCode", "v.igaIndicator"]],
      );
      expect(
        await fieldsOf({ year: 2023, indicatorCode: "SPD-02a", innovationId: payo, level: 1, version: 0 }),
      ).toEqual([["innovationId", "v.igaRegionIndicator"]]);
      expect(await fieldsOf({ year: 2023, indicatorCode: "INV-03", innovationId: null, level: 1, version: 0 })).toEqual(
        [["innovationId", "v.igaInnovationRequired"]],
      );
      expect(
        await caught(
          setIndicatorLevel({
            ctx: bappeda,
            input: { year: 2030, indicatorCode: "INV-03", innovationId: payo, level: 1, version: 0 },
          }),
        ),
      ).toBeInstanceOf(NotFoundError);
      expect(await counts()).toEqual(before);
    });
  });

  describe("evidence", () => {
    it("stores a real PDF with its SHA-256 and letter, serves the same bytes back, and audits it", async () => {
      const opd = await ctxFor(handle.db, "opd@demo.local");
      const pdf = samplePdf(["SK Bupati Mesuji", "Payo Beladas"]);
      const added = await addEvidence({ ctx: opd, input: fileInput("SK Bupati.pdf", pdf) });
      expect(added).toMatchObject({
        kind: "file",
        mimeType: "application/pdf",
        sha256: sha256Hex(pdf),
        size: pdf.length,
        deduplicated: false,
        reviewStatus: "pending",
      });
      expect(added).toMatchObject({
        letterNumber: "188/12/IV.04/2023",
        letterDate: "2023-03-14",
        fileName: "SK Bupati.pdf",
      });
      const [audit] = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "iga.evidence.add"), eq(auditLog.entityId, added.id)));
      expect(audit.actorEmail).toBe("opd@demo.local");

      const pimpinan = await ctxFor(handle.db, "pimpinan@demo.local");
      const served = await openEvidenceFile({ ctx: pimpinan, evidenceId: added.id });
      expect(served.headers.get("content-type")).toBe("application/pdf");
      expect(served.headers.get("content-disposition")).toContain('filename="SK Bupati.pdf"');
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
      expect((await readAll(served.body)).equals(pdf)).toBe(true);
      expect(
        await caught(openEvidenceFile({ ctx: await ctxFor(handle.db, null), evidenceId: added.id })),
      ).toMatchObject({ status: 401 });
      expect(await caught(openEvidenceFile({ ctx: pimpinan, evidenceId: "not-a-uuid" }))).toBeInstanceOf(NotFoundError);
    });

    it("keeps one copy of the same bytes however often and wherever they are attached", async () => {
      const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
      const png = tinyPng();
      const first = await addEvidence({ ctx: bappeda, input: fileInput("foto.png", png, { indicatorCode: "INV-04" }) });
      const second = await addEvidence({
        ctx: bappeda,
        input: fileInput("tangkapan-layar.PNG", png, { indicatorCode: "INV-10", innovationId: pakKur }),
      });
      expect(first.deduplicated).toBe(false);
      expect(second.deduplicated).toBe(true);
      expect(second.fileId).toBe(first.fileId);
      expect(second.mimeType).toBe("image/png");
      const rows = await handle.db
        .select()
        .from(storedFiles)
        .where(eq(storedFiles.sha256, sha256Hex(png)));
      expect(rows).toHaveLength(1);
      expect(rows[0].size).toBe(png.length);
    });

    it("does not tell an agency that another agency attached the same file, and keeps only a safe base name", async () => {
      const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
      const opd = await ctxFor(handle.db, "opd@demo.local");
      const pdf = samplePdf(["Surat yang hanya dimiliki Bappeda"]);
      await addEvidence({ ctx: bappeda, input: fileInput("surat.pdf", pdf, { indicatorCode: "INV-01" }) });
      const theirs = await addEvidence({
        ctx: opd,
        input: fileInput("..\\..\\C:\\rahasia/../surat\u0007.pdf", pdf, { indicatorCode: "INV-15" }),
      });
      expect(theirs.deduplicated).toBe(false);
      expect(theirs.fileName).toBe("surat.pdf");
      const again = await addEvidence({ ctx: opd, input: fileInput(".hidden.pdf", pdf, { indicatorCode: "INV-16" }) });
      expect(again.deduplicated).toBe(true);
      expect(again.fileName).toBe("hidden.pdf");
    });

    it("accepts a JPEG by its content and a link (video) with its letter", async () => {
      const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
      expect(
        (await addEvidence({ ctx: bappeda, input: fileInput("foto.jpeg", jpeg, { indicatorCode: "INV-10" }) }))
          .mimeType,
      ).toBe("image/jpeg");
      const link = await addEvidence({
        ctx: bappeda,
        input: {
          year: 2023,
          indicatorCode: "INV-20",
          innovationId: payo,
          kind: "link",
          url: "https://youtu.be/abc123",
          subject: "Video inovasi",
        },
      });
      expect(link).toMatchObject({
        kind: "link",
        url: "https://youtu.be/abc123",
        fileId: null,
        subject: "Video inovasi",
      });
    });

    it("refuses a text file named .pdf, a PNG named .pdf, an empty file and one over the limit, storing nothing", async () => {
      const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
      const before = await counts();
      const text = Buffer.from("Surat Keputusan Bupati Mesuji\nNomor 188/2023\n", "utf8");
      const notPdf = await caught(
        addEvidence({ ctx: bappeda, input: fileInput("SK.pdf", text, { indicatorCode: "INV-05" }) }),
      );
      expect(notPdf).toBeInstanceOf(EvidenceFileError);
      expect(notPdf).toMatchObject({ status: 422, code: "evidence_type_not_allowed" });
      // A disguised HTML page is the dangerous case: it must never be served back as a document.
      const html = await caught(
        addEvidence({
          ctx: bappeda,
          input: fileInput("SK.pdf", Buffer.from("<html><script>alert(1)</script></html>"), {
            indicatorCode: "INV-05",
          }),
        }),
      );
      expect(html).toMatchObject({ code: "evidence_type_not_allowed" });
      const mismatch = await caught(
        addEvidence({ ctx: bappeda, input: fileInput("SK.pdf", tinyPng(), { indicatorCode: "INV-05" }) }),
      );
      expect(mismatch).toMatchObject({
        status: 422,
        code: "evidence_type_mismatch",
        params: { claimed: "PDF", actual: "PNG" },
      });
      const empty = await caught(
        addEvidence({ ctx: bappeda, input: fileInput("SK.pdf", new Uint8Array(0), { indicatorCode: "INV-05" }) }),
      );
      expect(empty).toMatchObject({ status: 422, code: "evidence_empty" });
      const pdf = samplePdf(["Terlalu besar untuk batas uji"]);
      const large = await caught(
        addEvidence({
          ctx: bappeda,
          input: fileInput("besar.pdf", pdf, { indicatorCode: "INV-05" }),
          maxBytes: pdf.length - 1,
        }),
      );
      expect(large).toMatchObject({ status: 413, code: "evidence_too_large" });
      // At the limit exactly it is accepted: the limit is inclusive.
      await addEvidence({
        ctx: bappeda,
        input: fileInput("pas.pdf", pdf, { indicatorCode: "INV-05" }),
        maxBytes: pdf.length,
      });
      const after = await counts();
      expect(after).toEqual({
        files: before.files + 1,
        evidence: before.evidence + 1,
        assessments: before.assessments + 1,
      });
    });

    it("refuses a bad link, a missing file name and another agency's innovation, storing nothing", async () => {
      const opd = await ctxFor(handle.db, "opd@demo.local");
      const before = await counts();
      const badUrl = await caught(
        addEvidence({
          ctx: opd,
          input: { year: 2023, indicatorCode: "INV-20", innovationId: payo, kind: "link", url: "javascript:alert(1)" },
        }),
      );
      expect((badUrl as ValidationError).issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["url", "v.igaUrl"],
      ]);
      const badDate = await caught(
        addEvidence({ ctx: opd, input: fileInput("a.pdf", samplePdf(["x"]), { letterDate: "14/03/2023" }) }),
      );
      expect((badDate as ValidationError).issues.map((i) => i.path.join("."))).toEqual(["letterDate"]);
      const other = await caught(
        addEvidence({ ctx: opd, input: fileInput("a.pdf", samplePdf(["lain"]), { innovationId: pakKur }) }),
      );
      expect(other).toMatchObject({ code: "forbidden_other_agency" });
      const evaluator = await ctxFor(handle.db, "evaluator@demo.local");
      expect(
        await caught(addEvidence({ ctx: evaluator, input: fileInput("a.pdf", samplePdf(["eval"])) })),
      ).toBeInstanceOf(ForbiddenError);
      expect(await counts()).toEqual(before);
    });
  });

  describe("the indicators tab and review", () => {
    it("scores an indicator 0 without evidence and weight × level with it", async () => {
      const opd = await ctxFor(handle.db, "opd@demo.local");
      // INV-02 has level 3 from the first test but no evidence yet.
      let view = (await subjectView({ ctx: opd, innovationId: payo }))!;
      let inv02 = view.items.find((i) => i.indicator.code === "INV-02")!;
      expect(inv02).toMatchObject({ hasEvidence: false, score: 0, max: 6, assessment: { level: 3 } });
      expect(view).toMatchObject({ year: 2023, canAssess: true, canReview: false });
      expect(view.items).toHaveLength(20);
      await addEvidence({
        ctx: opd,
        input: fileInput("sk-tim.pdf", samplePdf(["SK tim"]), { indicatorCode: "INV-02" }),
      });
      view = (await subjectView({ ctx: opd, innovationId: payo }))!;
      inv02 = view.items.find((i) => i.indicator.code === "INV-02")!;
      expect(inv02).toMatchObject({ hasEvidence: true, score: 6 });
      expect(inv02.evidence[0]).toMatchObject({ fileName: "sk-tim.pdf", mimeType: "application/pdf" });
      const pimpinan = await ctxFor(handle.db, "pimpinan@demo.local");
      expect(await subjectView({ ctx: pimpinan, innovationId: payo })).toMatchObject({
        canAssess: false,
        canReview: false,
      });
      const pakKurView = (await subjectView({ ctx: opd, innovationId: pakKur }))!;
      expect(pakKurView.canAssess).toBe(false);
    });

    it("lets an evaluator mark evidence needs work (with a comment) or accepted, audited; needs work stops it counting", async () => {
      const evaluator = await ctxFor(handle.db, "evaluator@demo.local");
      const opd = await ctxFor(handle.db, "opd@demo.local");
      const piece = (await subjectView({ ctx: opd, innovationId: payo }))!.items.find(
        (i) => i.indicator.code === "INV-02",
      )!.evidence[0];
      const noComment = await caught(
        reviewEvidence({ ctx: evaluator, input: { evidenceId: piece.id, status: "needs_work", comment: "  " } }),
      );
      expect((noComment as ValidationError).issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["comment", "v.igaReviewComment"],
      ]);
      expect(
        await caught(reviewEvidence({ ctx: opd, input: { evidenceId: piece.id, status: "accepted" } })),
      ).toBeInstanceOf(ForbiddenError);
      const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
      expect(
        await caught(reviewEvidence({ ctx: bappeda, input: { evidenceId: piece.id, status: "accepted" } })),
      ).toBeInstanceOf(ForbiddenError);
      expect(
        await caught(
          reviewEvidence({
            ctx: evaluator,
            input: { evidenceId: "00000000-0000-4000-8000-000000000000", status: "accepted" },
          }),
        ),
      ).toBeInstanceOf(NotFoundError);

      const reviewed = await reviewEvidence({
        ctx: evaluator,
        input: { evidenceId: piece.id, status: "needs_work", comment: "Lampirkan halaman tanda tangan." },
      });
      expect(reviewed).toMatchObject({ reviewStatus: "needs_work", reviewComment: "Lampirkan halaman tanda tangan." });
      let inv02 = (await subjectView({ ctx: opd, innovationId: payo }))!.items.find(
        (i) => i.indicator.code === "INV-02",
      )!;
      expect(inv02).toMatchObject({ hasEvidence: false, score: 0 });
      expect(inv02.evidence[0].reviewComment).toBe("Lampirkan halaman tanda tangan.");
      expect((await subjectView({ ctx: evaluator, innovationId: payo }))!.canReview).toBe(true);

      await reviewEvidence({ ctx: evaluator, input: { evidenceId: piece.id, status: "accepted" } });
      inv02 = (await subjectView({ ctx: opd, innovationId: payo }))!.items.find((i) => i.indicator.code === "INV-02")!;
      expect(inv02).toMatchObject({ hasEvidence: true, score: 6 });
      expect(inv02.evidence[0]).toMatchObject({ reviewStatus: "accepted", reviewComment: null });
      const audits = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "iga.evidence.review"), eq(auditLog.entityId, piece.id)));
      expect(audits.map((a) => a.actorEmail)).toEqual(["evaluator@demo.local", "evaluator@demo.local"]);
    });

    it("shows the region's indicators on the region view, assessable by Bappeda only", async () => {
      const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
      const view = (await subjectView({ ctx: bappeda, innovationId: null, year: 2023 }))!;
      expect(view.items).toHaveLength(20);
      expect(view.items.every((i) => i.indicator.scope === "region")).toBe(true);
      expect(view.items.find((i) => i.indicator.code === "SPD-01")).toMatchObject({
        assessment: { level: 3 },
        hasEvidence: false,
        score: 0,
      });
      expect(view.canAssess).toBe(true);
      expect(
        (await subjectView({ ctx: await ctxFor(handle.db, "opd@demo.local"), innovationId: null, year: 2023 }))!
          .canAssess,
      ).toBe(false);
    });
  });
  describe("removal", () => {
    it("removes evidence with the rights to attach it, audited; the bytes go when nothing else points at them", async () => {
      const opd = await ctxFor(handle.db, "opd@demo.local");
      const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
      const pdf = samplePdf(["Dipakai dua kali"]);
      const mine = await addEvidence({ ctx: opd, input: fileInput("dua.pdf", pdf, { indicatorCode: "INV-07" }) });
      const theirs = await addEvidence({
        ctx: bappeda,
        input: fileInput("dua.pdf", pdf, { indicatorCode: "INV-07", innovationId: pakKur }),
      });
      expect(theirs.fileId).toBe(mine.fileId);

      expect(await caught(removeEvidence({ ctx: opd, input: { evidenceId: theirs.id } }))).toMatchObject({
        code: "forbidden_other_agency",
      });
      expect(
        await caught(
          removeEvidence({ ctx: await ctxFor(handle.db, "evaluator@demo.local"), input: { evidenceId: mine.id } }),
        ),
      ).toBeInstanceOf(ForbiddenError);
      expect(
        await caught(removeEvidence({ ctx: opd, input: { evidenceId: "00000000-0000-4000-8000-000000000000" } })),
      ).toBeInstanceOf(NotFoundError);

      expect(await removeEvidence({ ctx: opd, input: { evidenceId: mine.id } })).toEqual({
        id: mine.id,
        deleted: true,
      });
      expect(await handle.db.select().from(igaEvidence).where(eq(igaEvidence.id, mine.id))).toHaveLength(0);
      // Still used by Pak Kur's evidence: the one stored copy stays.
      expect(await handle.db.select().from(storedFiles).where(eq(storedFiles.id, mine.fileId!))).toHaveLength(1);
      await removeEvidence({ ctx: bappeda, input: { evidenceId: theirs.id } });
      expect(await handle.db.select().from(storedFiles).where(eq(storedFiles.id, mine.fileId!))).toHaveLength(0);
      const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, "iga.evidence.remove"));
      expect(audits.map((a) => [a.entityId, a.actorEmail])).toEqual([
        [mine.id, "opd@demo.local"],
        [theirs.id, "bappeda@demo.local"],
      ]);
    });
  });
});
