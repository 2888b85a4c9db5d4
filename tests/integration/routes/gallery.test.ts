import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as publicRoute from "@/app/api/v1/innovations/[id]/public/route";
import type { DatabaseHandle } from "@/db/client";
import { innovations } from "@/db/schema/innovations";
import { seedDemoData } from "@/tests/helpers/fixtures";
import { callRoute } from "@/tests/helpers/routes";
import { databaseCases } from "../support";

/* PUT /api/v1/innovations/{id}/public, called as Next calls it. */

describe.each(databaseCases())("gallery API route (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let target: string;
  const put = (caller: { email: string | null }, id: string, body: unknown) =>
    callRoute(handle.db, publicRoute.PUT, "PUT", caller, { params: { id }, body });

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    const [row] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.isPublic, false))
      .limit(1);
    target = row.id;
  });
  afterAll(() => handle.close());

  it("publishes and hides for Bappeda, with the slug in the answer", async () => {
    const shown = await put({ email: "bappeda@demo.local" }, target, { public: true });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: target, isPublic: true, slug: expect.stringMatching(/^[a-z0-9-]+$/) });
    const hidden = await put({ email: "admin@demo.local" }, target, { public: false });
    expect(hidden.body).toEqual({ id: target, isPublic: false, slug: shown.body.slug });
  });

  it("refuses agency staff (403) and anonymous callers (401) whatever they send; a bad body is 422, an unknown id 404", async () => {
    expect((await put({ email: "opd@demo.local" }, target, "not json")).status).toBe(403);
    expect((await put({ email: null }, target, { public: true })).status).toBe(401);
    const bad = await put({ email: "bappeda@demo.local" }, target, { public: "ya" });
    expect(bad).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed", fields: [{ field: "public" }] } },
    });
    expect(bad.body.error.fields[0].message).not.toMatch(/^v\./);
    expect(
      (await put({ email: "bappeda@demo.local" }, "00000000-0000-4000-8000-000000000000", { public: true })).status,
    ).toBe(404);
    expect((await put({ email: "bappeda@demo.local" }, "not-a-uuid", { public: true })).status).toBe(404);
  });
});
