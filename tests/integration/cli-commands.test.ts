import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { users } from "@/db/schema/users";
import type { Ctx } from "@/lib/auth/context";
import { CLI_COMMANDS, cliActor, isCliCommand } from "@/lib/cli/commands";
import { ValidationError } from "@/lib/errors";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { verifyLogin } from "@/lib/users/login";
import { actorByEmail, agencyIdByCode, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

describe.each(databaseCases())("CLI commands (%s)", (name, database) => {
  let handle: DatabaseHandle;
  let ctx: Ctx;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    ctx = { db: handle.db, actor: cliActor(), requestId: "cli-test" };
  });
  afterAll(() => handle.close());

  const userCount = async () => (await handle.db.select({ n: count() }).from(users))[0].n;

  it("knows its commands and nothing else", () => {
    expect(isCliCommand("user.create")).toBe(true);
    expect(isCliCommand("token.create")).toBe(true);
    for (const name of ["toString", "__proto__", "constructor", "user.delete", 42, undefined])
      expect(isCliCommand(name)).toBe(false);
  });

  it("creates an agency user from an agency code, audited as the command line", async () => {
    const { lines } = await CLI_COMMANDS["user.create"](ctx, {
      email: "Operator@Disdukcapil.local",
      role: "agency",
      agency: "DISDUKCAPIL",
      password: "password-operator",
    });
    expect(lines).toEqual(["Created user operator@disdukcapil.local (agency)"]);
    const [user] = await handle.db.select().from(users).where(eq(users.email, "operator@disdukcapil.local"));
    expect(user).toMatchObject({
      role: "agency",
      agencyId: await agencyIdByCode(handle.db, "DISDUKCAPIL"),
      regionCode: "18.11",
      name: "Operator",
    });
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit).toMatchObject({
      action: "user.create",
      actorKind: "cli",
      actorEmail: "cli",
      actorId: null,
      requestId: "cli-test",
    });
    expect((await verifyLogin(handle.db, "operator@disdukcapil.local", "password-operator")).ok).toBe(true);
  });

  it("creates a province user for a province and refuses a region that does not fit the role", async () => {
    const { lines } = await CLI_COMMANDS["user.create"](ctx, {
      email: "rekap@lampung.local",
      role: "province",
      region: "18",
      password: "password-province",
    });
    expect(lines).toEqual(["Created user rekap@lampung.local (province, region 18)"]);
    const [user] = await handle.db.select().from(users).where(eq(users.email, "rekap@lampung.local"));
    expect(user).toMatchObject({ role: "province", regionCode: "18", agencyId: null });
    for (const [role, region] of [
      ["province", "99"],
      ["province", "18.11"],
      ["national", "18"],
      ["leader", "18"],
    ])
      expect(
        await caught(
          CLI_COMMANDS["user.create"](ctx, {
            email: `x${role}${region}@x.local`,
            role,
            region,
            password: "password-x-long",
          }),
        ),
      ).toMatchObject({ status: 422 });
  });

  it("accepts the agency code in lower case and the agency's short name", async () => {
    await CLI_COMMANDS["user.create"](ctx, {
      email: "a@dinkes.local",
      name: "Staf A",
      role: "agency",
      agency: "dinkes",
      password: "password-staf-a",
    });
    await CLI_COMMANDS["user.create"](ctx, {
      email: "b@dinkes.local",
      name: "Staf B",
      role: "agency",
      agency: "Dinas Kesehatan",
      password: "password-staf-b",
    });
    const dinkes = await agencyIdByCode(handle.db, "DINKES");
    expect((await actorByEmail(handle.db, "a@dinkes.local")).agencyId).toBe(dinkes);
    expect((await actorByEmail(handle.db, "b@dinkes.local")).agencyId).toBe(dinkes);
  });

  it("rejects an unknown agency code and creates nobody", async () => {
    const before = await userCount();
    const error = await caught(
      CLI_COMMANDS["user.create"](ctx, {
        email: "x@nowhere.local",
        role: "agency",
        agency: "NO-SUCH-AGENCY",
        password: "password-nowhere",
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0].path).toEqual(["agencyId"]);
    expect(await userCount()).toBe(before);
  });

  it("rejects an unknown role, a short password and a missing field", async () => {
    const before = await userCount();
    for (const raw of [
      { email: "r@x.local", role: "superuser", password: "password-long-enough" },
      { email: "r@x.local", role: "leader", password: "short" },
      { email: "r@x.local", password: "password-long-enough" },
    ]) {
      expect(await caught(CLI_COMMANDS["user.create"](ctx, raw))).toBeInstanceOf(ValidationError);
    }
    expect(await userCount()).toBe(before);
  });

  it("creates a token whose last output line is the token, and it authenticates", async () => {
    const { lines } = await CLI_COMMANDS["token.create"](ctx, { email: "bappeda@demo.local", name: "sinkronisasi" });
    expect(lines.length).toBeGreaterThan(1);
    const token = lines.at(-1)!;
    expect(token).toMatch(/^imd_/);
    expect(lines.slice(0, -1).join("\n")).not.toContain(token);
    const actor = await authenticateToken(handle.db, token);
    expect(actor).toEqual({ ...(await actorByEmail(handle.db, "bappeda@demo.local")), kind: "token" });
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "token.create"));
    expect(audit).toMatchObject({ actorKind: "cli", actorEmail: "cli" });
  });

  it("refuses a token for an unknown user", async () => {
    expect(
      await caught(CLI_COMMANDS["token.create"](ctx, { email: "siapa@demo.local", name: "tidak ada" })),
    ).toBeInstanceOf(ValidationError);
  });

  it("adds a region, audited: partitions on a partitioned server (tests/integration/partitioning.test.ts), none on plain tables", async () => {
    const partitioned = process.env.TEST_DB_PARTITIONING === "region" && name === "postgresql";
    const { lines } = await CLI_COMMANDS["region.add"](ctx, { code: "18.12" });
    expect(lines[0]).toMatch(
      partitioned ? /^Region 18\.12 \(.+\) added; partitions created: / : /^Region 18\.12 \(.+\) added; no partitions/,
    );
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "region.add"));
    expect(audit).toMatchObject({ actorKind: "cli", entity: "region", entityId: "18.12", regionCode: "18.11" });
    expect(await caught(CLI_COMMANDS["region.add"](ctx, { code: "18.12.01" }))).toBeInstanceOf(ValidationError);
  });
});
