import { count, eq, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { auditLog } from "@/db/schema/audit-log";
import { users } from "@/db/schema/users";
import { LOCALES } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { translateIssues } from "@/lib/http/errors-i18n";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { updateUser } from "@/lib/users/update-user";
import { actorByEmail, agencyIdByCode, ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases, errorText } from "./support";

const PASSWORD = "a-long-enough-password";

describe.each(databaseCases())("user management (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  const admin = () => ctxFor(handle.db, "admin@demo.local");
  const auditCount = async () => (await handle.db.select({ n: count() }).from(auditLog))[0].n;
  const userCount = async () => (await handle.db.select({ n: count() }).from(users))[0].n;
  const auditFor = (entityId: string) =>
    handle.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);

  it("lets an admin create a user and audits it without the password hash", async () => {
    const ctx = await admin();
    const created = await createUser({
      ctx,
      input: { email: " Baru@Mesujikab.go.id ", name: "Pengguna Baru", role: "leader", password: PASSWORD },
    });
    expect(created).toMatchObject({
      email: "baru@mesujikab.go.id",
      role: "leader",
      active: true,
      agencyId: null,
      regionCode: "18.11",
    });
    expect(created).not.toHaveProperty("passwordHash");
    const [stored] = await handle.db.select().from(users).where(eq(users.id, created.id));
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const rows = await auditFor(created.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "user.create",
      entity: "user",
      actorId: ctx.actor!.id,
      actorEmail: "admin@demo.local",
      actorKind: "user",
    });
    expect(rows[0].after).toMatchObject({ id: created.id, email: "baru@mesujikab.go.id" });
    expect(rows[0].after).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(rows[0])).not.toContain(stored.passwordHash);
    expect((await listUsers({ ctx })).map((u) => u.email)).toContain("baru@mesujikab.go.id");
  });

  it("ties an agency user to the agency", async () => {
    const agencyId = await agencyIdByCode(handle.db, "DINKES");
    const created = await createUser({
      ctx: await admin(),
      input: { email: "dinkes@mesujikab.go.id", name: "Staf Dinkes", role: "agency", agencyId, password: PASSWORD },
    });
    expect(created).toMatchObject({ role: "agency", agencyId });
  });

  it("refuses a duplicate email (any case) with email_taken and writes nothing", async () => {
    const [users0, audit0] = [await userCount(), await auditCount()];
    const error = await caught(
      createUser({
        ctx: await admin(),
        input: { email: "OPD@demo.local", name: "Lagi", role: "leader", password: PASSWORD },
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: "email_taken", status: 409, params: { email: "opd@demo.local" } });
    expect((await handle.db.select().from(users).where(eq(users.email, "opd@demo.local"))).length).toBe(1);
    expect([await userCount(), await auditCount()]).toEqual([users0, audit0]);
  });

  it("requires an agency for agency staff, and the message reads in both languages", async () => {
    const users0 = await userCount();
    const error = await caught(
      createUser({
        ctx: await admin(),
        input: { email: "tanpa@mesujikab.go.id", name: "Tanpa OPD", role: "agency", password: PASSWORD },
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.path.join("."))).toEqual(["agencyId"]);
    expect(await userCount()).toBe(users0);
    for (const locale of LOCALES) {
      const messages = MESSAGES[locale] as { validation: Record<string, string> };
      expect(messages.validation.agencyRequired).toEqual(expect.any(String));
      const t = createTranslator({ locale, messages });
      expect(translateIssues(issues, locale, t as never)).toEqual([
        { field: "agencyId", message: messages.validation.agencyRequired },
      ]);
    }
  });

  it("stores a province user with the admin's province and a national user with 00; a role change keeps accounts in their region", async () => {
    const province = await createUser({
      ctx: await admin(),
      input: { email: "rekap@lampungprov.go.id", name: "Rekap Lampung", role: "province", password: PASSWORD },
    });
    const nation = await createUser({
      ctx: await admin(),
      input: { email: "rekap@kemendagri.go.id", name: "Rekap Nasional", role: "national", password: PASSWORD },
    });
    expect([province.regionCode, nation.regionCode]).toEqual(["18", "00"]);
    const leader = await actorByEmail(handle.db, "pimpinan@demo.local");
    for (const role of ["province", "national"] as const) {
      const error = await caught(updateUser({ ctx: await admin(), input: { id: leader.id, role } }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).toMatchObject({ path: ["role"], message: "v.userRegion" });
    }
    expect((await actorByEmail(handle.db, "pimpinan@demo.local")).role).toBe("leader");
  });

  it("refuses an agency of another region", async () => {
    const [other] = await handle.db
      .insert(agencies)
      .values({
        regionCode: "18.01",
        code: "DINKES",
        name: "Dinas Kesehatan Lampung Barat",
        shortName: "Dinkes Lambar",
      })
      .returning();
    const users0 = await userCount();
    const error = await caught(
      createUser({
        ctx: await admin(),
        input: {
          email: "lambar@mesujikab.go.id",
          name: "Salah Wilayah",
          role: "agency",
          agencyId: other.id,
          password: PASSWORD,
        },
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0].path).toEqual(["agencyId"]);
    expect(await userCount()).toBe(users0);
  });

  it("forbids non-admins and writes nothing", async () => {
    const [users0, audit0] = [await userCount(), await auditCount()];
    for (const email of ["bappeda@demo.local", "opd@demo.local", "pimpinan@demo.local", "evaluator@demo.local"]) {
      const ctx = await ctxFor(handle.db, email);
      const error = await caught(
        createUser({
          ctx,
          input: { email: "x@mesujikab.go.id", name: "Tidak Boleh", role: "admin", password: PASSWORD },
        }),
      );
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(await caught(listUsers({ ctx }))).toBeInstanceOf(ForbiddenError);
      const target = await actorByEmail(handle.db, "evaluator@demo.local");
      expect(await caught(updateUser({ ctx, input: { id: target.id, active: false } }))).toBeInstanceOf(ForbiddenError);
    }
    expect([await userCount(), await auditCount()]).toEqual([users0, audit0]);
    expect((await actorByEmail(handle.db, "evaluator@demo.local")).role).toBe("evaluator");
  });

  it("refuses anonymous callers", async () => {
    const ctx = await ctxFor(handle.db, null);
    expect(
      await caught(
        createUser({
          ctx,
          input: { email: "anon@mesujikab.go.id", name: "Anonim", role: "admin", password: PASSWORD },
        }),
      ),
    ).toBeInstanceOf(UnauthenticatedError);
    expect(await caught(listUsers({ ctx }))).toBeInstanceOf(UnauthenticatedError);
  });

  it("deactivates a user and audits only the changed field", async () => {
    const target = await createUser({
      ctx: await admin(),
      input: { email: "nonaktif@mesujikab.go.id", name: "Akan Nonaktif", role: "evaluator", password: PASSWORD },
    });
    const updated = await updateUser({ ctx: await admin(), input: { id: target.id, active: false } });
    expect(updated.active).toBe(false);
    const [stored] = await handle.db.select().from(users).where(eq(users.id, target.id));
    expect(stored.active).toBe(false);
    const rows = await auditFor(target.id);
    expect(rows.map((r) => r.action)).toEqual(["user.create", "user.update"]);
    expect(rows[1].changedFields).toEqual(["active"]);
    expect(rows[1].before).toMatchObject({ active: true });
    expect(rows[1].after).toMatchObject({ active: false });
  });

  it("audits a password change without the hash", async () => {
    const target = await actorByEmail(handle.db, "pimpinan@demo.local");
    const [before] = await handle.db.select().from(users).where(eq(users.id, target.id));
    await updateUser({ ctx: await admin(), input: { id: target.id, password: "another-long-password" } });
    const [after] = await handle.db.select().from(users).where(eq(users.id, target.id));
    expect(after.passwordHash).not.toBe(before.passwordHash);
    const [row] = (await auditFor(target.id)).filter((r) => r.action === "user.update_password");
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(after.passwordHash);
    expect(JSON.stringify(row)).not.toContain(before.passwordHash);
  });

  it("does not let an admin disable or demote themselves", async () => {
    const ctx = await admin();
    for (const input of [{ active: false }, { role: "bappeda" as const }]) {
      const error = await caught(updateUser({ ctx, input: { id: ctx.actor!.id, ...input } }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: "cannot_demote_self" });
    }
    const self = await actorByEmail(handle.db, "admin@demo.local");
    expect(self.role).toBe("admin");
    expect((await auditFor(self.id)).filter((r) => r.action.startsWith("user.update"))).toHaveLength(0);
  });

  it("refuses an agency role without agency on update, writing nothing", async () => {
    const target = await actorByEmail(handle.db, "evaluator@demo.local");
    const audit0 = await auditCount();
    const error = await caught(updateUser({ ctx: await admin(), input: { id: target.id, role: "agency" } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((await actorByEmail(handle.db, "evaluator@demo.local")).role).toBe("evaluator");
    expect(await auditCount()).toBe(audit0);
  });

  it("rolls the change back when its audit row cannot be written", async () => {
    // Make the audit insert (the last statement of the transaction) fail for one request id.
    await handle.db.execute(
      sql`ALTER TABLE audit_log ADD CONSTRAINT test_refuse_request CHECK (request_id IS DISTINCT FROM 'refuse-audit')`,
    );
    try {
      const ctx = { ...(await admin()), requestId: "refuse-audit" };
      const [users0, audit0] = [await userCount(), await auditCount()];
      const error = await caught(
        createUser({
          ctx,
          input: { email: "rollback@mesujikab.go.id", name: "Rollback", role: "leader", password: PASSWORD },
        }),
      );
      expect(errorText(error)).toContain("test_refuse_request");
      expect((await handle.db.select().from(users).where(eq(users.email, "rollback@mesujikab.go.id"))).length).toBe(0);
      const target = await actorByEmail(handle.db, "bappeda@demo.local");
      expect(errorText(await caught(updateUser({ ctx, input: { id: target.id, name: "Nama Diubah" } })))).toContain(
        "test_refuse_request",
      );
      expect((await actorByEmail(handle.db, "bappeda@demo.local")).name).toBe(target.name);
      expect([await userCount(), await auditCount()]).toEqual([users0, audit0]);
    } finally {
      await handle.db.execute(sql`ALTER TABLE audit_log DROP CONSTRAINT test_refuse_request`);
    }
  });
});
