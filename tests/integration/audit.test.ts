import { and, count, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { listAudit } from "@/lib/audit/list-audit";
import { writeAudit } from "@/lib/audit/write";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { actorByEmail, ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases, errorText } from "./support";

describe.each(databaseCases())("audit log (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  const created: string[] = [];

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    const ctx = await ctxFor(handle.db, "admin@demo.local");
    for (let i = 1; i <= 5; i++) {
      const user = await createUser({
        ctx,
        input: { email: `audit${i}@demo.local`, name: `Audit ${i}`, role: "leader", password: "password-audit-1" },
      });
      created.push(user.id);
    }
    // A row from another region, which Mesuji's admin must not see.
    const stranger = {
      ...(await actorByEmail(handle.db, "admin@demo.local")),
      regionCode: "18.01",
      email: "admin@lambar",
    };
    await writeAudit(handle.db, stranger, { action: "user.create", entity: "user", entityId: "elsewhere" });
  });
  afterAll(() => handle.close());

  const admin = () => ctxFor(handle.db, "admin@demo.local");
  const expectedIds = async (entity: string) =>
    (
      await handle.db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.regionCode, "18.11"), eq(auditLog.entity, entity)))
        .orderBy(desc(auditLog.id))
    ).map((r) => r.id);

  it("refuses UPDATE on audit_log", async () => {
    const [row] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created[0]));
    const error = await caught(handle.db.execute(sql`UPDATE audit_log SET action = 'tampered' WHERE id = ${row.id}`));
    expect(errorText(error)).toContain("audit_log is append-only");
    const [after] = await handle.db.select().from(auditLog).where(eq(auditLog.id, row.id));
    expect(after).toEqual(row);
  });

  it("refuses DELETE on audit_log", async () => {
    const [{ n: before }] = await handle.db.select({ n: count() }).from(auditLog);
    expect(before).toBeGreaterThan(0);
    const error = await caught(handle.db.execute(sql`DELETE FROM audit_log`));
    expect(errorText(error)).toContain("audit_log is append-only");
    const [{ n: after }] = await handle.db.select({ n: count() }).from(auditLog);
    expect(after).toBe(before);
  });

  it("refuses changes through drizzle too", async () => {
    expect(
      errorText(
        await caught(
          handle.db.update(auditLog).set({ actorEmail: "someone-else" }).where(eq(auditLog.entityId, created[0])),
        ),
      ),
    ).toContain("append-only");
    expect(errorText(await caught(handle.db.delete(auditLog).where(eq(auditLog.entityId, created[1]))))).toContain(
      "append-only",
    );
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created[1]))).toHaveLength(1);
  });

  it("filters by entity, newest first, within the actor's region", async () => {
    const expected = await expectedIds("user");
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const result = await listAudit({ ctx: await admin(), input: { entity: "user", pageSize: 200 } });
    expect(result.total).toBe(expected.length);
    expect(result.items.map((r) => r.id)).toEqual(expected);
    expect(result.items.every((r) => r.entity === "user" && r.regionCode === "18.11")).toBe(true);
    expect(result.items.some((r) => r.entityId === "elsewhere")).toBe(false);
  });

  it("pages through the results without gaps or overlap", async () => {
    const expected = await expectedIds("user");
    const ctx = await admin();
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / 2) + 1; page++) {
      const result = await listAudit({ ctx, input: { entity: "user", page, pageSize: 2 } });
      expect(result).toMatchObject({ total: expected.length, page, pageSize: 2 });
      expect(result.items.length).toBeLessThanOrEqual(2);
      seen.push(...result.items.map((r) => r.id));
    }
    expect(seen).toEqual(expected);
  });

  it("filters by entity id and action", async () => {
    const ctx = await admin();
    const one = await listAudit({ ctx, input: { entity: "user", entityId: created[2] } });
    expect(one.total).toBe(1);
    expect(one.items[0]).toMatchObject({ action: "user.create", entityId: created[2], actorEmail: "admin@demo.local" });
    const creates = await listAudit({ ctx, input: { action: "user.create", pageSize: 200 } });
    expect(creates.items.every((r) => r.action === "user.create")).toBe(true);
    expect(created.every((id) => creates.items.some((r) => r.entityId === id))).toBe(true);
    expect((await listAudit({ ctx, input: { entity: "no-such-entity" } })).total).toBe(0);
  });

  it("validates paging input", async () => {
    const ctx = await admin();
    for (const input of [{ page: 0 }, { pageSize: 201 }, { pageSize: 0 }]) {
      expect(await caught(listAudit({ ctx, input }))).toBeInstanceOf(ValidationError);
    }
  });

  it("is for admins only", async () => {
    for (const email of ["bappeda@demo.local", "opd@demo.local", "pimpinan@demo.local", "evaluator@demo.local"]) {
      expect(await caught(listAudit({ ctx: await ctxFor(handle.db, email), input: {} }))).toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(await caught(listAudit({ ctx: await ctxFor(handle.db, null), input: {} }))).toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});
