import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { seedIgaDemo } from "@/seed/iga-demo";
import { auditLog } from "@/db/schema/audit-log";
import { igaEvidence } from "@/db/schema/iga";
import { ForbiddenError } from "@/lib/errors";
import { addEvidence } from "@/lib/iga/evidence";
import { pendingReviewCounts, reviewQueue } from "@/lib/iga/review-queue";
import { reviewEvidence } from "@/lib/iga/review";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

describe.each(databaseCases())("IGA review queue (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    await seedIgaDemo(handle.db, { regionCode: "18.11" });
  });
  afterAll(() => handle.close());

  it("lists every piece waiting for a verdict or needing work, pending first, oldest first, for evaluators only", async () => {
    const evaluator = await ctxFor(handle.db, "evaluator@demo.local");
    const { items, total, pending } = await reviewQueue({ ctx: evaluator, input: { year: 2023 } });
    expect(pending).toBeGreaterThan(50);
    expect(total).toBeGreaterThan(pending);
    expect(new Set(items.map((i) => i.reviewStatus))).toEqual(new Set(["pending"])); // the first 200 are all pending
    for (let i = 1; i < items.length; i++)
      expect(items[i - 1].createdAt.getTime()).toBeLessThanOrEqual(items[i].createdAt.getTime());
    expect(
      await caught(reviewQueue({ ctx: await ctxFor(handle.db, "bappeda@demo.local"), input: { year: 2023 } })),
    ).toBeInstanceOf(ForbiddenError);
    expect(await caught(reviewQueue({ ctx: await ctxFor(handle.db, null), input: "x" }))).toMatchObject({
      status: 401,
    });
  });

  it("filters by agency and indicator, and moves to the next pending piece after each verdict", async () => {
    const evaluator = await ctxFor(handle.db, "evaluator@demo.local");
    const [dinkes] = await handle.db
      .select({ id: agencies.id, shortName: agencies.shortName })
      .from(agencies)
      .where(eq(agencies.code, "DINKES"));
    const filtered = await reviewQueue({
      ctx: evaluator,
      input: { year: 2023, agencyId: dinkes.id, indicatorCode: "INV-20" },
    });
    expect(filtered.items.length).toBeGreaterThan(0);
    for (const item of filtered.items)
      expect([item.agencyName, item.indicatorCode]).toEqual([dinkes.shortName, "INV-20"]);

    const before = await reviewQueue({ ctx: evaluator, input: { year: 2023 } });
    const [first, second] = before.items;
    await reviewEvidence({
      ctx: evaluator,
      input: { evidenceId: first.evidenceId, status: "accepted", comment: null },
    });
    const after = await reviewQueue({ ctx: evaluator, input: { year: 2023 } });
    expect(after.items[0].evidenceId).toBe(second.evidenceId);
    expect(after.pending).toBe(before.pending - 1);
    // a "needs work" verdict keeps it in the queue, behind every pending piece
    await reviewEvidence({
      ctx: evaluator,
      input: { evidenceId: second.evidenceId, status: "needs_work", comment: "Tanggal surat tidak terbaca." },
    });
    const again = await reviewQueue({ ctx: evaluator, input: { year: 2023 } });
    expect(again.items[0].evidenceId).not.toBe(second.evidenceId);
    expect(again.total).toBe(after.total);
  });

  it("resets the verdict when the evidence behind it is replaced", async () => {
    const evaluator = await ctxFor(handle.db, "evaluator@demo.local");
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    const queue = await reviewQueue({ ctx: evaluator, input: { year: 2023 } });
    const target = queue.items.find((i) => i.innovationId !== null)!;
    await reviewEvidence({
      ctx: evaluator,
      input: { evidenceId: target.evidenceId, status: "needs_work", comment: "Dokumen belum ditandatangani." },
    });
    const replacement = await addEvidence({
      ctx: bappeda,
      input: {
        year: 2023,
        indicatorCode: target.indicatorCode,
        innovationId: target.innovationId,
        kind: "link",
        url: "https://example.org/signed",
        replacesEvidenceId: target.evidenceId,
      },
    });
    expect(replacement.reviewStatus).toBe("pending");
    expect(await handle.db.select().from(igaEvidence).where(eq(igaEvidence.id, target.evidenceId))).toHaveLength(0);
    const after = await reviewQueue({ ctx: evaluator, input: { year: 2023, indicatorCode: target.indicatorCode } });
    expect(after.items.find((i) => i.evidenceId === replacement.id)?.reviewStatus).toBe("pending");
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, replacement.id));
    expect(audit.action).toBe("iga.evidence.replace");
    // only a piece of the same indicator can be replaced
    const other = queue.items.find(
      (i) => i.indicatorCode !== target.indicatorCode && i.innovationId === target.innovationId,
    );
    if (other) {
      const refused = await caught(
        addEvidence({
          ctx: bappeda,
          input: {
            year: 2023,
            indicatorCode: target.indicatorCode,
            innovationId: target.innovationId,
            kind: "link",
            url: "https://example.org/x",
            replacesEvidenceId: other.evidenceId,
          },
        }),
      );
      expect(refused).toMatchObject({ status: 404 });
    }
  });

  it("counts what waits per active year for the evaluator's home page", async () => {
    const evaluator = await ctxFor(handle.db, "evaluator@demo.local");
    const counts = await pendingReviewCounts({ ctx: evaluator });
    expect(counts.map((c) => c.year)).toEqual(expect.arrayContaining([2026, 2024, 2023]));
    const y2023 = (await reviewQueue({ ctx: evaluator, input: { year: 2023 } })).pending;
    expect(counts.find((c) => c.year === 2023)?.pending).toBe(y2023);
  });
});
