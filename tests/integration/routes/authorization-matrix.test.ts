import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { openApiDocument } from "@/lib/openapi/document";
import { CALLERS, type CallerName, buildRouteWorld, type RouteWorld } from "@/tests/helpers/route-world";
import { callRoute, type RouteCall } from "@/tests/helpers/routes";
import { databaseCases } from "../support";
import { routeFiles } from "./route-table";

/*
 * Who may call what, written out by hand: every route method × every kind of caller. "ok" means
 * the caller got past the permission checks (any status but 401/403: the body below may still be
 * refused, or name nothing). The columns are CALLERS:
 *   anonymous, admin, bappeda, agency own (Disdukcapil, Payo Beladas's), agency other, leader,
 *   evaluator, bearer token (bappeda's), province (Lampung's roll-up user; the national role holds
 *   the same single permission).
 * Each handler is called directly, with its caller resolved on this database by the app's rules.
 */

type Cell = 401 | 403 | "ok";
const O = "ok" as const;
interface Row {
  cells: [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];
  call?: (w: RouteWorld) => RouteCall;
  /** Not called here, and why (its rows still have to exist). */
  skip?: string;
}

const csv = "nik,nama,tanggal_layanan,jenis_layanan,kode_desa,nilai\n";

// The table is aligned by hand so each row reads across.
// prettier-ignore
const MATRIX: Record<string, Row> = {
  //                                                anon admin bappeda own  other leader eval  token prov
  "GET /api/v1/me":                                { cells: [401, O, O, O, O, O, O, O, O] },
  "GET /api/v1/agencies":                          { cells: [401, O, O, O, O, O, O, O, 403] },
  "GET /api/v1/users":                             { cells: [401, O, 403, 403, 403, 403, 403, 403, 403] },
  "POST /api/v1/users":                            { cells: [401, O, 403, 403, 403, 403, 403, 403, 403], call: () => ({ body: { email: "baru@demo.local", name: "Baru", role: "leader", password: "kata-sandi-panjang" } }) },
  "GET /api/v1/innovations":                       { cells: [401, O, O, O, O, O, O, O, 403] },
  "POST /api/v1/innovations":                      { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ body: { name: "Inovasi Matriks", agencyId: w.disdukcapil, stage: "inisiatif", yearApplied: 2024 } }) },
  "GET /api/v1/innovations/export":                { cells: [401, O, O, O, O, O, O, O, 403], call: () => ({ query: "?format=csv" }) },
  "POST /api/v1/innovations/import":               { cells: [401, O, O, O, O, 403, 403, O, 403], call: () => ({ query: "?dryRun=true", body: new FormData() }) },
  "GET /api/v1/innovations/import/template":       { cells: [401, O, O, O, O, 403, 403, O, 403] },
  "GET /api/v1/innovations/{id}":                  { cells: [401, O, O, O, O, O, O, O, 403], call: (w) => ({ params: { id: w.payo } }) },
  "PATCH /api/v1/innovations/{id}":                { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payo }, body: { version: 999, name: "Payo" } }) },
  "DELETE /api/v1/innovations/{id}":               { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payo } }) },
  "POST /api/v1/innovations/{id}/archive":         { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payo }, body: { archived: false } }) },
  "PUT /api/v1/innovations/{id}/public":          { cells: [401, O, O, 403, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payo }, body: { public: true } }) },
  "PUT /api/v1/iga/evidence/{id}/public":          { cells: [401, O, O, 403, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payoEvidence }, body: { public: false } }) },
  "GET /api/v1/gallery/photos/{id}":               { cells: [O, O, O, O, O, O, O, O, O], call: (w) => ({ params: { id: w.payoEvidence } }) },
  "GET /api/v1/innovations/{id}/impact":           { cells: [401, O, O, O, O, O, O, O, 403], call: (w) => ({ params: { id: w.payo } }) },
  "POST /api/v1/innovations/{id}/beneficiaries/import": { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payo }, query: "?dryRun=true", body: csv, headers: { "content-type": "text/csv" } }) },
  "POST /api/v1/innovations/{id}/beneficiaries/jobs":   { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payo }, query: "?dryRun=true", body: csv, headers: { "content-type": "text/csv" } }) },
  "GET /api/v1/innovations/{id}/beneficiaries/batches": { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payo } }) },
  "POST /api/v1/innovations/{id}/service-records":      { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payo }, body: { records: [] } }) },
  "GET /api/v1/beneficiaries/template":                 { cells: [401, O, O, O, O, 403, 403, O, 403], call: () => ({ query: "?format=csv" }) },
  "GET /api/v1/import-batches/{batchId}":               { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { batchId: w.payoBatch } }) },
  "GET /api/v1/import-batches/{batchId}/rejected-rows": { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { batchId: w.payoBatch } }) },
  "POST /api/v1/import-batches/{batchId}/undo":         { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { batchId: w.payoBatch } }) },
  "GET /api/v1/iga/frameworks":                    { cells: [401, O, O, O, O, O, O, O, 403] },
  "POST /api/v1/iga/frameworks":                   { cells: [401, O, 403, 403, 403, 403, 403, 403, 403], call: () => ({ body: { fromYear: 2023, toYear: 2031 } }) },
  "GET /api/v1/iga/frameworks/{year}":             { cells: [401, O, O, O, O, O, O, O, 403], call: () => ({ params: { year: "2023" } }) },
  "PUT /api/v1/iga/frameworks/{year}":             { cells: [401, O, 403, 403, 403, 403, 403, 403, 403], call: () => ({ params: { year: "2023" }, body: {} }) },
  "PUT /api/v1/iga/frameworks/{year}/status":      { cells: [401, O, 403, 403, 403, 403, 403, 403, 403], call: () => ({ params: { year: "2023" }, body: {} }) },
  "GET /api/v1/iga/{year}/score":                  { cells: [401, O, O, O, O, O, O, O, 403], call: () => ({ params: { year: "2023" } }) },
  "GET /api/v1/iga/{year}/todo":                   { cells: [401, O, O, O, O, O, O, O, 403], call: () => ({ params: { year: "2023" } }) },
  "GET /api/v1/iga/{year}/assessments":            { cells: [401, O, O, O, O, O, O, O, 403], call: (w) => ({ params: { year: "2023" }, query: `?innovationId=${w.payo}` }) },
  "PUT /api/v1/iga/{year}/assessments":            { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { year: "2023" }, body: { indicatorCode: "INV-01", innovationId: w.payo, level: null, version: 999 } }) },
  "POST /api/v1/iga/{year}/evidence":              { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { year: "2023" }, body: { kind: "link", indicatorCode: "INV-20", innovationId: w.payo, url: "https://example.org/payo" } }) },
  "POST /api/v1/iga/evidence/{id}/review":         { cells: [401, O, 403, 403, 403, 403, O, 403, 403], call: (w) => ({ params: { id: w.payoEvidence }, body: { status: "accepted" } }) },
  "GET /api/v1/iga/evidence/{id}/file":            { cells: [401, O, O, O, O, O, O, O, 403], call: (w) => ({ params: { id: w.payoEvidence } }) },
  "DELETE /api/v1/iga/evidence/{id}":              { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.payoEvidence } }) },
  "GET /api/v1/iga/{year}/innovations/{innovationId}/submission":          { cells: [401, O, O, O, O, O, O, O, 403], call: (w) => ({ params: { year: "2023", innovationId: w.payo } }) },
  "POST /api/v1/iga/{year}/innovations/{innovationId}/beneficiary-list":   { cells: [401, O, O, 403, 403, 403, 403, O, 403], call: (w) => ({ params: { year: "2023", innovationId: w.payo } }) },
  "POST /api/v1/iga/{year}/innovations/{innovationId}/submission/{action}": { cells: [401, O, O, O, 403, 403, 403, O, 403], call: (w) => ({ params: { year: "2023", innovationId: w.payo, action: "ready" }, body: { version: 999 } }) },
  "GET /api/v1/iga/{year}/submissions":            { cells: [401, O, O, O, O, O, O, O, 403], call: () => ({ params: { year: "2023" } }) },
  "POST /api/v1/iga/{year}/submissions":           { cells: [401, O, O, 403, 403, 403, O, O, 403], call: () => ({ params: { year: "2023" }, body: { overrideReason: "matrix" } }) },
  "GET /api/v1/iga/{year}/submissions/preflight":  { cells: [401, O, O, 403, 403, 403, O, O, 403], call: () => ({ params: { year: "2023" } }) },
  "POST /api/v1/iga/{year}/submissions/verify":    { cells: [401, O, O, O, O, O, O, O, 403], call: () => ({ params: { year: "2023" }, body: "not a zip", headers: { "content-type": "application/zip" } }) },
  "GET /api/v1/iga/{year}/submissions/{id}":       { cells: [401, O, O, O, O, O, O, O, 403], call: (w) => ({ params: { year: "2026", id: w.snapshot } }) },
  "GET /api/v1/iga/{year}/submissions/{id}/compare": { cells: [401, O, O, O, O, O, O, O, 403], call: (w) => ({ params: { year: "2026", id: w.snapshot }, query: `?with=${w.snapshot}` }) },
  "GET /api/v1/iga/{year}/submissions/{id}/package.zip":      { cells: [401, O, O, 403, 403, 403, O, O, 403], call: (w) => ({ params: { year: "2026", id: w.snapshot } }) },
  "GET /api/v1/iga/{year}/submissions/{id}/submission.xlsx":  { cells: [401, O, O, 403, 403, 403, O, O, 403], call: (w) => ({ params: { year: "2026", id: w.snapshot } }) },
  "GET /api/v1/iga/{year}/submissions/{id}/profil-inovasi.pdf": { cells: [401, O, O, 403, 403, O, O, O, 403], call: (w) => ({ params: { year: "2026", id: w.snapshot } }) },
  "GET /api/v1/iga/{year}/submissions/{id}/profil/{no}":      { cells: [401, O, O, 403, 403, 403, O, O, 403], call: (w) => ({ params: { year: "2026", id: w.snapshot, no: "1" } }) },
  "POST /api/v1/iga/{year}/submissions/{id}/package-jobs":    { cells: [401, O, O, 403, 403, 403, O, O, 403], call: (w) => ({ params: { year: "2026", id: w.snapshot } }) },
  "GET /api/v1/iga/{year}/submissions/{id}/package-jobs/{jobId}":             { cells: [401, O, O, 403, 403, 403, O, O, 403], call: (w) => ({ params: { year: "2026", id: w.snapshot, jobId: "00000000-0000-4000-8000-000000000000" } }) },
  "GET /api/v1/iga/{year}/submissions/{id}/package-jobs/{jobId}/package.zip": { cells: [401, O, O, 403, 403, 403, O, O, 403], call: (w) => ({ params: { year: "2026", id: w.snapshot, jobId: "00000000-0000-4000-8000-000000000000" } }) },
  "GET /api/v1/iga/results":                       { cells: [401, O, O, O, O, O, O, O, 403] },
  "PUT /api/v1/iga/results/{year}":                { cells: [401, O, O, 403, 403, 403, 403, O, 403], call: () => ({ params: { year: "2021" }, body: { version: 999, nationalRank: 155 } }) },
  "GET /api/v1/iga/peers":                         { cells: [401, O, O, O, O, O, O, O, 403] },
  "POST /api/v1/iga/peers":                        { cells: [401, O, O, 403, 403, 403, 403, O, 403], call: () => ({ body: { peerCode: "18.05", year: 2023, nationalRank: 40, source: "matrix" } }) },
  "PUT /api/v1/iga/peers/{peerCode}/{year}":       { cells: [401, O, O, 403, 403, 403, 403, O, 403], call: () => ({ params: { peerCode: "18.05", year: "2023" }, body: { version: 999, nationalRank: 41, source: "matrix" } }) },
  "DELETE /api/v1/iga/peers/{peerCode}/{year}":    { cells: [401, O, O, 403, 403, 403, 403, O, 403], call: () => ({ params: { peerCode: "18.05", year: "2023" }, query: "?version=999" }) },
  "GET /api/v1/regions/summary":                   { cells: [401, 403, 403, 403, 403, 403, 403, 403, O], call: () => ({ query: "?year=2023" }) },
  "GET /api/v1/impact/summary":                    { cells: [401, O, O, O, O, O, O, O, 403], call: () => ({ query: "?year=2024" }) },
  "POST /api/v1/residents/lookup":                 { cells: [401, O, O, 403, 403, 403, 403, O, 403], call: () => ({ body: { nik: "1811064506850003" } }) },
  "POST /api/v1/residents/{id}/reveal":            { cells: [401, O, O, 403, 403, 403, 403, O, 403], call: (w) => ({ params: { id: w.resident }, body: {} }) },
  "GET /api/v1/residents/cross-programme":         { cells: [401, O, O, O, O, O, O, O, 403] },
  "GET /api/v1/openapi.json":                      { cells: [O, O, O, O, O, O, O, O, O] },
  // Only the CLI, with the key it reads from DATA_DIR/server.json, gets in; nobody's session or token does.
  "POST /api/internal/cli":                        { cells: [401, 401, 401, 401, 401, 401, 401, 401, 401], call: () => ({ body: { command: "user.create", input: {} } }) },
  "GET /api/health":                               { cells: [O, O, O, O, O, O, O, O, O], skip: "public; it opens the app's own database (tests/integration/health.test.ts)" },
  "GET /api/auth/{...nextauth}":                   { cells: [O, O, O, O, O, O, O, O, O], skip: "Auth.js's own sign-in endpoints (tests/integration/login.test.ts, e2e)" },
  "POST /api/auth/{...nextauth}":                  { cells: [O, O, O, O, O, O, O, O, O], skip: "Auth.js's own sign-in endpoints (tests/integration/login.test.ts, e2e)" },
};

/** Callers expected to be refused go first, so a caller who may change a record does not remove what a refusal needs to find. */
const CALL_ORDER: CallerName[] = [
  "anonymous",
  "province",
  "leader",
  "evaluator",
  "agencyOther",
  "token",
  "agencyOwn",
  "bappeda",
  "admin",
];

const routes = routeFiles();

describe("the authorization table covers every route", () => {
  it("has one row per route method in app/, and no row for a route that does not exist", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(routes.map((r) => r.key).sort());
  });

  it("has a row for every operation of the OpenAPI document", () => {
    const documented = Object.entries(openApiDocument().paths ?? {}).flatMap(([p, ops]) =>
      Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.filter((k) => !(k in MATRIX))).toEqual([]);
  });
});

describe.each(databaseCases())("authorization matrix (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let world: RouteWorld;

  beforeAll(async () => {
    handle = await database.open();
    world = await buildRouteWorld(handle);
  });
  afterAll(() => handle.close());

  const called = routes.filter((r) => !MATRIX[r.key]?.skip);
  it.each(called.map((r) => [r.key, r] as const))(
    "%s",
    async (_key, route) => {
      const row = MATRIX[route.key];
      const routeModule = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      const got: Partial<Record<CallerName, Cell | number>> = {};
      for (const caller of CALL_ORDER) {
        const answer = await callRoute(
          handle.db,
          routeModule[route.method],
          route.method,
          world.callers[caller],
          row.call?.(world),
        );
        got[caller] = answer.status === 401 || answer.status === 403 ? answer.status : "ok";
        if (answer.status >= 500) got[caller] = answer.status; // a crash is never "ok"
      }
      const expected = Object.fromEntries(CALLERS.map((c, i) => [c, row.cells[i]]));
      expect(got).toEqual(expected);
    },
    120_000,
  );
});
