import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { igaPeerResults } from "@/db/schema/iga-peer-results";
import type { Ctx } from "@/lib/auth/context";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import {
  addIgaPeerResult,
  listIgaPeerResults,
  peerRegionOptions,
  removeIgaPeerResult,
  updateIgaPeerResult,
} from "@/lib/trends/iga-peers";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

/* Comparison regions on the IGA trend: who may write them, what is refused, audit, versions, region scope. */

const TUBA = "18.05"; // Kabupaten Tulang Bawang, Mesuji's parent regency
const peer = {
  peerCode: TUBA,
  year: 2023,
  nationalRank: 40,
  provinceRank: 3,
  source: "Kepmendagri 100.4.4-0000/2023 (test)",
};

describe.each(databaseCases())("IGA peer results (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let bappeda: Ctx;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    bappeda = await ctxFor(handle.db, "bappeda@demo.local");
  });
  afterAll(() => handle.close());

  const audits = (entityId: string) =>
    handle.db
      .select()
      .from(auditLog)
      .where(and(like(auditLog.action, "iga.peer.%"), eq(auditLog.entityId, entityId)));

  it("starts empty (no invented peer figures) and offers every other kabupaten/kota to pick", async () => {
    const leader = await ctxFor(handle.db, "pimpinan@demo.local");
    expect(await listIgaPeerResults({ ctx: leader })).toEqual([]);
    const options = await peerRegionOptions({ ctx: leader });
    expect(options.length).toBeGreaterThan(500);
    expect(options.find((o) => o.code === TUBA)).toEqual({
      code: TUBA,
      name: "Kabupaten Tulang Bawang",
      provinceName: "Lampung",
    });
    expect(options.some((o) => o.code === "18.11")).toBe(false);
    expect(options.some((o) => o.code.split(".").length !== 2)).toBe(false);
  });

  it("lets Bappeda add, correct and remove a peer's year, each audited, with the version read", async () => {
    const added = await addIgaPeerResult({ ctx: bappeda, input: peer });
    expect(added).toEqual({ ...peer, peerName: "Kabupaten Tulang Bawang", provinceName: "Lampung", version: 1 });
    expect(await caught(addIgaPeerResult({ ctx: bappeda, input: peer }))).toMatchObject({
      code: "iga_peer_exists",
      status: 409,
    });

    const key = { peerCode: TUBA, year: "2023" };
    const updated = await updateIgaPeerResult({
      ctx: bappeda,
      key,
      input: { version: 1, nationalRank: 38, provinceRank: null, source: "https://example.go.id/iga-2023" },
    });
    expect(updated).toMatchObject({ nationalRank: 38, provinceRank: null, version: 2 });
    const stale = await caught(
      updateIgaPeerResult({ ctx: bappeda, key, input: { version: 1, nationalRank: 1, source: "x" } }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ code: "iga_peer_stale", params: { version: 2 } });
    expect(await caught(removeIgaPeerResult({ ctx: bappeda, input: { ...key, version: "1" } }))).toMatchObject({
      code: "iga_peer_stale",
    });

    const leader = await ctxFor(handle.db, "pimpinan@demo.local");
    expect((await listIgaPeerResults({ ctx: leader })).map((p) => [p.peerCode, p.year, p.nationalRank])).toEqual([
      [TUBA, 2023, 38],
    ]);

    expect(await removeIgaPeerResult({ ctx: bappeda, input: { ...key, version: "2" } })).toEqual({ removed: true });
    expect(await listIgaPeerResults({ ctx: leader })).toEqual([]);
    expect(await caught(removeIgaPeerResult({ ctx: bappeda, input: { ...key, version: "2" } }))).toBeInstanceOf(
      NotFoundError,
    );

    const trail = await audits(`${TUBA}/2023`);
    expect(trail.map((a) => a.action).sort()).toEqual(["iga.peer.add", "iga.peer.remove", "iga.peer.update"]);
    const update = trail.find((a) => a.action === "iga.peer.update");
    expect(update?.before).toMatchObject({ nationalRank: 40, version: 1 });
    expect(update?.after).toMatchObject({ nationalRank: 38, version: 2 });
  });

  it("refuses the anonymous (401) and roles without the write permission (403), before reading the input", async () => {
    expect(await caught(addIgaPeerResult({ ctx: await ctxFor(handle.db, null), input: peer }))).toBeInstanceOf(
      UnauthenticatedError,
    );
    expect(await caught(listIgaPeerResults({ ctx: await ctxFor(handle.db, null) }))).toBeInstanceOf(
      UnauthenticatedError,
    );
    for (const email of ["pimpinan@demo.local", "opd@demo.local", "evaluator@demo.local"]) {
      const ctx = await ctxFor(handle.db, email);
      expect(await caught(addIgaPeerResult({ ctx, input: {} }))).toBeInstanceOf(ForbiddenError);
      expect(await caught(updateIgaPeerResult({ ctx, key: { peerCode: TUBA, year: 2023 }, input: {} }))).toBeInstanceOf(
        ForbiddenError,
      );
      expect(await caught(removeIgaPeerResult({ ctx, input: {} }))).toBeInstanceOf(ForbiddenError);
    }
    expect(await handle.db.select().from(igaPeerResults)).toEqual([]);
  });

  it("refuses a kecamatan, an unknown code, the region itself, no rank, no source and bad ranks (422)", async () => {
    const admin = await ctxFor(handle.db, "admin@demo.local");
    const field = async (input: object) => {
      const error = await caught(addIgaPeerResult({ ctx: admin, input: { ...peer, ...input } }));
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(await field({ peerCode: "18.11.01" })).toEqual([["peerCode", "v.igaPeerRegion"]]);
    expect(await field({ peerCode: "99.99" })).toEqual([["peerCode", "v.igaPeerRegion"]]);
    expect(await field({ peerCode: "18" })).toEqual([["peerCode", "v.igaPeerRegion"]]);
    expect(await field({ peerCode: "18.11" })).toEqual([["peerCode", "v.igaPeerSelf"]]);
    expect(await field({ nationalRank: null, provinceRank: null })).toEqual([["nationalRank", "v.igaPeerRank"]]);
    expect(await field({ source: "  " })).toEqual([["source", "v.igaPeerSource"]]);
    expect(await field({ nationalRank: 0 })).toEqual([["nationalRank", "v.igaRank"]]);
    expect(await field({ year: 1999 })).toEqual([["year", "v.igaPeerYear"]]);
    expect(
      await caught(updateIgaPeerResult({ ctx: admin, key: { peerCode: "x", year: 2023 }, input: {} })),
    ).toBeInstanceOf(NotFoundError);
    expect(await handle.db.select().from(igaPeerResults)).toEqual([]);
  });

  it("keeps each region's comparisons apart: another regency neither sees nor changes Mesuji's", async () => {
    await addIgaPeerResult({ ctx: bappeda, input: { ...peer, peerCode: "18.08", year: 2022 } });
    // The same Bappeda user as if deployed for Tulang Bawang (18.05): a different owning region.
    const other: Ctx = { ...bappeda, actor: { ...bappeda.actor!, regionCode: TUBA } };
    expect(await listIgaPeerResults({ ctx: other })).toEqual([]);
    const key = { peerCode: "18.08", year: 2022 };
    expect(
      await caught(updateIgaPeerResult({ ctx: other, key, input: { version: 1, nationalRank: 1, source: "x" } })),
    ).toBeInstanceOf(NotFoundError);
    expect(await caught(removeIgaPeerResult({ ctx: other, input: { ...key, version: 1 } }))).toBeInstanceOf(
      NotFoundError,
    );
    // Tulang Bawang may compare itself with the same peer and year: the key includes the owning region.
    expect(
      await addIgaPeerResult({ ctx: other, input: { ...peer, peerCode: "18.08", year: 2022, nationalRank: 99 } }),
    ).toMatchObject({ nationalRank: 99, version: 1 });
    // Its own code is "self" for it, though Mesuji may compare with it.
    expect(await caught(addIgaPeerResult({ ctx: other, input: peer }))).toMatchObject({
      issues: [{ message: "v.igaPeerSelf" }],
    });
    expect((await listIgaPeerResults({ ctx: bappeda })).map((p) => [p.peerCode, p.nationalRank])).toEqual([
      ["18.08", 40],
    ]);
  });
});
