import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { seedIgaDemo } from "@/seed/iga-demo";
import { auditLog } from "@/db/schema/audit-log";
import { igaSnapshots } from "@/db/schema/iga-snapshots";
import { innovations } from "@/db/schema/innovations";
import type { Ctx } from "@/lib/auth/context";
import { setIndicatorLevel } from "@/lib/iga/assessments";
import { assessmentsResponse } from "@/lib/iga/assessment-api";
import { sha256Of } from "@/lib/submissions/canonical";
import { compareSubmissions } from "@/lib/submissions/compare-submissions";
import { freezeSubmission } from "@/lib/submissions/freeze";
import { runPreflight } from "@/lib/submissions/preflight";
import { preflightProblems } from "@/lib/submissions/preflight-rules";
import { readLiveContent } from "@/lib/submissions/read-live";
import { getSubmission, listSubmissions } from "@/lib/submissions/queries";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases, errorText } from "./support";

describe.each(databaseCases())("IGA submission snapshots (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let evaluator: Ctx;
  let payo: string;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    await seedIgaDemo(handle.db, { regionCode: "18.11" });
    evaluator = await ctxFor(handle.db, "evaluator@demo.local");
    [{ id: payo }] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.name, "Payo Beladas"));
  });
  afterAll(() => handle.close());

  it("lists the demo's problems with a link to fix each, and refuses to freeze them without a reason", async () => {
    const check = await runPreflight({ ctx: evaluator, year: 2023 });
    expect(check.innovations).toBeGreaterThan(50);
    expect(check.problems.length).toBeGreaterThan(0);
    for (const p of check.problems) expect(p.href).toMatch(/^\/(innovations|iga)\//);
    // Sample innovations have short designs: flagged with the word count and the edit link.
    const short = check.problems.find((p) => p.code === "design_too_short");
    expect(short).toMatchObject({ href: `/innovations/${short!.innovationId}/edit` });
    expect(await caught(freezeSubmission({ ctx: evaluator, input: { year: 2023 } }))).toMatchObject({
      status: 409,
      code: "submission_preflight_failed",
    });
  });

  it("applies the year's rules: the 2026 basic-service gate, the eligibility window and the two-year limit", async () => {
    const check = await runPreflight({ ctx: evaluator, year: 2026 });
    // The demo's 2026 set covers four of the six basic-service affairs (its count score is 0).
    const gate = check.problems.find((p) => p.code === "basic_services_unmet");
    expect(gate).toMatchObject({ innovationId: null, href: "/iga/2026" });
    const [covered, required, missing] = gate!.detail!.split("|");
    expect([Number(covered), Number(required)]).toEqual([4, 5]);
    expect(missing.split(",").sort()).toEqual(["ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat", "sosial"]);
    expect(check.problems.some((p) => p.code === "not_eligible")).toBe(false);

    // An innovation sent for 2026 whose year applied falls before the window (2024–2026) is listed.
    const sent = (await readLiveContent(evaluator, 2026)).innovations[0];
    await handle.db.update(innovations).set({ yearApplied: 2021 }).where(eq(innovations.id, sent.id));
    try {
      const after = await runPreflight({ ctx: evaluator, year: 2026 });
      expect(after.problems.filter((p) => p.code === "not_eligible")).toEqual([
        expect.objectContaining({
          innovationId: sent.id,
          detail: "2021|2024|2026",
          href: `/innovations/${sent.id}/edit`,
        }),
      ]);
      // Freezing checks the same rules: refused without a reason.
      expect(await caught(freezeSubmission({ ctx: evaluator, input: { year: 2026 } }))).toMatchObject({
        status: 409,
        code: "submission_preflight_failed",
      });
    } finally {
      await handle.db
        .update(innovations)
        .set({ yearApplied: sent.profile.yearApplied })
        .where(eq(innovations.id, sent.id));
    }

    // 2024 allows two assessment years: an innovation already sent in two other years is listed.
    const content2024 = await readLiveContent(evaluator, 2024);
    const first = content2024.innovations[0];
    expect(preflightProblems(content2024).some((p) => p.code === "too_many_years")).toBe(false);
    const tooMany = preflightProblems(content2024, new Map([[first.id, [2023, 2025]]])).filter(
      (p) => p.code === "too_many_years",
    );
    expect(tooMany).toEqual([expect.objectContaining({ innovationId: first.id, detail: "2023, 2025|2" })]);
  });

  it("checks the role before anything else: anonymous 401, agency and leader 403", async () => {
    expect(await caught(freezeSubmission({ ctx: await ctxFor(handle.db, null), input: "junk" }))).toMatchObject({
      status: 401,
    });
    expect(
      await caught(freezeSubmission({ ctx: await ctxFor(handle.db, "opd@demo.local"), input: "junk" })),
    ).toMatchObject({ status: 403 });
    expect(
      await caught(freezeSubmission({ ctx: await ctxFor(handle.db, "pimpinan@demo.local"), input: { year: 2023 } })),
    ).toMatchObject({ status: 403 });
    expect(await caught(listSubmissions({ ctx: await ctxFor(handle.db, null), year: 2023 }))).toMatchObject({
      status: 401,
    });
  });

  it("freezes with an override reason, recorded in the snapshot and the audit trail, under a hash of its content", async () => {
    const frozen = await freezeSubmission({
      ctx: evaluator,
      input: { year: 2023, overrideReason: "Portal ditutup besok; contoh data diperbaiki kemudian" },
    });
    const stored = await getSubmission({ ctx: evaluator, year: 2023, id: frozen.id });
    expect(stored.sha256).toBe(frozen.sha256);
    expect(sha256Of(stored.content)).toBe(frozen.sha256);
    expect(stored.overrideReason).toMatch(/Portal ditutup/);
    expect(stored.problemCount).toBeGreaterThan(0);
    expect(stored.content.innovations.length).toBe(stored.innovationCount);
    expect(stored.content.score.index).toBe(frozen.index);
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "iga.submission.freeze"), eq(auditLog.entityId, frozen.id)));
    expect(audit.after).toMatchObject({ sha256: frozen.sha256, overrideReason: expect.stringMatching(/Portal/) });
  });

  it("never changes in the database: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const [row] = await handle.db.select({ id: igaSnapshots.id }).from(igaSnapshots).limit(1);
    expect(
      errorText(await caught(handle.db.update(igaSnapshots).set({ index: 99 }).where(eq(igaSnapshots.id, row.id)))),
    ).toMatch(/insert-only/);
    expect(errorText(await caught(handle.db.delete(igaSnapshots).where(eq(igaSnapshots.id, row.id))))).toMatch(
      /insert-only/,
    );
    expect(errorText(await caught(handle.db.execute(sql`truncate iga_snapshots`)))).toMatch(/insert-only/);
  });

  it("shows agency staff only snapshots holding their innovations, and leaders the list", async () => {
    const opd = await ctxFor(handle.db, "opd@demo.local");
    const all = await listSubmissions({ ctx: evaluator, year: 2023 });
    const theirs = await listSubmissions({ ctx: opd, year: 2023 });
    const holdsTheirs = (await getSubmission({ ctx: evaluator, year: 2023, id: all[0].id })).content.innovations.some(
      (i) => i.agency.id === opd.actor!.agencyId,
    );
    expect(theirs.length).toBe(holdsTheirs ? all.length : 0);
    expect((await listSubmissions({ ctx: await ctxFor(handle.db, "pimpinan@demo.local"), year: 2023 })).length).toBe(
      all.length,
    );
    expect(await caught(getSubmission({ ctx: evaluator, year: 2022, id: all[0].id }))).toMatchObject({ status: 404 });
  });

  it("keeps the snapshot when the live data changes, and a new snapshot compared with it shows the edit", async () => {
    const [first] = await listSubmissions({ ctx: evaluator, year: 2023 });
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    const view = await assessmentsResponse({ ctx: bappeda, year: 2023, innovationId: payo });
    const target = view.items.find((i) => i.scope === "innovation")!;
    const newLevel = target.level === 1 ? 2 : 1;
    await setIndicatorLevel({
      ctx: bappeda,
      input: {
        year: 2023,
        indicatorCode: target.code,
        innovationId: payo,
        level: newLevel,
        version: target.version,
      } as never,
    });
    const again = await getSubmission({ ctx: evaluator, year: 2023, id: first.id });
    expect(sha256Of(again.content)).toBe(first.sha256);
    const second = await freezeSubmission({
      ctx: evaluator,
      input: { year: 2023, overrideReason: "setelah perbaikan" },
    });
    expect(second.sha256).not.toBe(first.sha256);
    const diff = await compareSubmissions({ ctx: evaluator, year: 2023, id: first.id, other: second.id });
    expect(diff.levels).toContainEqual(
      expect.objectContaining({ innovationId: payo, indicatorCode: target.code, from: target.level, to: newLevel }),
    );
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.index.delta).toBeCloseTo(second.index - first.index, 2);
  });
});
