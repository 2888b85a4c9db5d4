import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { importBatches, residents, serviceRecords } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { subjectView } from "@/lib/iga/assessment-view";
import { distinctResidentsServed } from "@/lib/iga/benefit-proposal";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { databaseCases } from "./support";

/**
 * The level proposed for "Kemanfaatan inovasi" counts distinct residents in service_records for the
 * framework's year. Residents here are placeholders (no real NIK: the hash and ciphertext are
 * dummies), enough for counting.
 */
describe.each(databaseCases())("IGA benefit proposal from service records (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let payo: string;
  let pakKur: string;

  async function addResidents(n: number, offset: number) {
    const rows = await handle.db
      .insert(residents)
      .values(
        Array.from({ length: n }, (_, i) => ({
          regionCode: "18.11",
          nikHash: `test-hash-${offset + i}`,
          nikEncrypted: "test-not-a-nik",
          sex: (i % 2 ? "L" : "P") as "L" | "P",
          birthDate: "1990-01-01",
          issueAreaCode: "18.11.01",
        })),
      )
      .returning({ id: residents.id });
    return rows.map((r) => r.id);
  }

  const serve = async (innovationId: string, residentIds: string[], date: string, type = "layanan") => {
    const [batch] = await handle.db
      .insert(importBatches)
      .values({ regionCode: "18.11", innovationId, source: "cli", status: "done" })
      .returning({ id: importBatches.id });
    await handle.db
      .insert(serviceRecords)
      .values(
        residentIds.map((residentId) => ({
          regionCode: "18.11",
          innovationId,
          residentId,
          serviceDate: date,
          serviceType: type,
          batchId: batch.id,
        })),
      );
  };

  const proposalOf = async (innovationId: string) => {
    const view = (await subjectView({ ctx: await ctxFor(handle.db, "bappeda@demo.local"), innovationId }))!;
    return view.items.find((i) => i.indicator.name === "Kemanfaatan inovasi")!.proposal;
  };

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    [{ id: payo }] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.name, "Payo Beladas"));
    [{ id: pakKur }] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.name, "Pak Kur"));
  });
  afterAll(() => handle.close());

  it("proposes nothing before anyone is served, and only on the benefit indicator", async () => {
    expect(await proposalOf(payo)).toEqual({ residents: 0, level: null, thresholds: [1, 101, 201] });
    const view = (await subjectView({ ctx: await ctxFor(handle.db, "bappeda@demo.local"), innovationId: payo }))!;
    expect(view.items.filter((i) => i.proposal !== null).map((i) => i.indicator.code)).toEqual(["INV-18"]);
  });

  it("counts each resident once in the year, whatever the number of services, dates or other years", async () => {
    const first = await addResidents(150, 0);
    await serve(payo, first, "2023-03-01");
    await serve(payo, first.slice(0, 80), "2023-07-15"); // a second visit: same residents
    await serve(payo, first.slice(0, 10), "2023-07-15", "akta"); // another service type
    const lastYear = await addResidents(100, 1000);
    await serve(payo, lastYear, "2022-12-31"); // not 2023
    await serve(pakKur, lastYear, "2023-05-05"); // another innovation
    expect(await distinctResidentsServed(handle.db, "18.11", payo, 2023)).toBe(150);
    expect(await proposalOf(payo)).toMatchObject({ residents: 150, level: 2 });
    expect(await proposalOf(pakKur)).toMatchObject({ residents: 100, level: 1 });
  });

  it("reaches level 3 at 201 distinct residents, counting the last day of the year", async () => {
    const more = await addResidents(51, 2000);
    await serve(payo, more, "2023-12-31");
    expect(await proposalOf(payo)).toMatchObject({ residents: 201, level: 3 });
  });
});
