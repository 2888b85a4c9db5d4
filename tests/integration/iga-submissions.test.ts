import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { igaSubmissionEvents, igaSubmissions } from "@/db/schema/iga-submissions";
import { innovations } from "@/db/schema/innovations";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { setIndicatorLevel } from "@/lib/iga/assessments";
import { addEvidence } from "@/lib/iga/evidence";
import { regionScore, regionScoreWithAccepted } from "@/lib/iga/region-score";
import {
  markSubmissionReady,
  returnSubmission,
  submitInnovation,
  verifySubmission,
  withdrawSubmission,
} from "@/lib/iga/submission-change";
import { submissionCounts, submissionView } from "@/lib/iga/submission-view";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

describe.each(databaseCases())("IGA submission workflow (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let payo: string;
  let pakKur: string;
  const ctx = (email: string | null) => ctxFor(handle.db, email);
  const idOf = async (name: string) =>
    (await handle.db.select({ id: innovations.id }).from(innovations).where(eq(innovations.name, name)))[0].id;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    payo = await idOf("Payo Beladas");
    pakKur = await idOf("Pak Kur");
  });
  afterAll(() => handle.close());

  it("refuses 'ready' with the reasons while no level has evidence, and checks the role before the body", async () => {
    const opd = await ctx("opd@demo.local");
    const refused = await caught(
      markSubmissionReady({ ctx: opd, input: { year: 2023, innovationId: payo, version: 0 } }),
    );
    expect(refused).toMatchObject({
      status: 422,
      code: "iga_submission_not_ready",
      details: { problems: [{ kind: "no_levels" }] },
    });
    // permission first: anonymous 401 and a leader 403 even with a body that would not parse
    expect(await caught(markSubmissionReady({ ctx: await ctx(null), input: "nonsense" }))).toMatchObject({
      status: 401,
    });
    expect(
      await caught(markSubmissionReady({ ctx: await ctx("pimpinan@demo.local"), input: "nonsense" })),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await caught(markSubmissionReady({ ctx: opd, input: { year: 2023, innovationId: "x", version: 0 } })),
    ).toBeInstanceOf(ValidationError);
    // another agency's innovation: Disdukcapil staff cannot touch Pak Kur (Setda)
    expect(
      await caught(markSubmissionReady({ ctx: opd, input: { year: 2023, innovationId: pakKur, version: 0 } })),
    ).toMatchObject({ code: "forbidden_other_agency" });
  });

  it("moves draft → ready → submitted → returned → submitted → verified, counting it only once submitted", async () => {
    const opd = await ctx("opd@demo.local");
    const bappeda = await ctx("bappeda@demo.local");
    const evaluator = await ctx("evaluator@demo.local");
    await setIndicatorLevel({
      ctx: opd,
      input: { year: 2023, indicatorCode: "INV-20", innovationId: payo, level: 3, version: 0 },
    });
    // a level without evidence is named as the problem
    const noEvidence = await caught(
      markSubmissionReady({ ctx: opd, input: { year: 2023, innovationId: payo, version: 0 } }),
    );
    expect(noEvidence).toMatchObject({ details: { problems: [{ kind: "evidence", code: "INV-20" }] } });
    await addEvidence({
      ctx: opd,
      input: {
        year: 2023,
        indicatorCode: "INV-20",
        innovationId: payo,
        kind: "link",
        url: "https://example.org/video",
      },
    });

    const ready = await markSubmissionReady({ ctx: opd, input: { year: 2023, innovationId: payo, version: 0 } });
    expect([ready.status, ready.version]).toEqual(["ready", 1]);
    // ready counts for "if you submitted today", not for what is submitted: n = 0 → Tidak Dapat Dinilai
    const both = await regionScoreWithAccepted({ ctx: bappeda, year: 2023 });
    expect([both.ready.innovations, both.submitted.innovations]).toEqual([1, 0]);
    expect(both.submitted.category).toBe("Tidak Dapat Dinilai");
    // INV-20 (w 4) × 3 = 12 → SID 12 / max(10, 1) = 1.2; count 0.38 → (1.2 + 0.38) / 2.5 = 0.632
    expect(both.ready.index).toBe(0.63);

    expect(
      await caught(submitInnovation({ ctx: opd, input: { year: 2023, innovationId: payo, version: 1 } })),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await caught(submitInnovation({ ctx: bappeda, input: { year: 2023, innovationId: payo, version: 0 } })),
    ).toMatchObject({ status: 409, code: "iga_stale_submission" });
    const sent = await submitInnovation({ ctx: bappeda, input: { year: 2023, innovationId: payo, version: 1 } });
    expect(sent.status).toBe("submitted");
    expect((await regionScore({ ctx: bappeda, year: 2023 })).result.innovations).toBe(1);
    // a submitted innovation cannot be marked ready again
    expect(
      await caught(markSubmissionReady({ ctx: opd, input: { year: 2023, innovationId: payo, version: 2 } })),
    ).toMatchObject({ code: "iga_submission_transition" });

    // returning needs at least one note saying what to fix
    expect(
      await caught(
        returnSubmission({ ctx: evaluator, input: { year: 2023, innovationId: payo, version: 2, notes: {} } }),
      ),
    ).toBeInstanceOf(ValidationError);
    expect(
      await caught(
        returnSubmission({
          ctx: bappeda,
          input: { year: 2023, innovationId: payo, version: 2, notes: { design: "x" } },
        }),
      ),
    ).toBeInstanceOf(ForbiddenError);
    const notes = { design: "Rancang bangun belum memuat data permasalahan.", "INV-20": "Video lebih dari 5 menit." };
    const returned = await returnSubmission({
      ctx: evaluator,
      input: { year: 2023, innovationId: payo, version: 2, notes },
    });
    expect([returned.status, returned.returnNotes]).toEqual(["returned", notes]);
    expect((await regionScore({ ctx: bappeda, year: 2023 })).result.innovations).toBe(0);

    const view = await submissionView({ ctx: opd, innovationId: payo, year: 2023 });
    expect(view).toMatchObject({ status: "returned", version: 3, returnNotes: notes, actions: ["withdraw"] });
    expect((await submissionView({ ctx: bappeda, innovationId: payo, year: 2023 }))?.actions).toEqual([
      "withdraw",
      "submit",
    ]);

    const again = await submitInnovation({
      ctx: bappeda,
      input: { year: 2023, innovationId: payo, version: 3, comment: "Diperbaiki." },
    });
    expect([again.status, again.returnNotes]).toEqual(["submitted", {}]);
    await verifySubmission({ ctx: evaluator, input: { year: 2023, innovationId: payo, version: 4 } });

    const history = await submissionView({ ctx: await ctx("pimpinan@demo.local"), innovationId: payo, year: 2023 });
    expect(history?.history.map((h) => `${h.fromStatus}→${h.toStatus}`)).toEqual([
      "draft→ready",
      "ready→submitted",
      "submitted→returned",
      "returned→submitted",
      "submitted→verified",
    ]);
    expect(history?.history[2]).toMatchObject({ notes, actorName: "Evaluator Demo" });
    expect(history?.actions).toEqual([]);
    const audits = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "iga_submission"), eq(auditLog.entityId, payo)));
    expect(audits.map((a) => a.action)).toEqual([
      "iga.submission.ready",
      "iga.submission.submit",
      "iga.submission.return",
      "iga.submission.submit",
      "iga.submission.verify",
    ]);
    expect((await submissionCounts({ ctx: bappeda, year: 2023 })).verified).toBe(1);
  });

  it("takes a ready innovation back to draft", async () => {
    const bappeda = await ctx("bappeda@demo.local");
    await setIndicatorLevel({
      ctx: bappeda,
      input: { year: 2023, indicatorCode: "INV-20", innovationId: pakKur, level: 2, version: 0 },
    });
    await addEvidence({
      ctx: bappeda,
      input: {
        year: 2023,
        indicatorCode: "INV-20",
        innovationId: pakKur,
        kind: "link",
        url: "https://example.org/kur",
      },
    });
    await markSubmissionReady({ ctx: bappeda, input: { year: 2023, innovationId: pakKur, version: 0 } });
    const back = await withdrawSubmission({ ctx: bappeda, input: { year: 2023, innovationId: pakKur, version: 1 } });
    expect(back.status).toBe("draft");
    const events = await handle.db
      .select()
      .from(igaSubmissionEvents)
      .where(eq(igaSubmissionEvents.innovationId, pakKur));
    expect(events.map((e) => e.toStatus)).toEqual(["ready", "draft"]);
  });

  it("applies the year's eligibility window and the two-year limit from the rule set", async () => {
    const bappeda = await ctx("bappeda@demo.local");
    // 2026 takes innovations applied in 2024–2026: Payo Beladas (2023) is not eligible
    const y2026 = await submissionView({ ctx: bappeda, innovationId: payo, year: 2026 });
    expect(y2026?.problems).toContainEqual({ kind: "not_eligible", yearApplied: 2023, from: 2024, to: 2026 });
    // entered in 2023 already; 2024 is its second year, allowed; a third would not be
    const y2024 = await submissionView({ ctx: bappeda, innovationId: payo, year: 2024 });
    expect(y2024?.problems.some((p) => p.kind === "not_eligible" || p.kind === "too_many_years")).toBe(false);
    await handle.db.update(innovations).set({ yearApplied: 2024 }).where(eq(innovations.id, payo));
    const y2025 = await submissionView({ ctx: bappeda, innovationId: payo, year: 2025 });
    expect(y2025?.problems.some((p) => p.kind === "too_many_years")).toBe(false); // only 2023 so far
    await handle.db
      .insert(igaSubmissions)
      .values({ regionCode: "18.11", year: 2024, innovationId: payo, status: "submitted" });
    const third = await submissionView({ ctx: bappeda, innovationId: payo, year: 2025 });
    expect(third?.problems).toContainEqual({ kind: "too_many_years", years: [2023, 2024], max: 2 });
    await handle.db
      .delete(igaSubmissions)
      .where(and(eq(igaSubmissions.year, 2024), eq(igaSubmissions.innovationId, payo)));
    await handle.db.update(innovations).set({ yearApplied: 2023 }).where(eq(innovations.id, payo));
  });
});
