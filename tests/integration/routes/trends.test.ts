import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as peer from "@/app/api/v1/iga/peers/[peerCode]/[year]/route";
import * as peers from "@/app/api/v1/iga/peers/route";
import type { DatabaseHandle } from "@/db/client";
import { seedDemoData } from "@/tests/helpers/fixtures";
import { callRoute } from "@/tests/helpers/routes";
import { databaseCases } from "../support";

/* The IGA trend's comparison-region routes, called as Next calls them. */

const bappeda = { email: "bappeda@demo.local" };
const leader = { email: "pimpinan@demo.local" };
const KEY = { peerCode: "18.05", year: "2023" };
const body = { peerCode: "18.05", year: 2023, nationalRank: 40, provinceRank: 3, source: "Kepmendagri (route test)" };

describe.each(databaseCases())("IGA peer routes (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  const call = (h: unknown, method: string, caller: { email: string | null }, rest = {}) =>
    callRoute(handle.db, h, method, caller, rest);

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  it("adds (201), lists, corrects with the version read and removes a peer's year", async () => {
    expect(await call(peers.GET, "GET", leader)).toMatchObject({ status: 200, body: { items: [] } });
    expect(await call(peers.POST, "POST", bappeda, { body })).toMatchObject({
      status: 201,
      body: { ...body, peerName: "Kabupaten Tulang Bawang", version: 1 },
    });
    expect(await call(peers.POST, "POST", bappeda, { body, headers: { "accept-language": "id" } })).toMatchObject({
      status: 409,
      body: {
        error: { code: "iga_peer_exists", message: expect.stringContaining("sudah punya hasil untuk tahun 2023") },
      },
    });
    expect((await call(peers.GET, "GET", leader)).body.items).toMatchObject([
      { peerCode: "18.05", year: 2023, nationalRank: 40 },
    ]);

    const put = await call(peer.PUT, "PUT", bappeda, {
      params: KEY,
      body: { version: 1, nationalRank: 38, source: "https://example.go.id/iga" },
    });
    expect(put).toMatchObject({ status: 200, body: { nationalRank: 38, provinceRank: null, version: 2 } });
    expect(
      await call(peer.PUT, "PUT", bappeda, {
        params: KEY,
        body: { version: 1, nationalRank: 1, source: "x" },
        headers: { "accept-language": "en" },
      }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: "iga_peer_stale", message: expect.stringContaining("now version 2") } },
    });
    expect(await call(peer.DELETE, "DELETE", bappeda, { params: KEY, query: "?version=1" })).toMatchObject({
      status: 409,
      body: { error: { code: "iga_peer_stale" } },
    });
    expect(await call(peer.DELETE, "DELETE", bappeda, { params: KEY, query: "?version=2" })).toMatchObject({
      status: 200,
      body: { removed: true },
    });
    expect(await call(peer.DELETE, "DELETE", bappeda, { params: KEY, query: "?version=2" })).toMatchObject({
      status: 404,
    });
    expect((await call(peers.GET, "GET", leader)).body.items).toEqual([]);
  });

  it("answers 401, 403 and 422 with the field and its message in the caller's language", async () => {
    expect(await call(peers.POST, "POST", { email: null }, { body })).toMatchObject({ status: 401 });
    expect(await call(peers.POST, "POST", leader, { body })).toMatchObject({ status: 403 });
    expect(await call(peer.PUT, "PUT", leader, { params: KEY, body: {} })).toMatchObject({ status: 403 });
    expect(await call(peer.DELETE, "DELETE", leader, { params: KEY, query: "?version=1" })).toMatchObject({
      status: 403,
    });
    const bad = await call(peers.POST, "POST", bappeda, {
      body: { ...body, peerCode: "18.11.01" },
      headers: { "accept-language": "id" },
    });
    expect(bad).toMatchObject({
      status: 422,
      body: {
        error: {
          code: "validation_failed",
          fields: [{ field: "peerCode", message: expect.stringContaining("kabupaten/kota") }],
        },
      },
    });
    expect(
      await call(peers.POST, "POST", bappeda, { body: "not json", headers: { "content-type": "application/json" } }),
    ).toMatchObject({ status: 422 });
    expect(await call(peer.DELETE, "DELETE", bappeda, { params: KEY })).toMatchObject({ status: 422 });
  });
});
