import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { GET } from "@/app/api/v1/me/route";
import { env } from "@/lib/config/env";
import { createToken } from "@/lib/tokens/create-token";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { callRoute } from "@/tests/helpers/routes";
import { databaseCases } from "../support";

describe.each(databaseCases())("API rate limit per token (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let first: string;
  let second: string;
  const limits = env() as { API_RATE_LIMIT_PER_MINUTE: number };
  const before = limits.API_RATE_LIMIT_PER_MINUTE;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    const admin = await ctxFor(handle.db, "admin@demo.local");
    ({ token: first } = await createToken({
      ctx: admin,
      input: { email: "bappeda@demo.local", name: `batas-1-${_name}`, expiresInDays: null },
    }));
    ({ token: second } = await createToken({
      ctx: admin,
      input: { email: "bappeda@demo.local", name: `batas-2-${_name}`, expiresInDays: null },
    }));
    limits.API_RATE_LIMIT_PER_MINUTE = 3;
  });
  afterAll(async () => {
    limits.API_RATE_LIMIT_PER_MINUTE = before;
    await handle.close();
  });

  it("answers 429 with Retry-After once a token made its requests of the minute; other tokens and sessions go on", async () => {
    for (let i = 0; i < 3; i++)
      expect((await callRoute(handle.db, GET, "GET", { email: null, token: first })).status).toBe(200);
    const refused = await callRoute(
      handle.db,
      GET,
      "GET",
      { email: null, token: first },
      { headers: { "accept-language": "id" } },
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      code: "api_rate_limited",
      message: expect.stringMatching(/Tunggu \d+ detik/),
    });
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // The limit is the token's own: another token and a browser session are not slowed.
    expect((await callRoute(handle.db, GET, "GET", { email: null, token: second })).status).toBe(200);
    for (let i = 0; i < 5; i++)
      expect((await callRoute(handle.db, GET, "GET", { email: "bappeda@demo.local" })).status).toBe(200);
    // An unknown token is refused as before (401), without counting against anyone.
    expect((await callRoute(handle.db, GET, "GET", { email: null, token: "imd_tidak-ada" })).status).toBe(401);
  });
});
