import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { importBatches } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { deleteInnovation, setInnovationArchived } from "@/lib/innovations/archive-innovation";
import { createInnovation } from "@/lib/innovations/create-innovation";
import { igaAssessments } from "@/db/schema/iga";
import { addEvidence } from "@/lib/iga/evidence";
import { innovationHistory } from "@/lib/innovations/history";
import { updateInnovation } from "@/lib/innovations/update-innovation";
import { agencyIdByCode, ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(" ");

describe.each(databaseCases())("innovation catalogue mutations (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let disdukcapil: string;
  let dinkes: string;
  const payo = async () => (await handle.db.select().from(innovations).where(eq(innovations.name, "Payo Beladas")))[0];
  const auditsFor = (id: string) =>
    handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "innovation"), eq(auditLog.entityId, id)));

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    disdukcapil = await agencyIdByCode(handle.db, "DISDUKCAPIL");
    dinkes = await agencyIdByCode(handle.db, "DINKES");
  });
  afterAll(() => handle.close());

  it("creates an incomplete draft with its completeness and an audit row", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const row = await createInnovation({
      ctx,
      input: { name: "Draf Uji", agencyId: dinkes, stage: "inisiatif", yearApplied: 2024 },
    });
    expect(row.version).toBe(1);
    expect(row.completeness).toBeGreaterThan(0);
    expect(row.completeness).toBeLessThan(100);
    const audits = await auditsFor(row.id);
    expect(audits.map((a) => a.action)).toEqual(["innovation.create"]);
    expect(audits[0].actorEmail).toBe("bappeda@demo.local");
  });

  it("reaches 100% completeness only with a 300-word design and every submission field", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const base = {
      name: "Lengkap Uji",
      agencyId: dinkes,
      stage: "penerapan" as const,
      yearApplied: 2023,
      initiatorType: "opd" as const,
      initiatorName: "Dinkes",
      innovationType: "digital" as const,
      form: "pelayanan_publik" as const,
      theme: "non_tematik" as const,
      mainAffair: "kesehatan",
      trialDate: "2022-01-01",
      implementationDate: "2022-06-01",
      goals: "a",
      benefits: "b",
      results: "c",
    };
    const short = await createInnovation({ ctx, input: { ...base, design: words(299) } });
    expect(short.completeness).toBeLessThan(100);
    const full = await createInnovation({ ctx, input: { ...base, name: "Lengkap Uji 2", design: words(300) } });
    expect(full.completeness).toBe(100);
  });

  it("refuses a trial date after the implementation date, on create and on update, writing nothing", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const input = {
      name: "Tanggal Salah",
      agencyId: dinkes,
      stage: "penerapan" as const,
      yearApplied: 2023,
      trialDate: "2023-05-01",
      implementationDate: "2023-01-01",
    };
    const error = await caught(createInnovation({ ctx, input }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0].path).toEqual(["trialDate"]);
    expect(await handle.db.select().from(innovations).where(eq(innovations.name, "Tanggal Salah"))).toHaveLength(0);
    const p = await payo();
    expect(
      await caught(updateInnovation({ ctx, input: { id: p.id, version: p.version, trialDate: "2023-01-01" } })),
    ).toBeInstanceOf(ValidationError);
  });

  it("lets agency staff edit their own agency's innovation and not another's", async () => {
    const opd = await ctxFor(handle.db, "opd@demo.local");
    const p = await payo();
    const updated = await updateInnovation({
      ctx: opd,
      input: { id: p.id, version: p.version, goals: "Tujuan baru dari OPD" },
    });
    expect(updated.goals).toBe("Tujuan baru dari OPD");
    expect(updated.version).toBe(p.version + 1);
    const [pakKur] = await handle.db.select().from(innovations).where(eq(innovations.name, "Pak Kur"));
    const denied = await caught(
      updateInnovation({ ctx: opd, input: { id: pakKur.id, version: pakKur.version, goals: "x" } }),
    );
    expect((denied as ForbiddenError).code).toBe("forbidden_other_agency");
    expect(
      await caught(
        createInnovation({
          ctx: opd,
          input: { name: "Bukan milik", agencyId: dinkes, stage: "inisiatif", yearApplied: 2024 },
        }),
      ),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await caught(updateInnovation({ ctx: opd, input: { id: p.id, version: updated.version, agencyId: dinkes } })),
    ).toBeInstanceOf(ForbiddenError);
    const leader = await ctxFor(handle.db, "pimpinan@demo.local");
    expect(
      await caught(updateInnovation({ ctx: leader, input: { id: p.id, version: updated.version, goals: "y" } })),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("refuses a stale edit instead of overwriting, and records only the sent fields", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const p = await payo();
    await updateInnovation({ ctx, input: { id: p.id, version: p.version, results: "Hasil versi A" } });
    const stale = await caught(
      updateInnovation({ ctx, input: { id: p.id, version: p.version, results: "Hasil versi B" } }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).code).toBe("stale_version");
    const now = await payo();
    expect(now.results).toBe("Hasil versi A");
    expect(now.otherAffairs).toEqual(p.otherAffairs);
    const [last] = (await auditsFor(p.id)).sort((a, b) => b.id - a.id);
    expect(last.changedFields).toEqual(["results"]);
  });

  it("archives reversibly, and deletes only what nothing depends on", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const row = await createInnovation({
      ctx,
      input: { name: "Arsip Uji", agencyId: disdukcapil, stage: "uji_coba", yearApplied: 2024 },
    });
    const archived = await setInnovationArchived({ ctx, input: { id: row.id, archived: true } });
    expect(archived.archivedAt).not.toBeNull();
    const restored = await setInnovationArchived({ ctx, input: { id: row.id, archived: false } });
    expect(restored.archivedAt).toBeNull();
    await addEvidence({
      ctx,
      input: { year: 2023, kind: "link", indicatorCode: "INV-20", innovationId: row.id, url: "https://youtu.be/arsip" },
    });
    const refused = await caught(deleteInnovation({ ctx, input: { id: row.id } }));
    expect(refused).toMatchObject({
      code: "innovation_has_dependents",
      params: { summary: "evidence: 1, assessments: 1" },
    });
    expect(await handle.db.select().from(innovations).where(eq(innovations.id, row.id))).toHaveLength(1);
    // Evidence goes with its assessment (cascade); then nothing hangs on the innovation.
    await handle.db.delete(igaAssessments).where(eq(igaAssessments.innovationId, row.id));
    await deleteInnovation({ ctx, input: { id: row.id } });
    expect(await handle.db.select().from(innovations).where(eq(innovations.id, row.id))).toHaveLength(0);
    expect((await auditsFor(row.id)).map((a) => a.action).sort()).toEqual([
      "innovation.archive",
      "innovation.create",
      "innovation.delete",
      "innovation.unarchive",
    ]);
  });

  it("refuses, in words, to delete an innovation whose only dependent is a checked (dry-run) import", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const row = await createInnovation({
      ctx,
      input: { name: "Cek Saja", agencyId: disdukcapil, stage: "uji_coba", yearApplied: 2024 },
    });
    await handle.db
      .insert(importBatches)
      .values({ regionCode: "18.11", innovationId: row.id, source: "upload", status: "checked", dryRun: true });
    const refused = await caught(deleteInnovation({ ctx, input: { id: row.id } }));
    expect(refused).toMatchObject({
      status: 409,
      code: "innovation_has_dependents",
      params: { summary: "import_batches: 1" },
    });
    expect(await handle.db.select().from(innovations).where(eq(innovations.id, row.id))).toHaveLength(1);
  });

  it("shows the history as readable before/after differences, newest first, to any reader", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const row = await createInnovation({
      ctx,
      input: { name: "Riwayat Uji", agencyId: dinkes, stage: "inisiatif", yearApplied: 2024 },
    });
    await updateInnovation({ ctx, input: { id: row.id, version: 1, stage: "uji_coba", trialDate: "2024-02-01" } });
    const history = await innovationHistory({ ctx: await ctxFor(handle.db, "evaluator@demo.local"), id: row.id });
    expect(history.map((h) => h.action)).toEqual(["innovation.update", "innovation.create"]);
    expect(history[0].actor).toBe("bappeda@demo.local");
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: "stage", before: "inisiatif", after: "uji_coba" },
        { field: "trialDate", before: null, after: "2024-02-01" },
      ]),
    );
    expect(history[0].changes.map((c) => c.field)).not.toContain("version");
  });
});
