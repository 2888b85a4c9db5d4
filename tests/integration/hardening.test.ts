import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { prepareDatabase } from "@/lib/db-bootstrap";
import { seedDemo } from "@/seed/demo";
import { agencies } from "@/db/schema/agencies";
import { auditLog } from "@/db/schema/audit-log";
import { serviceRecords } from "@/db/schema/beneficiaries";
import { igaAssessments } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import { users } from "@/db/schema/users";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createToken } from "@/lib/tokens/create-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases, errorText } from "./support";

/** Regressions for holes found in review: cross-region writes, TRUNCATE, races on unique keys. */
describe.each(databaseCases())("hardening (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let otherRegionAgency: string;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    const [row] = await handle.db
      .insert(agencies)
      .values({
        regionCode: "18.01",
        code: "DINKES",
        name: "Dinas Kesehatan Lampung Barat",
        shortName: "Dinkes Lambar",
      })
      .returning();
    otherRegionAgency = row.id;
  });
  afterAll(() => handle.close());

  it("refuses TRUNCATE on the audit log", async () => {
    const before = (await handle.db.select({ id: auditLog.id }).from(auditLog)).length;
    expect(errorText(await caught(handle.db.execute(sql`truncate audit_log`)))).toContain("append-only");
    expect((await handle.db.select({ id: auditLog.id }).from(auditLog)).length).toBe(before);
  });

  it("refuses to move a user to an agency of another region", async () => {
    const ctx = await ctxFor(handle.db, "admin@demo.local");
    const [opd] = await handle.db.select().from(users).where(eq(users.email, "opd@demo.local"));
    const error = await caught(updateUser({ ctx, input: { id: opd.id, agencyId: otherRegionAgency } }));
    expect(error).toBeInstanceOf(ValidationError);
    const [after] = await handle.db.select().from(users).where(eq(users.id, opd.id));
    expect(after.agencyId).toBe(opd.agencyId);
  });

  it("does not let an admin revoke a token of another region's user", async () => {
    const ctx = await ctxFor(handle.db, "admin@demo.local");
    const token = await createToken({ ctx, input: { email: "bappeda@demo.local", name: "lintas wilayah" } });
    const foreignAdmin = { ...ctx, actor: { ...ctx.actor!, regionCode: "18.01" } };
    expect(await caught(revokeToken({ ctx: foreignAdmin, input: { id: token.id } }))).toBeInstanceOf(NotFoundError);
  });

  it("answers email_taken, not a database error, when two creates race for one email", async () => {
    const ctx = await ctxFor(handle.db, "admin@demo.local");
    const input = {
      email: "balapan@demo.local",
      name: "Balapan",
      role: "leader" as const,
      password: "kata-sandi-panjang",
    };
    const results = await Promise.allSettled([createUser({ ctx, input }), createUser({ ctx, input })]);
    const failures = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(ConflictError);
  });

  it("seeds the demo all or nothing: a failure in its last step leaves no demo data, and the next start seeds it whole", async () => {
    const fresh = await database.open();
    const options = { seedDemo: true, demoPassword: "inovasi-demo", regionCode: "18.11" };
    const counts = async () => ({
      users: (await fresh.db.select().from(users)).length,
      innovations: (await fresh.db.select({ id: innovations.id }).from(innovations)).length,
      assessments: (await fresh.db.select({ id: igaAssessments.id }).from(igaAssessments)).length,
      records: (await fresh.db.select({ id: serviceRecords.id }).from(serviceRecords)).length,
    });
    try {
      // The beneficiary step, last of three, fails as a crash there would.
      await fresh.db.execute(
        sql.raw(
          `create function refuse_demo() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`,
        ),
      );
      await fresh.db.execute(
        sql.raw(
          `create trigger refuse_demo before insert on service_records for each statement execute function refuse_demo()`,
        ),
      );
      expect(errorText(await caught(prepareDatabase(fresh, options)))).toMatch(/refused for the test/);
      expect(await counts()).toEqual({ users: 0, innovations: 0, assessments: 0, records: 0 });
      await fresh.db.execute(sql.raw(`drop trigger refuse_demo on service_records`));
      await prepareDatabase(fresh, options);
      const seeded = await counts();
      // 110 of 2023 and the 11 sample innovations the IGA demo adds for 2026
      expect(seeded).toMatchObject({ users: 7, innovations: 121 });
      expect(seeded.assessments).toBeGreaterThan(0);
      expect(seeded.records).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it("seeds demo data once when two starts race", async () => {
    const fresh = await database.open();
    try {
      const results = await Promise.all([
        seedDemo(fresh.db, { password: "inovasi-demo", regionCode: "18.11" }),
        seedDemo(fresh.db, { password: "inovasi-demo", regionCode: "18.11" }),
      ]);
      expect(results.filter((r) => r.seeded)).toHaveLength(1);
      expect((await fresh.db.select().from(users)).length).toBe(7);
    } finally {
      await fresh.close();
    }
  });
});
