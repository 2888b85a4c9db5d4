import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { checkHealth } from "@/lib/health";
import { databaseCases } from "./support";

describe.each(databaseCases())("health check (%s)", (name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  it("reports ok and the kind of database", async () => {
    expect(await checkHealth(async () => handle)).toEqual({ status: "ok", database: name });
  });

  it("reports a database that cannot be opened with a generic reason, never the driver's message", async () => {
    const health = await checkHealth(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:1\n    at secret/stack/frame");
    });
    expect(health).toEqual({ status: "error", reason: "database unreachable" });
  });

  it("reports a database that opens but cannot answer", async () => {
    const broken: DatabaseHandle = {
      ...handle,
      db: { execute: () => Promise.reject(new Error("terminating connection due to administrator command")) } as never,
    };
    const health = await checkHealth(async () => broken);
    expect(health).toEqual({ status: "error", reason: "database unreachable" });
  });
});
