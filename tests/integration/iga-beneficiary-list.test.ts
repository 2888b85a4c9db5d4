import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { residents } from "@/db/schema/beneficiaries";
import { decryptStored } from "@/lib/crypto";
import { igaEvidence } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import { seedBeneficiariesDemo } from "@/seed/beneficiaries-demo";
import { seedIgaDemo } from "@/seed/iga-demo";
import { attachBeneficiaryList } from "@/lib/iga/beneficiary-list";
import { openEvidenceFile } from "@/lib/iga/evidence-file";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { pdfText } from "@/tests/helpers/pdf-text";
import { callRoute } from "@/tests/helpers/routes";
import { caught, databaseCases } from "./support";

async function bytesOf(body: unknown): Promise<Buffer> {
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

describe.each(databaseCases())("beneficiary list as IGA evidence (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let payo: string;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    await seedIgaDemo(handle.db, { regionCode: "18.11" });
    await seedBeneficiariesDemo(handle.db, { regionCode: "18.11" });
    [{ id: payo }] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.name, "Payo Beladas"));
  }, 240_000);
  afterAll(() => handle.close());

  it("attaches a PDF of masked NIKs (no whole NIK, no name) to the benefit indicator, pending review, audited as a beneficiary list", async () => {
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    const added = await attachBeneficiaryList({ ctx: bappeda, input: { innovationId: payo, year: 2023 } });
    expect(added).toMatchObject({
      kind: "file",
      fileName: "daftar-penerima-manfaat-2023.pdf",
      reviewStatus: "pending",
      mimeType: "application/pdf",
    });
    expect(added.subject).toMatch(/Payo Beladas.*NIK tersamar/);

    const file = await openEvidenceFile({ ctx: bappeda, evidenceId: added.id, download: true });
    const text = pdfText(await bytesOf(file.body));
    expect(text).toMatch(/DAFTAR\s+PENERIMA\s+MANFAAT/);
    expect(text).toMatch(/\d{6}\*{6}\d{4}/); // masked: area, six stars, serial
    expect(text).not.toMatch(/\d{16}/);
    expect(text).not.toMatch(/\d{7,}/); // nothing longer than the visible parts
    const named = await handle.db
      .select({ name: residents.nameEncrypted })
      .from(residents)
      .where(isNotNull(residents.nameEncrypted))
      .limit(50);
    expect(named.length).toBeGreaterThan(0);
    for (const r of named) expect(text).not.toContain(decryptStored(r.name!, "name"));

    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "iga.evidence.beneficiary_list"), eq(auditLog.entityId, added.id)));
    expect(audit.after).toMatchObject({
      indicatorCode: added.indicatorCode,
      residents: expect.any(Number),
      listed: expect.any(Number),
    });
    expect((audit.after as { residents: number }).residents).toBeGreaterThan(0);
    // a NIK is 16 digits standing alone; the file's SHA-256 (hex) may hold 16 digits in a row by chance
    expect(JSON.stringify(audit.after)).not.toMatch(/(?<![0-9a-f])\d{16}(?![0-9a-f])/);
  });

  it("answers the route with 201 and the evidence, for a bearer of Bappeda's session", async () => {
    const { POST } = await import("@/app/api/v1/iga/[year]/innovations/[innovationId]/beneficiary-list/route");
    const [{ id: pakKur }] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.name, "Pak Kur"));
    const res = await callRoute(
      handle.db,
      POST,
      "POST",
      { email: "bappeda@demo.local" },
      { params: { year: "2024", innovationId: pakKur }, headers: { origin: "http://localhost" } },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: "daftar-penerima-manfaat-2024.pdf", reviewStatus: "pending" });
    const refused = await callRoute(
      handle.db,
      POST,
      "POST",
      { email: "pimpinan@demo.local" },
      { params: { year: "2024", innovationId: pakKur }, headers: { origin: "http://localhost" } },
    );
    expect(refused.status).toBe(403);
  });

  it("is Bappeda's and the admin's: anonymous 401, agency, leader and evaluator 403; nothing stored", async () => {
    const before = (await handle.db.select({ id: igaEvidence.id }).from(igaEvidence)).length;
    expect(await caught(attachBeneficiaryList({ ctx: await ctxFor(handle.db, null), input: "junk" }))).toMatchObject({
      status: 401,
    });
    for (const email of ["opd@demo.local", "pimpinan@demo.local", "evaluator@demo.local"]) {
      expect(
        await caught(attachBeneficiaryList({ ctx: await ctxFor(handle.db, email), input: "junk" })),
        email,
      ).toMatchObject({ status: 403 });
    }
    const admin = await ctxFor(handle.db, "admin@demo.local");
    expect(await caught(attachBeneficiaryList({ ctx: admin, input: { innovationId: "x", year: 2023 } }))).toMatchObject(
      { status: 422 },
    );
    // An innovation the register has no service of: nothing to list.
    const [sample] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.isSample, true))
      .limit(1);
    expect(
      await caught(attachBeneficiaryList({ ctx: admin, input: { innovationId: sample.id, year: 2023 } })),
    ).toMatchObject({ status: 422, code: "no_beneficiaries" });
    expect((await handle.db.select({ id: igaEvidence.id }).from(igaEvidence)).length).toBe(before);
  });
});
