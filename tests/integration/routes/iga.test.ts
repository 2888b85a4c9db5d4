import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as assessments from "@/app/api/v1/iga/[year]/assessments/route";
import * as addEvidence from "@/app/api/v1/iga/[year]/evidence/route";
import * as score from "@/app/api/v1/iga/[year]/score/route";
import * as todo from "@/app/api/v1/iga/[year]/todo/route";
import * as file from "@/app/api/v1/iga/evidence/[id]/file/route";
import * as review from "@/app/api/v1/iga/evidence/[id]/review/route";
import * as evidence from "@/app/api/v1/iga/evidence/[id]/route";
import * as framework from "@/app/api/v1/iga/frameworks/[year]/route";
import * as status from "@/app/api/v1/iga/frameworks/[year]/status/route";
import * as frameworks from "@/app/api/v1/iga/frameworks/route";
import type { DatabaseHandle } from "@/db/client";
import { igaSubmissions } from "@/db/schema/iga-submissions";
import { samplePdf } from "@/lib/iga/sample-pdf";
import { innovationIdByName } from "@/tests/helpers/beneficiary-fixtures";
import { seedDemoData } from "@/tests/helpers/fixtures";
import { callRoute } from "@/tests/helpers/routes";
import { databaseCases } from "../support";

/* The IGA routes, called as Next calls them, on a real database with the 2023 rule set. */

const opd = { email: "opd@demo.local" };
const admin = { email: "admin@demo.local" };
const evaluator = { email: "evaluator@demo.local" };
const Y = { year: "2023" };

describe.each(databaseCases())("IGA API routes (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let payo: string;
  const call = (h: unknown, method: string, caller: { email: string | null }, rest = {}) =>
    callRoute(handle.db, h, method, caller, rest);

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    payo = await innovationIdByName(handle.db, "Payo Beladas");
    // Payo Beladas was sent for 2023, so its levels count toward the index (only submitted ones do).
    await handle.db
      .insert(igaSubmissions)
      .values({ regionCode: "18.11", year: 2023, innovationId: payo, status: "submitted" });
  });
  afterAll(() => handle.close());

  it("frameworks: list, read one (404 for a year that is no year), clone (admin), edit and status with the version read", async () => {
    const items: { year: number; status: string }[] = (await call(frameworks.GET, "GET", opd)).body.items;
    expect(items.find((i) => i.year === 2023)).toMatchObject({ year: 2023, status: "active" });
    const read = await call(framework.GET, "GET", opd, { params: Y });
    expect(read).toMatchObject({ status: 200, body: { year: 2023, status: "active" } });
    expect(await call(framework.GET, "GET", opd, { params: { year: "abc" } })).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    const clone = await call(frameworks.POST, "POST", admin, { body: { fromYear: 2023, toYear: 2030 } });
    expect(clone).toMatchObject({ status: 200, body: { year: 2030, status: "draft", version: 1 } });
    expect(await call(frameworks.POST, "POST", admin, { body: { fromYear: 2023, toYear: 2030 } })).toMatchObject({
      status: 409,
      body: { error: { code: "iga_framework_exists" } },
    });
    const { status: _s, version, rawFormula: _r, ...ruleSet } = clone.body;
    const edited = await call(framework.PUT, "PUT", admin, {
      params: { year: "2030" },
      body: { ...ruleSet, name: "IGA 2030 (draf)", version },
    });
    expect(edited).toMatchObject({ status: 200, body: { name: "IGA 2030 (draf)", version: 2 } });
    expect(
      await call(status.PUT, "PUT", admin, { params: { year: "2030" }, body: { status: "active", version: 1 } }),
    ).toMatchObject({ status: 409, body: { error: { code: "iga_stale_framework" } } });
    expect(
      await call(status.PUT, "PUT", admin, { params: { year: "2030" }, body: { status: "active", version: 2 } }),
    ).toMatchObject({ status: 200, body: { status: "active", version: 3 } });
  });

  it("evidence: a PDF as multipart (201), a link as JSON; no file is 422 no_file; review, the file and DELETE", async () => {
    const form = new FormData();
    form.set("indicatorCode", "INV-01");
    form.set("innovationId", payo);
    form.set("file", new Blob([new Uint8Array(samplePdf(["SK Bupati"]))]), "sk.pdf");
    const added = await call(addEvidence.POST, "POST", opd, { params: Y, body: form });
    expect(added).toMatchObject({
      status: 201,
      body: { kind: "file", mimeType: "application/pdf", fileName: "sk.pdf" },
    });
    const empty = new FormData();
    empty.set("indicatorCode", "INV-01");
    expect(await call(addEvidence.POST, "POST", opd, { params: Y, body: empty })).toMatchObject({
      status: 422,
      body: { error: { code: "no_file" } },
    });
    const link = await call(addEvidence.POST, "POST", opd, {
      params: Y,
      body: { kind: "link", indicatorCode: "INV-20", innovationId: payo, url: "https://youtu.be/payo" },
    });
    expect(link).toMatchObject({ status: 201, body: { kind: "link", url: "https://youtu.be/payo" } });

    const bytes = await call(file.GET, "GET", evaluator, { params: { id: added.body.id }, query: "?download=1" });
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get("content-disposition")).toContain("attachment");
    const reviewed = await call(review.POST, "POST", evaluator, {
      params: { id: added.body.id },
      body: { status: "needs_work" },
    });
    expect(reviewed).toMatchObject({ status: 422, body: { error: { fields: [{ field: "comment" }] } } });
    expect(
      await call(review.POST, "POST", evaluator, { params: { id: added.body.id }, body: { status: "accepted" } }),
    ).toMatchObject({ status: 200, body: { reviewStatus: "accepted" } });
    expect(await call(evidence.DELETE, "DELETE", opd, { params: { id: link.body.id } })).toMatchObject({ status: 200 });
    expect(await call(evidence.DELETE, "DELETE", opd, { params: { id: "../x" } })).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
  });

  it("assessments: PUT a level with the version read (409 when stale), GET shows it; score and to-do follow", async () => {
    const before = await call(score.GET, "GET", opd, { params: Y });
    const read = await call(assessments.GET, "GET", opd, { params: Y, query: `?innovationId=${payo}` });
    const inv01 = read.body.items.find((i: { code: string }) => i.code === "INV-01");
    const put = (version: number) =>
      call(assessments.PUT, "PUT", opd, {
        params: Y,
        body: { indicatorCode: "INV-01", innovationId: payo, level: 2, version },
      });
    expect(await put(inv01.version + 5)).toMatchObject({
      status: 409,
      body: { error: { code: "iga_stale_assessment" } },
    });
    expect(await put(inv01.version)).toMatchObject({
      status: 200,
      body: { level: 2, indicatorCode: "INV-01", year: 2023 },
    });
    const after = await call(score.GET, "GET", opd, { params: Y });
    expect(after.body.index).toBeGreaterThan(before.body.index);
    const steps = await call(todo.GET, "GET", opd, { params: Y, query: "?limit=3" });
    expect(steps).toMatchObject({ status: 200, body: { items: expect.any(Array) } });
    expect(steps.body.items.length).toBeLessThanOrEqual(3);
    expect(await call(score.GET, "GET", opd, { params: { year: "1999" } })).toMatchObject({ status: 404 });
  });
});
