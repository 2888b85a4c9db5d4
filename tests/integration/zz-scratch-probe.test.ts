import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { apiTokens } from "@/db/schema/api-tokens";
import { users } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { actorByEmail, ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { databaseCases, errorText } from "./support";

describe.each(databaseCases())("probe (%s)", (name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => { handle = await database.open(); });
  afterAll(() => handle.close());
  const show = (label: string, r: PromiseSettledResult<unknown>) =>
    console.log(name, label, r.status, r.status === "rejected" ? `${(r.reason as Error).constructor.name} ${(r.reason as {code?:string}).code} ${errorText(r.reason).split(" <- ").slice(1).join(" <- ").slice(0, 300)}` : "");

  it("concurrent seed", async () => {
    const rs = await Promise.allSettled([seedDemoData(handle.db), seedDemoData(handle.db)]);
    rs.forEach((r, i) => show(`seed${i}`, r));
  });
  it("concurrent createUser same email", async () => {
    if (name !== "postgresql") return;
    await seedDemoData(handle.db);
    const ctx = await ctxFor(handle.db, "admin@demo.local");
    const input = { email: "race@x.local", name: "Race", role: "leader" as const, password: "password-race-1" };
    let rs: PromiseSettledResult<unknown>[] = [];
    await handle.db.transaction(async (tx) => {
      if (name === "postgresql") await tx.execute(sql`LOCK TABLE users IN EXCLUSIVE MODE`);
      const p = Promise.allSettled([createUser({ ctx, input }), createUser({ ctx, input })]);
      if (name === "postgresql") { await new Promise((r) => setTimeout(r, 1500)); } else { rs = await p; }
      if (name === "postgresql") { (globalThis as any).p = p; }
    });
    if (name === "postgresql") rs = await (globalThis as any).p;
    rs.forEach((r, i) => show(`create${i}`, r));
  });
  it("updateUser agency of other region / nonexistent", async () => {
    const ctx = await ctxFor(handle.db, "admin@demo.local");
    const [other] = await handle.db.insert(agencies).values({ regionCode: "18.01", code: "X", name: "Other", shortName: "Other" }).returning();
    const target = await actorByEmail(handle.db, "pimpinan@demo.local");
    show("otherRegionAgency", (await Promise.allSettled([updateUser({ ctx, input: { id: target.id, role: "agency", agencyId: other.id } })]))[0]);
    console.log(name, "pimpinan now", await actorByEmail(handle.db, "pimpinan@demo.local"));
    show("nonexistentAgency", (await Promise.allSettled([updateUser({ ctx, input: { id: target.id, agencyId: "00000000-0000-4000-8000-000000000001" } })]))[0]);
  });
  it("truncate audit", async () => {
    const before = await handle.db.execute(sql`select count(*) from audit_log`);
    show("truncate", (await Promise.allSettled([handle.db.execute(sql`TRUNCATE audit_log`)]))[0]);
    console.log(name, "before", JSON.stringify(before.rows ?? before), "after", JSON.stringify((await handle.db.execute(sql`select count(*) from audit_log`)).rows ?? "?"));
  });
  it("revoke token of other region", async () => {
    const [u] = await handle.db.insert(users).values({ regionCode: "18.01", email: "lambar@x.local", name: "Lambar", role: "admin", passwordHash: "x" }).returning();
    const [t] = await handle.db.insert(apiTokens).values({ userId: u.id, name: "lambar", tokenHash: "abc", prefix: "imd_abc" }).returning();
    const ctx = await ctxFor(handle.db, "admin@demo.local");
    show("revokeOther", (await Promise.allSettled([revokeToken({ ctx, input: { id: t.id } })]))[0]);
    console.log(name, "revokedAt", (await handle.db.select().from(apiTokens).where(eq(apiTokens.id, t.id)))[0].revokedAt);
    const lambarCtx = await ctxFor(handle.db, "lambar@x.local");
    const admin1811 = await actorByEmail(handle.db, "admin@demo.local");
    show("lambar deactivates? (region scoped)", (await Promise.allSettled([updateUser({ ctx: lambarCtx, input: { id: admin1811.id, active: false } })]))[0]);
  });
});
