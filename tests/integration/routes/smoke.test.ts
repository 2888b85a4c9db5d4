import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import * as me from "@/app/api/v1/me/route";
import { seedDemoData } from "@/tests/helpers/fixtures";
import { callRoute } from "@/tests/helpers/routes";
import { databaseCases } from "../support";

describe.each(databaseCases())("smoke (%s)", (_n, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());
  it("me", async () => {
    expect(await callRoute(handle.db, me.GET, "GET", { email: null })).toMatchObject({ status: 401 });
    const r = await callRoute(handle.db, me.GET, "GET", { email: "opd@demo.local" });
    expect(r).toMatchObject({ status: 200, body: { email: "opd@demo.local", role: "agency" } });
  });
});
