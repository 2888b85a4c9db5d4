import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { ROLES } from "@/db/schema/users";
import { DEMO_USERS } from "@/seed/demo";
import { type Actor, can, requirePermission } from "@/lib/auth/context";
import { ANONYMOUS_PERMISSIONS, type Permission, PERMISSIONS } from "@/lib/auth/permissions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { actorByEmail, agencyIdByCode, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

const ALL = Object.keys(PERMISSIONS) as Permission[];

describe.each(databaseCases())("permissions (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let actors: Map<string, Actor>;
  let disdukcapil: string;
  let dinkes: string;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    actors = new Map();
    for (const u of DEMO_USERS) actors.set(u.role, await actorByEmail(handle.db, u.email));
    disdukcapil = await agencyIdByCode(handle.db, "DISDUKCAPIL");
    dinkes = await agencyIdByCode(handle.db, "DINKES");
  });
  afterAll(() => handle.close());

  const ctx = (actor: Actor | null) => ({ db: handle.db, actor });

  it("has one demo user for every role", () => {
    expect([...actors.keys()].sort()).toEqual([...ROLES].sort());
  });

  /** Who holds what, written out here rather than read from the map under test. */
  //                                  admin  bappeda agency leader evaluator province national
  // prettier-ignore
  const EXPECTED: Record<Permission, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
    "dashboard.view":                [true,  true,  true,  true,  true,  false, false],
    "innovation.read":               [true,  true,  true,  true,  true,  false, false],
    "innovation.write":              [true,  true,  true,  false, false, false, false],
    "agency.read":                   [true,  true,  true,  true,  true,  false, false],
    "user.manage":                   [true,  false, false, false, false, false, false],
    "token.manage":                  [true,  false, false, false, false, false, false],
    "audit.read":                    [true,  false, false, false, false, false, false],
    "region.manage":                 [true,  false, false, false, false, false, false],
    "iga.read":                      [true,  true,  true,  true,  true,  false, false],
    "iga.assess":                    [true,  true,  true,  false, false, false, false],
    "iga.assess_region":             [true,  true,  false, false, false, false, false],
    "iga.review":                    [true,  false, false, false, true,  false, false],
    "iga.framework.manage":          [true,  false, false, false, false, false, false],
    "iga.submit":                    [true,  true,  false, false, false, false, false],
    "iga.submission.read":           [true,  true,  true,  true,  true,  false, false],
    "iga.submission.freeze":         [true,  true,  false, false, true,  false, false],
    "iga.submission.export":         [true,  true,  false, false, true,  false, false],
    "iga.submission.summary":        [true,  true,  false, true,  true,  false, false],
    "iga.results.write":             [true,  true,  false, false, false, false, false],
    "gallery.read":                  [true,  true,  true,  true,  true,  true,  true],
    "gallery.publish":               [true,  true,  false, false, false, false, false],
    "impact.read":                   [true,  true,  true,  true,  true,  false, false],
    "beneficiary.import":            [true,  true,  true,  false, false, false, false],
    "resident.lookup":               [true,  true,  false, false, false, false, false],
    "resident.reveal":               [true,  true,  false, false, false, false, false],
    "region.summary.read":           [false, false, false, false, false, true,  true],
  };
  const TABLE_ROLES = ["admin", "bappeda", "agency", "leader", "evaluator", "province", "national"] as const;

  it("lists every permission of the map in the expected table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ALL].sort());
    expect([...TABLE_ROLES].sort()).toEqual([...ROLES].sort());
  });

  it.each(TABLE_ROLES.map((r, i) => [r, i] as const))(
    "grants %s exactly the permissions of the table",
    async (role, column) => {
      const actor = actors.get(role)!;
      for (const permission of ALL) {
        const granted = EXPECTED[permission][column];
        if (granted) {
          expect(requirePermission(ctx(actor), permission), `${role} ${permission}`).toBe(actor);
        } else {
          const error = await caught(() => requirePermission(ctx(actor), permission));
          expect(error, `${role} ${permission}`).toBeInstanceOf(ForbiddenError);
          expect(error).toMatchObject({ code: "forbidden", status: 403 });
        }
        expect(can(ctx(actor), permission), `${role} ${permission}`).toBe(granted);
      }
    },
  );

  it("keeps user, token and audit administration to admins", () => {
    for (const permission of ["user.manage", "token.manage", "audit.read"] as const) {
      expect(ROLES.filter((r) => can(ctx(actors.get(r)!), permission))).toEqual(["admin"]);
    }
    expect(ROLES.filter((r) => can(ctx(actors.get(r)!), "innovation.write")).sort()).toEqual([
      "admin",
      "agency",
      "bappeda",
    ]);
  });

  it("gives the roll-up roles the regions' summary and the public gallery only, in their province or the nation", () => {
    for (const role of ["province", "national"] as const) {
      expect(ALL.filter((p) => can(ctx(actors.get(role)!), p)).sort()).toEqual(["gallery.read", "region.summary.read"]);
    }
    expect(actors.get("province")!.regionCode).toBe("18");
    expect(actors.get("national")!.regionCode).toBe("00");
  });

  it("refuses anonymous callers for every permission", async () => {
    for (const permission of ALL) {
      expect(await caught(() => requirePermission(ctx(null), permission))).toBeInstanceOf(UnauthenticatedError);
      expect(can(ctx(null), permission)).toBe(false);
    }
  });

  it("opens only the public gallery to anonymous visitors (through the gallery's own read path)", () => {
    expect([...ANONYMOUS_PERMISSIONS]).toEqual(["gallery.read"]);
  });

  it("limits agency staff to their own agency's records", async () => {
    const opd = actors.get("agency")!;
    expect(opd.agencyId).toBe(disdukcapil);
    expect(requirePermission(ctx(opd), "innovation.write", { agencyId: disdukcapil, regionCode: opd.regionCode })).toBe(
      opd,
    );
    for (const resource of [
      { agencyId: dinkes },
      { agencyId: dinkes, regionCode: opd.regionCode },
      { agencyId: null },
    ]) {
      const error = await caught(() => requirePermission(ctx(opd), "innovation.write", resource));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ code: "forbidden_other_agency" });
    }
  });

  it("refuses agency staff without an agency on any agency's record", async () => {
    const orphan: Actor = { ...actors.get("agency")!, agencyId: null };
    const error = await caught(() => requirePermission(ctx(orphan), "innovation.write", { agencyId: disdukcapil }));
    expect(error).toMatchObject({ code: "forbidden_other_agency" });
  });

  it("lets region-wide roles act on any agency of their region", () => {
    for (const role of ["admin", "bappeda"] as const) {
      const actor = actors.get(role)!;
      for (const agencyId of [disdukcapil, dinkes]) {
        expect(requirePermission(ctx(actor), "innovation.write", { agencyId, regionCode: actor.regionCode })).toBe(
          actor,
        );
      }
    }
  });

  it("refuses every regional role a resource in another region", async () => {
    for (const role of ROLES.filter((r) => r !== "province" && r !== "national")) {
      const actor = actors.get(role)!;
      expect(actor.regionCode).toBe("18.11");
      const resource = { regionCode: "18.01", agencyId: actor.agencyId };
      const error = await caught(() => requirePermission(ctx(actor), "innovation.read", resource));
      expect(error, role).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ code: "forbidden" });
      expect(can(ctx(actor), "innovation.read", { regionCode: actor.regionCode })).toBe(true);
    }
  });

  it("checks the role before the resource", async () => {
    const leader = actors.get("leader")!;
    const error = await caught(() =>
      requirePermission(ctx(leader), "innovation.write", { agencyId: disdukcapil, regionCode: leader.regionCode }),
    );
    expect(error).toMatchObject({ code: "forbidden" });
  });
});
