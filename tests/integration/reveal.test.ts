import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { residents } from "@/db/schema/beneficiaries";
import { lookupResident } from "@/lib/beneficiaries/lookup";
import { revealResident } from "@/lib/beneficiaries/reveal";
import { generateNikKeys, nikKeys, setNikKeys } from "@/lib/crypto";
import { EncryptionKeyError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { NIK, openHandMadeDatabase } from "@/tests/helpers/beneficiary-fixtures";
import { ctxFor } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

describe.each(databaseCases())("revealing a resident's NIK and name (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let residentA: string;
  const revealAudits = () => handle.db.select().from(auditLog).where(eq(auditLog.action, "resident.reveal"));

  beforeAll(async () => {
    ({ handle } = await openHandMadeDatabase(database));
    const found = await lookupResident({ ctx: await ctxFor(handle.db, "bappeda@demo.local"), input: { nik: NIK.A } });
    residentA = found.resident!.id;
  });
  afterAll(() => handle.close());

  it("decrypts the NIK and name for Bappeda and admin, writing one audit row each time without the values", async () => {
    for (const email of ["bappeda@demo.local", "admin@demo.local"]) {
      const ctx = await ctxFor(handle.db, email);
      const revealed = await revealResident({
        ctx,
        residentId: residentA,
        input: { reason: "Verifikasi pengaduan warga no. 12/2024" },
      });
      expect(revealed).toEqual({
        residentId: residentA,
        maskedNik: "181101******0001",
        nik: NIK.A,
        name: "Siti Aminah",
      });
    }
    const audits = await revealAudits();
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.actorEmail)).toEqual(["bappeda@demo.local", "admin@demo.local"]);
    expect(audits[0]).toMatchObject({
      entity: "resident",
      entityId: residentA,
      after: { fields: ["name", "nik"], reason: "Verifikasi pengaduan warga no. 12/2024" },
    });
    const text = JSON.stringify(await handle.db.select().from(auditLog));
    expect(text).not.toMatch(/\d{16}/);
    expect(text).not.toContain("Siti Aminah");
  });

  it("reveals only the fields asked for; a resident without a stored name reveals null", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    expect(await revealResident({ ctx, residentId: residentA, input: { fields: ["name"] } })).toMatchObject({
      nik: null,
      name: "Siti Aminah",
    });
    const [d] = await handle.db.select().from(residents).where(eq(residents.issueAreaCode, "181104"));
    await handle.db.update(residents).set({ nameEncrypted: null }).where(eq(residents.id, d.id));
    expect(await revealResident({ ctx, residentId: d.id, input: {} })).toMatchObject({ nik: NIK.D, name: null });
  });

  it("is forbidden for leader, evaluator and agency staff, and audits nothing for them", async () => {
    const before = (await revealAudits()).length;
    for (const email of ["pimpinan@demo.local", "evaluator@demo.local", "opd@demo.local"]) {
      const ctx = await ctxFor(handle.db, email);
      expect(await caught(revealResident({ ctx, residentId: residentA, input: {} })), email).toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(await revealAudits()).toHaveLength(before);
  });

  it("refuses a reason carrying a NIK, an unknown resident and a bad field, changing nothing", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const before = (await revealAudits()).length;
    const withNik = await caught(revealResident({ ctx, residentId: residentA, input: { reason: `cek ${NIK.B}` } }));
    expect(withNik).toBeInstanceOf(ValidationError);
    expect((withNik as ValidationError).issues[0]).toMatchObject({ path: ["reason"], message: "v.revealReasonDigits" });
    expect(
      await caught(revealResident({ ctx, residentId: residentA, input: { reason: "1811 0212 0385 0002" } })),
    ).toBeInstanceOf(ValidationError);
    expect(await caught(revealResident({ ctx, residentId: residentA, input: { fields: ["alamat"] } }))).toBeInstanceOf(
      ValidationError,
    );
    expect(
      await caught(revealResident({ ctx, residentId: "00000000-0000-4000-8000-000000000000", input: {} })),
    ).toBeInstanceOf(NotFoundError);
    expect(await caught(revealResident({ ctx, residentId: "1811014501900001", input: {} }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await revealAudits()).toHaveLength(before);
  });

  it("reveals nothing and records nothing when the stored value cannot be decrypted (another key)", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const before = (await revealAudits()).length;
    const keys = nikKeys();
    setNikKeys(generateNikKeys());
    try {
      const error = await caught(revealResident({ ctx, residentId: residentA, input: {} }));
      // Said in words (the key was changed), never with the data, and nothing is revealed.
      expect(error).toBeInstanceOf(EncryptionKeyError);
      expect(error).toMatchObject({ status: 500, code: "encryption_key_mismatch" });
      expect(String((error as Error).message)).not.toContain(NIK.A);
    } finally {
      setNikKeys(keys);
    }
    expect(await revealAudits()).toHaveLength(before);
  });
});
