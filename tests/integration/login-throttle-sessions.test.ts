import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { users } from "@/db/schema/users";
import { loadActiveActor } from "@/lib/users/actor";
import { verifyLogin } from "@/lib/users/login";
import { THROTTLE } from "@/lib/users/login-throttle";
import { endSessionsOfCaller } from "@/lib/users/sign-out";
import { listUsers } from "@/lib/users/list-users";
import { unlockLogin } from "@/lib/users/unlock-login";
import { updateUser } from "@/lib/users/update-user";
import { ctxFor, DEMO_PASSWORD, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

describe.each(databaseCases())("sign-in throttling and session versions (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  const userRow = async (email: string) => (await handle.db.select().from(users).where(eq(users.email, email)))[0];
  const audits = async (action: string) => handle.db.select().from(auditLog).where(eq(auditLog.action, action));

  it("locks an account after repeated wrong passwords, even against the right one, audits it, and lets an admin unlock", async () => {
    const email = "evaluator@demo.local";
    for (let i = 0; i < THROTTLE.account.limit; i++) {
      expect(await verifyLogin(handle.db, email, `salah-${i}`, "t", "10.0.0.1")).toMatchObject({
        ok: false,
        reason: "wrong_password",
      });
    }
    const locked = await verifyLogin(handle.db, email, DEMO_PASSWORD, "t", "10.0.0.2");
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(
      THROTTLE.account.lockSeconds - 60,
    );
    const lockAudits = await audits("user.login.locked");
    expect(lockAudits).toHaveLength(1);
    expect(lockAudits[0].after).toMatchObject({ account: email });

    // The users page shows the lock (until when) beside the account, and only that account.
    const admin = await ctxFor(handle.db, "admin@demo.local");
    const listed = await listUsers({ ctx: admin });
    expect(listed.find((u) => u.email === email)?.lockedUntil).toBeInstanceOf(Date);
    expect(listed.filter((u) => u.lockedUntil !== null).map((u) => u.email)).toEqual([email]);
    expect(
      await caught(unlockLogin({ ctx: await ctxFor(handle.db, "bappeda@demo.local"), input: { email } })),
    ).toMatchObject({ status: 403 });
    expect(await unlockLogin({ ctx: await ctxFor(handle.db, "admin@demo.local"), input: { email } })).toEqual({
      email,
      wasLocked: true,
    });
    expect(await verifyLogin(handle.db, email, DEMO_PASSWORD, "t", "10.0.0.2")).toMatchObject({ ok: true });
    expect(await audits("user.login.unlock")).toHaveLength(1);
    expect((await listUsers({ ctx: admin })).find((u) => u.email === email)?.lockedUntil).toBeNull();
  });

  it("locks an address that tries many accounts, not other addresses", async () => {
    for (let i = 0; i < THROTTLE.ip.limit; i++)
      await verifyLogin(handle.db, `tebak${i}@demo.local`, "salah-salah", "t", "203.0.113.9");
    expect(await verifyLogin(handle.db, "leader-x@demo.local", "apa saja", "t", "203.0.113.9")).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await verifyLogin(handle.db, "pimpinan@demo.local", DEMO_PASSWORD, "t", "198.51.100.7")).toMatchObject({
      ok: true,
    });
  });

  it("a successful sign-in clears the account's failures", async () => {
    const email = "opd@demo.local";
    for (let i = 0; i < THROTTLE.account.limit - 1; i++) await verifyLogin(handle.db, email, "salah-lagi", "t", null);
    expect(await verifyLogin(handle.db, email, DEMO_PASSWORD, "t", null)).toMatchObject({ ok: true });
    for (let i = 0; i < THROTTLE.account.limit - 1; i++) await verifyLogin(handle.db, email, "salah-lagi", "t", null);
    expect(await verifyLogin(handle.db, email, DEMO_PASSWORD, "t", null)).toMatchObject({ ok: true });
  });

  it("ends old sessions on sign-out, password change, role change and disabling, not on a name change", async () => {
    const admin = await ctxFor(handle.db, "admin@demo.local");
    const target = await userRow("pimpinan@demo.local");
    const versionNow = async () => (await userRow(target.email)).sessionVersion;
    const signedIn = async (version: number) => (await loadActiveActor(handle.db, target.id, "user", version)) !== null;

    let v = await versionNow();
    expect(await signedIn(v)).toBe(true);
    await endSessionsOfCaller(await ctxFor(handle.db, target.email));
    expect(await signedIn(v)).toBe(false);
    expect(await signedIn(v + 1)).toBe(true);
    expect(await audits("user.logout")).toHaveLength(1);

    v = await versionNow();
    await updateUser({ ctx: admin, input: { id: target.id, name: "Pimpinan Baru" } });
    expect(await versionNow()).toBe(v);
    await updateUser({ ctx: admin, input: { id: target.id, password: "kata-sandi-baru-panjang" } });
    expect(await versionNow()).toBe(v + 1);
    await updateUser({ ctx: admin, input: { id: target.id, role: "evaluator" } });
    expect(await versionNow()).toBe(v + 2);
    await updateUser({ ctx: admin, input: { id: target.id, active: false } });
    expect(await versionNow()).toBe(v + 3);
    expect(await signedIn(v + 3)).toBe(false); // disabled anyway
    // Tokens are not sessions: their actor ignores the cookie version.
    await updateUser({ ctx: admin, input: { id: target.id, active: true, role: "leader" } });
    expect(await loadActiveActor(handle.db, target.id, "token")).not.toBeNull();
    const [row] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.update_password"), eq(auditLog.entityId, target.id)));
    expect(JSON.stringify(row.after)).not.toContain("sessionVersion");
  });
});
