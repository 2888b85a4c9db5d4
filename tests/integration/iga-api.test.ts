import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evidenceInputFromRequest, pathEvidenceId, pathYear } from "@/app/api/v1/iga/request";
import { readJsonObject } from "@/lib/http/request";
import type { DatabaseHandle } from "@/db/client";
import { innovations } from "@/db/schema/innovations";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assessmentsResponse } from "@/lib/iga/assessment-api";
import { setIndicatorLevel } from "@/lib/iga/assessments";
import { addEvidence } from "@/lib/iga/evidence";
import { listFrameworks } from "@/lib/iga/frameworks";
import { samplePdf } from "@/lib/iga/sample-pdf";
import type { SetLevelInput } from "@/lib/iga/schemas";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

/*
 * The IGA route handlers are thin: read the request (app/api/v1/iga/request.ts), call lib. These
 * tests drive that same reading with real Request objects and then the lib call the route makes.
 */

const URL_BASE = "http://localhost/api/v1/iga/2023/evidence";

function multipart(fields: Record<string, string | Blob>, fileName?: string): Request {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") form.set(key, value);
    else form.set(key, value, fileName);
  }
  return new Request(URL_BASE, { method: "POST", body: form });
}

describe.each(databaseCases())("IGA API request handling (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let payo: string;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    [{ id: payo }] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.name, "Payo Beladas"));
  });
  afterAll(() => handle.close());

  it("maps path parameters: a year or id that cannot name anything is a 404", () => {
    expect(pathYear({ year: "2023" })).toBe(2023);
    expect(() => pathYear({ year: "abc" })).toThrow(NotFoundError);
    expect(() => pathYear({ year: "1999" })).toThrow(NotFoundError);
    expect(() => pathEvidenceId({ id: "../../etc" })).toThrow(NotFoundError);
    expect(pathEvidenceId({ id: "00000000-0000-4000-8000-000000000000" })).toBe("00000000-0000-4000-8000-000000000000");
  });

  it("attaches an uploaded PDF sent as multipart, with its letter fields", async () => {
    const opd = await ctxFor(handle.db, "opd@demo.local");
    const pdf = samplePdf(["SK Kepala Daerah", "Payo Beladas"]);
    const req = multipart(
      {
        indicatorCode: "INV-01",
        innovationId: payo,
        letterNumber: "188/7/2023",
        letterDate: "2023-02-01",
        subject: "SK Bupati",
        file: new Blob([new Uint8Array(pdf)]),
      },
      "sk-bupati.pdf",
    );
    const input = await evidenceInputFromRequest(req, 2023, 10 * 1024 * 1024);
    expect(input).toMatchObject({
      kind: "file",
      year: 2023,
      fileName: "sk-bupati.pdf",
      indicatorCode: "INV-01",
      letterNumber: "188/7/2023",
    });
    const row = await addEvidence({ ctx: opd, input });
    expect(row).toMatchObject({
      mimeType: "application/pdf",
      size: pdf.length,
      subject: "SK Bupati",
      letterDate: "2023-02-01",
    });
  });

  it("refuses a multipart body without a file, and one announced over the limit before reading it", async () => {
    expect(await caught(evidenceInputFromRequest(multipart({ indicatorCode: "INV-01" }), 2023, 1024))).toMatchObject({
      code: "no_file",
      status: 422,
    });
    const big = new Request(URL_BASE, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) },
      body: "--x--",
    });
    expect(await caught(evidenceInputFromRequest(big, 2023, 10 * 1024 * 1024))).toMatchObject({
      code: "evidence_too_large",
      status: 413,
      params: { maxMb: "10" },
    });
    // Over the proxy's 10 MB body limit the body would arrive cut: refused up front even when
    // EVIDENCE_MAX_BYTES is set higher.
    const cut = new Request(URL_BASE, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024 + 1) },
      body: "--x--",
    });
    expect(await caught(evidenceInputFromRequest(cut, 2023, 20 * 1024 * 1024))).toMatchObject({
      code: "evidence_too_large",
      params: { maxMb: "10" },
    });
    const overFile = multipart(
      { indicatorCode: "INV-01", file: new Blob([new Uint8Array(samplePdf(["x".repeat(200)]))]) },
      "a.pdf",
    );
    expect(await caught(evidenceInputFromRequest(overFile, 2023, 100))).toMatchObject({ code: "evidence_too_large" });
  });

  it("reads a JSON body as a link, and refuses a body that is not a JSON object with 422", async () => {
    const opd = await ctxFor(handle.db, "opd@demo.local");
    const req = new Request(URL_BASE, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        kind: "link",
        indicatorCode: "INV-20",
        innovationId: payo,
        url: "https://youtu.be/payo",
        year: 1990,
      }),
    });
    const input = await evidenceInputFromRequest(req, 2023, 1024);
    expect(input.year).toBe(2023); // the path wins over the body
    expect(await addEvidence({ ctx: opd, input })).toMatchObject({ kind: "link", url: "https://youtu.be/payo" });
    for (const body of ["not json", "[1,2]", "42"]) {
      const bad = new Request(URL_BASE, { method: "POST", headers: { "content-type": "application/json" }, body });
      const e = await caught(readJsonObject(bad));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0].message).toBe("v.jsonBody");
    }
  });

  it("PUT level: a level outside the indicator's levels is a 422 on `level`; the GET shows the version to send back", async () => {
    const opd = await ctxFor(handle.db, "opd@demo.local");
    const put = (body: Record<string, unknown>) =>
      setIndicatorLevel({ ctx: opd, input: { ...body, year: 2023 } as SetLevelInput });
    const e = await caught(put({ indicatorCode: "INV-01", innovationId: payo, level: 5, version: 0 }));
    expect(e).toMatchObject({ status: 422 });
    expect((e as ValidationError).issues.map((i) => i.path.join("."))).toEqual(["level"]);
    expect(await caught(put({ indicatorCode: "INV-01", innovationId: payo, level: "2", version: 0 }))).toMatchObject({
      status: 422,
    });
    // Evidence came first, so the assessment exists (level null): the GET tells the version to send.
    const read = await assessmentsResponse({ ctx: opd, year: 2023, innovationId: payo });
    expect(read.items.find((i) => i.code === "INV-01")).toMatchObject({
      level: null,
      version: 1,
      hasEvidence: true,
      score: 0,
    });
    expect(await caught(put({ indicatorCode: "INV-01", innovationId: payo, level: 2, version: 0 }))).toMatchObject({
      code: "iga_stale_assessment",
    });
    await put({ indicatorCode: "INV-01", innovationId: payo, level: 2, version: 1 });

    const got = await assessmentsResponse({
      ctx: await ctxFor(handle.db, "evaluator@demo.local"),
      year: 2023,
      innovationId: payo,
    });
    const inv01 = got.items.find((i) => i.code === "INV-01")!;
    expect(inv01).toMatchObject({ level: 2, version: 2, hasEvidence: true, score: 6, max: 9, scope: "innovation" });
    expect(inv01.evidence[0]).toMatchObject({ fileName: "sk-bupati.pdf", reviewStatus: "pending" });
    expect(got.items.find((i) => i.code === "INV-18")!.proposedLevel).toEqual({ residents: 0, level: null });
    const region = await assessmentsResponse({
      ctx: await ctxFor(handle.db, "pimpinan@demo.local"),
      year: 2023,
      innovationId: null,
    });
    expect(region.items.every((i) => i.scope === "region")).toBe(true);
    expect(await caught(assessmentsResponse({ ctx: opd, year: 2030, innovationId: payo }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("lists the frameworks for the API", async () => {
    const items = await listFrameworks({ ctx: await ctxFor(handle.db, "evaluator@demo.local") });
    expect(items.find((f) => f.year === 2023)).toMatchObject({
      year: 2023,
      status: "active",
      regionIndicators: 20,
      innovationIndicators: 20,
    });
  });
});
