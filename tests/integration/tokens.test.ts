import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiTokens } from "@/db/schema/api-tokens";
import { auditLog } from "@/db/schema/audit-log";
import { requirePermission } from "@/lib/auth/context";
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { createToken } from "@/lib/tokens/create-token";
import { listTokens } from "@/lib/tokens/list-tokens";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { actorByEmail, ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe.each(databaseCases())("API tokens (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  const admin = () => ctxFor(handle.db, "admin@demo.local");
  const issue = async (email: string, name = "skrip uji", expiresInDays?: number) =>
    createToken({ ctx: await admin(), input: { email, name, expiresInDays } });
  const tokenRow = async (id: string) => (await handle.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0];

  it("returns an imd_ token once and stores only its SHA-256", async () => {
    const created = await issue("bappeda@demo.local");
    expect(created.token).toMatch(/^imd_[A-Za-z0-9_-]{40,}$/);
    expect(created.expiresAt).toBeNull();
    const row = await tokenRow(created.id);
    expect(row.tokenHash).toBe(sha256(created.token));
    expect(created.token.startsWith(row.prefix)).toBe(true);
    const everything = JSON.stringify([
      await handle.db.select().from(apiTokens),
      await handle.db.select().from(auditLog),
    ]);
    expect(everything).not.toContain(created.token);
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "token.create"), eq(auditLog.entityId, created.id)));
    expect(audit).toMatchObject({ actorEmail: "admin@demo.local", entity: "api_token" });
    expect(audit.after).not.toHaveProperty("tokenHash");
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
  });

  it("gives two tokens different secrets", async () => {
    const [a, b] = [await issue("bappeda@demo.local"), await issue("bappeda@demo.local")];
    expect(a.token).not.toBe(b.token);
  });

  it("authenticates as the token's user, with kind token, and notes its use", async () => {
    const created = await issue("opd@demo.local");
    expect((await tokenRow(created.id)).lastUsedAt).toBeNull();
    const actor = await authenticateToken(handle.db, created.token);
    const user = await actorByEmail(handle.db, "opd@demo.local");
    expect(actor).toEqual({ ...user, kind: "token" });
    expect((await tokenRow(created.id)).lastUsedAt).toBeInstanceOf(Date);
    expect(requirePermission({ db: handle.db, actor }, "innovation.write", { agencyId: user.agencyId })).toBe(actor);
  });

  it("honours an expiry in days and refuses the token once expired", async () => {
    const created = await issue("pimpinan@demo.local", "berbatas", 30);
    const days = (created.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(await authenticateToken(handle.db, created.token)).not.toBeNull();
    await handle.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(apiTokens.id, created.id));
    expect(await authenticateToken(handle.db, created.token)).toBeNull();
  });

  it("refuses a revoked token; revoking twice is audited once", async () => {
    const created = await issue("evaluator@demo.local");
    expect(await authenticateToken(handle.db, created.token)).not.toBeNull();
    const ctx = await admin();
    expect(await revokeToken({ ctx, input: { id: created.id } })).toEqual({ id: created.id, revoked: true });
    expect((await tokenRow(created.id)).revokedAt).toBeInstanceOf(Date);
    expect(await authenticateToken(handle.db, created.token)).toBeNull();
    await revokeToken({ ctx, input: { id: created.id } });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "token.revoke"), eq(auditLog.entityId, created.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0].changedFields).toEqual(["revokedAt"]);
    const listed = (await listTokens({ ctx })).find((t) => t.id === created.id);
    expect(listed?.revokedAt).toBeInstanceOf(Date);
  });

  it("reports an unknown token id on revoke", async () => {
    const error = await caught(
      revokeToken({ ctx: await admin(), input: { id: "00000000-0000-4000-8000-000000000000" } }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it("refuses the token of a user who has been disabled", async () => {
    const ctx = await admin();
    const user = await createUser({
      ctx,
      input: { email: "skrip@demo.local", name: "Akun Skrip", role: "bappeda", password: "password-skrip-123" },
    });
    const created = await issue(user.email);
    expect(await authenticateToken(handle.db, created.token)).not.toBeNull();
    await updateUser({ ctx, input: { id: user.id, active: false } });
    expect(await authenticateToken(handle.db, created.token)).toBeNull();
    const error = await caught(issue(user.email));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0].path).toEqual(["email"]);
  });

  it("refuses a token for an unknown user", async () => {
    expect(await caught(issue("siapa@demo.local"))).toBeInstanceOf(ValidationError);
  });

  it("returns null for garbage, a guessed token and a tampered token", async () => {
    const created = await issue("bappeda@demo.local");
    const last = created.token.at(-1) === "A" ? "B" : "A";
    for (const garbage of [
      "",
      "garbage",
      `Bearer ${created.token}`,
      "imd_",
      `imd_${"x".repeat(43)}`,
      created.token.slice(0, -1) + last,
      `${created.token}x`,
      `imd_${"a".repeat(300)}`,
    ]) {
      expect(await authenticateToken(handle.db, garbage)).toBeNull();
    }
  });

  it("lets only an admin manage tokens", async () => {
    const rows0 = (await handle.db.select().from(apiTokens)).length;
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    expect(
      await caught(createToken({ ctx: bappeda, input: { email: "bappeda@demo.local", name: "punya saya" } })),
    ).toBeInstanceOf(ForbiddenError);
    expect(await caught(listTokens({ ctx: bappeda }))).toBeInstanceOf(ForbiddenError);
    const [some] = await handle.db.select().from(apiTokens).limit(1);
    expect(await caught(revokeToken({ ctx: bappeda, input: { id: some.id } }))).toBeInstanceOf(ForbiddenError);
    expect((await tokenRow(some.id)).revokedAt).toEqual(some.revokedAt);
    const anonymous = await ctxFor(handle.db, null);
    expect(
      await caught(createToken({ ctx: anonymous, input: { email: "bappeda@demo.local", name: "anonim" } })),
    ).toBeInstanceOf(UnauthenticatedError);
    expect((await handle.db.select().from(apiTokens)).length).toBe(rows0);
  });
});
