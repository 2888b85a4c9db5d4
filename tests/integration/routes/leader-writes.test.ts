import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { seedDemoData } from "@/tests/helpers/fixtures";
import { callRoute, type RouteCall } from "@/tests/helpers/routes";
import { databaseCases } from "../support";
import { routeFiles } from "./route-table";

/*
 * A leader may read aggregates and change nothing. Whatever body they send to any write route of
 * the API (none, not JSON, an empty or wrong object, a form with a file, a CSV), the answer is 403
 * before the body is read, so it cannot teach them the validation rules.
 */

function withFile(): FormData {
  const form = new FormData();
  form.set("file", new Blob(["nik,nama\n"]), "data.csv");
  form.set("indicatorCode", "INV-01");
  return form;
}

const BODIES: [string, () => RouteCall][] = [
  ["no body", () => ({})],
  ["text that is not JSON", () => ({ body: "bukan json", headers: { "content-type": "application/json" } })],
  ["an empty object", () => ({ body: {} })],
  ["an array", () => ({ body: [1, 2] })],
  [
    "a plausible object",
    () => ({ body: { name: "Inovasi", version: 1, archived: true, nik: "1811064506850003", status: "accepted" } }),
  ],
  ["a multipart form with a file", () => ({ body: withFile() })],
  ["a CSV body", () => ({ body: "nik,nama\n1,2\n", headers: { "content-type": "text/csv" } })],
];

const NONE = "00000000-0000-4000-8000-000000000000";
const PARAMS = { id: NONE, batchId: NONE, innovationId: NONE, jobId: NONE, action: "submit", year: "2023" };
/** POSTs that change nothing: checking a package a leader holds is theirs to do (iga.submission.read). */
const READS_BY_POST = new Set(["POST /api/v1/iga/{year}/submissions/verify"]);
const writes = routeFiles().filter(
  (r) => r.method !== "GET" && r.path.startsWith("/api/v1/") && !READS_BY_POST.has(r.key),
);

describe.each(databaseCases())("a leader gets 403 from every write route (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  it("finds the write routes", () => expect(writes.length).toBeGreaterThan(15));

  it.each(writes.map((r) => [r.key, r] as const))("%s", async (_key, route) => {
    const routeModule = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
    for (const [label, body] of BODIES) {
      const answer = await callRoute(
        handle.db,
        routeModule[route.method],
        route.method,
        { email: "pimpinan@demo.local" },
        { params: PARAMS, ...body() },
      );
      expect({ label, status: answer.status, code: answer.body?.error?.code }).toEqual({
        label,
        status: 403,
        code: "forbidden",
      });
    }
  });
});
