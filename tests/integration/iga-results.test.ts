import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { listIgaResults, saveIgaResult } from "@/lib/trends/iga-results";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

describe.each(databaseCases())("IGA results over the years (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  it("holds the publicly reported ranks with their sources and no invented index", async () => {
    const items = await listIgaResults({ ctx: await ctxFor(handle.db, "pimpinan@demo.local") });
    expect(items.map((r) => [r.year, r.nationalRank, r.provinceRank])).toEqual([
      [2021, 155, 13],
      [2022, 36, 5],
      [2023, 16, null],
      [2024, null, null],
    ]);
    expect(items.every((r) => r.index === null)).toBe(true);
    expect(items.find((r) => r.year === 2022)?.source).toBe("Kepmendagri 400.10.11-6301/2022");
    expect(items.find((r) => r.year === 2023)).toMatchObject({
      innovationsReported: 110,
      award: expect.stringMatching(/Terinovatif/),
    });
    // Worded in Bahasa Indonesia, like the page they appear on.
    expect(items.find((r) => r.year === 2021)?.source).toBe(
      "Peringkat yang dilaporkan (IGA 2021); nomor keputusan belum dicatat",
    );
    expect(items.find((r) => r.year === 2024)).toMatchObject({
      award: "Nominasi (satu dari 22 kabupaten)",
      source: expect.stringMatching(/^Daftar nominasi IGA 2024/),
    });
  });

  it("lets Bappeda correct a year with the version read, audited; a stale version is refused", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const [y2024] = (await listIgaResults({ ctx })).filter((r) => r.year === 2024);
    const saved = await saveIgaResult({
      ctx,
      year: "2024",
      input: { version: y2024.version, nationalRank: 12, provinceRank: 1, source: "https://example.go.id/iga-2024" },
    });
    expect(saved).toMatchObject({
      year: 2024,
      nationalRank: 12,
      provinceRank: 1,
      index: null,
      version: y2024.version + 1,
    });
    const stale = await caught(saveIgaResult({ ctx, year: 2024, input: { version: y2024.version, nationalRank: 99 } }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ code: "iga_result_stale" });
    // A new year starts at version 0.
    expect(
      await saveIgaResult({ ctx, year: 2025, input: { version: 0, index: 71.25, category: "Sangat Inovatif" } }),
    ).toMatchObject({ version: 1, index: 71.25 });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "iga.result.save"), eq(auditLog.entityId, "2024")));
    expect(audits).toHaveLength(1);
  });

  it("refuses the anonymous (401), other roles (403), bad values (422) and a year that cannot be (404)", async () => {
    expect(await caught(saveIgaResult({ ctx: await ctxFor(handle.db, null), year: 2023, input: {} }))).toBeInstanceOf(
      UnauthenticatedError,
    );
    for (const email of ["pimpinan@demo.local", "opd@demo.local", "evaluator@demo.local"]) {
      expect(
        await caught(saveIgaResult({ ctx: await ctxFor(handle.db, email), year: 2023, input: { version: 1 } })),
      ).toBeInstanceOf(ForbiddenError);
    }
    const admin = await ctxFor(handle.db, "admin@demo.local");
    expect(await caught(saveIgaResult({ ctx: admin, year: 2023, input: { version: 1, index: 120 } }))).toBeInstanceOf(
      ValidationError,
    );
    expect(
      await caught(saveIgaResult({ ctx: admin, year: 2023, input: { version: 1, nationalRank: 0 } })),
    ).toBeInstanceOf(ValidationError);
    expect(await caught(saveIgaResult({ ctx: admin, year: "dua", input: { version: 1 } }))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
