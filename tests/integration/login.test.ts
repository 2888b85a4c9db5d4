import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { users } from "@/db/schema/users";
import { loadActiveActor } from "@/lib/users/actor";
import { createUser } from "@/lib/users/create-user";
import { verifyLogin } from "@/lib/users/login";
import { updateUser } from "@/lib/users/update-user";
import { ctxFor, DEMO_PASSWORD, seedDemoData } from "@/tests/helpers/fixtures";
import { databaseCases } from "./support";

describe.each(databaseCases())("login (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  const userRow = async (email: string) => (await handle.db.select().from(users).where(eq(users.email, email)))[0];
  const loginAudits = async (userId?: string) =>
    (
      await handle.db
        .select({ n: count() })
        .from(auditLog)
        .where(
          userId
            ? and(eq(auditLog.action, "user.login"), eq(auditLog.entityId, userId))
            : eq(auditLog.action, "user.login"),
        )
    )[0].n;

  it("accepts the demo password for every demo user", async () => {
    for (const email of [
      "admin@demo.local",
      "bappeda@demo.local",
      "opd@demo.local",
      "pimpinan@demo.local",
      "evaluator@demo.local",
    ]) {
      const result = await verifyLogin(handle.db, email, DEMO_PASSWORD);
      expect(result.ok, email).toBe(true);
      if (result.ok) expect(result.user.email).toBe(email);
    }
  });

  it("records the login in the audit log and sets last_login_at", async () => {
    const before = await userRow("bappeda@demo.local");
    const audits0 = await loginAudits(before.id);
    const startedAt = Date.now();
    const result = await verifyLogin(handle.db, "bappeda@demo.local", DEMO_PASSWORD, "login-req-1");
    expect(result.ok).toBe(true);
    const after = await userRow("bappeda@demo.local");
    expect(after.lastLoginAt).toBeInstanceOf(Date);
    expect(after.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(after.lastLoginAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await loginAudits(before.id)).toBe(audits0 + 1);
    const [row] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.login"), eq(auditLog.entityId, before.id)))
      .orderBy(auditLog.id)
      .limit(1)
      .offset(audits0);
    expect(row).toMatchObject({
      entity: "user",
      actorId: before.id,
      actorEmail: "bappeda@demo.local",
      actorKind: "user",
      regionCode: "18.11",
      requestId: "login-req-1",
    });
    expect(JSON.stringify(row)).not.toContain(DEMO_PASSWORD);
  });

  it("normalises the email (case and spaces)", async () => {
    const result = await verifyLogin(handle.db, "  Admin@Demo.LOCAL ", DEMO_PASSWORD);
    expect(result.ok).toBe(true);
  });

  it("rejects a wrong password without writing anything", async () => {
    const before = await userRow("pimpinan@demo.local");
    const audits0 = await loginAudits();
    expect(await verifyLogin(handle.db, "pimpinan@demo.local", `${DEMO_PASSWORD}x`)).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect(await loginAudits()).toBe(audits0);
    expect((await userRow("pimpinan@demo.local")).lastLoginAt).toEqual(before.lastLoginAt);
  });

  it("rejects an unknown email", async () => {
    const audits0 = await loginAudits();
    expect(await verifyLogin(handle.db, "tidak-ada@demo.local", DEMO_PASSWORD)).toEqual({
      ok: false,
      reason: "unknown_email",
    });
    expect(await loginAudits()).toBe(audits0);
  });

  it("rejects a disabled user even with the right password", async () => {
    const admin = await ctxFor(handle.db, "admin@demo.local");
    const password = "password-of-a-user";
    const user = await createUser({
      ctx: admin,
      input: { email: "dinonaktifkan@demo.local", name: "Dinonaktifkan", role: "leader", password },
    });
    expect((await verifyLogin(handle.db, user.email, password)).ok).toBe(true);
    await updateUser({ ctx: admin, input: { id: user.id, active: false } });
    const lastLogin = (await userRow(user.email)).lastLoginAt;
    const audits0 = await loginAudits(user.id);
    expect(await verifyLogin(handle.db, user.email, password)).toEqual({ ok: false, reason: "disabled" });
    expect(await loginAudits(user.id)).toBe(audits0);
    expect((await userRow(user.email)).lastLoginAt).toEqual(lastLogin);
    expect(await loadActiveActor(handle.db, user.id)).toBeNull();
  });

  it("rejects malformed input before touching the database", async () => {
    for (const [email, password] of [
      ["not-an-email", DEMO_PASSWORD],
      ["admin@demo.local", ""],
      ["admin@demo.local", "x".repeat(201)],
      [undefined, DEMO_PASSWORD],
      ["admin@demo.local", 12345678],
    ] as const) {
      expect(await verifyLogin(handle.db, email, password)).toEqual({ ok: false, reason: "invalid_input" });
    }
  });

  it("takes a password change into account at once", async () => {
    const admin = await ctxFor(handle.db, "admin@demo.local");
    const target = await userRow("evaluator@demo.local");
    await updateUser({ ctx: admin, input: { id: target.id, password: "a-brand-new-password" } });
    expect(await verifyLogin(handle.db, "evaluator@demo.local", DEMO_PASSWORD)).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect((await verifyLogin(handle.db, "evaluator@demo.local", "a-brand-new-password")).ok).toBe(true);
  });
});
