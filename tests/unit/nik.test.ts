import { describe, expect, it } from "vitest";
import {
  ageBand,
  knownAreaPrefixes,
  lookupArea,
  maskNik,
  NIK_ERROR_MESSAGES,
  parseAreaCsv,
  parseNik,
  type NikErrorCode,
  type NikResult,
} from "@/lib/nik";

// 07:00 WIB on 15 June 2025: a fixed "today" keeps ages and century choices reproducible.
const TODAY = new Date("2025-06-15T00:00:00Z");
const parse = (raw: unknown, today = TODAY) => parseNik(raw, { today });

function expectOk(result: NikResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}`);
  return result;
}

function expectCode(raw: unknown, code: NikErrorCode, today = TODAY) {
  const result = parse(raw, today);
  expect(result.ok ? "ok" : result.code).toBe(code);
}

describe("parseNik: valid NIKs", () => {
  it("decodes a male NIK from Kecamatan Mesuji", () => {
    expect(parse("1811011505900001")).toEqual({
      ok: true,
      nik: "1811011505900001",
      sex: "L",
      birthDate: "1990-05-15",
      age: 35,
      areaCode: "181101",
      area: { kecamatan: "Mesuji", kabupatenKota: "Kabupaten Mesuji", provinsi: "Lampung" },
      warnings: [],
    });
  });

  it("decodes a female NIK (day + 40) from Tulang Bawang", () => {
    const r = expectOk(parse("1805025507850002"));
    expect(r).toMatchObject({ sex: "P", birthDate: "1985-07-15", age: 39, areaCode: "180502" });
    expect(r.area).toEqual({ kecamatan: "Menggala", kabupatenKota: "Kabupaten Tulang Bawang", provinsi: "Lampung" });
    expect(r.warnings).toEqual([]);
    expect(expectOk(parse("1811017112800003"))).toMatchObject({ sex: "P", birthDate: "1980-12-31" });
  });

  it("accepts an unknown area prefix with a warning instead of rejecting", () => {
    const r = expectOk(parse("9901011505900001"));
    expect(r.area).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(["nik_area_unknown"]);
    expect(r.warnings[0].message.id).toMatch(/kode wilayah/i);
  });

  // 180501 is not in the Kemendagri list shipped in db/reference (Tulang Bawang's numbering
  // starts at 180502), so a NIK with it is accepted but flagged.
  it("flags 180501 as unknown because the reference list does not contain it", () => {
    const r = expectOk(parse("1805011505900001"));
    expect(r.warnings.map((w) => w.code)).toEqual(["nik_area_unknown"]);
  });

  it("accepts a JS number below 2^53 and a bigint", () => {
    expect(expectOk(parse(1811011505900001)).nik).toBe("1811011505900001");
    expect(expectOk(parse(1811011505900001n)).nik).toBe("1811011505900001");
  });

  it.each([
    ["leading apostrophe", "'1811011505900001"],
    ["curly apostrophe", "\u20191811011505900001"],
    ["surrounding spaces and tabs", "  \t1811011505900001 \n"],
    ["non-breaking spaces", "\u00A01811011505900001\u00A0"],
    ["zero-width space", "\u200B1811011505900001"],
    ["spaces as grouping", "1811 0115 0590 0001"],
    ["apostrophe after a space", " ' 1811011505900001"],
  ])("strips harmless decoration: %s", (_label, raw) => {
    expect(expectOk(parse(raw)).nik).toBe("1811011505900001");
  });
});

describe("parseNik: errors", () => {
  it.each([null, undefined, "", "   ", "\u00A0", "'"])("nik_missing for %j", (raw) => {
    expectCode(raw, "nik_missing");
  });

  it.each([
    "1.81101E+15",
    "1,81101E+15",
    "1.81101e15",
    "1811010101900001.0",
    "1811010101900001,00",
    "181101150590000.5",
    "181101010190.0",
    "181101150590001", // 15 digits
    " '181101150590001",
  ])("nik_excel_damaged for the string %j", (raw) => {
    expectCode(raw, "nik_excel_damaged");
  });

  it("nik_excel_damaged for JS numbers that went through a float", () => {
    expectCode(2 ** 53, "nik_excel_damaged");
    expectCode(9201011505900001, "nik_excel_damaged"); // > 2^53: last digits already rounded
    expectCode(181101150590000.5, "nik_excel_damaged");
    expectCode(1.81101e15 + 0.5, "nik_excel_damaged");
    expectCode(181101150590001, "nik_excel_damaged"); // 15 digits
  });

  it("uses the exact Indonesian wording for Excel damage", () => {
    expect(parse("1.81101E+15")).toMatchObject({
      ok: false,
      message: { id: "NIK rusak oleh format angka Excel — format kolom NIK sebagai teks lalu ekspor ulang" },
    });
  });

  it.each([
    "1811-0115-0590-0001",
    "1811.0115.0590.0001",
    "18110115059O0001",
    "１８１１０１１５０５９０００１", // full-width digits
    "1811011505900001x",
    "\t1811\t011505900001",
    -1811011505900001,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    {},
    ["1811011505900001"],
  ])("nik_not_digits for %j", (raw) => {
    expectCode(raw, "nik_not_digits");
  });

  it.each(["12345", "18110115059000011", "0", 0, 12345678])("nik_length for %j", (raw) => {
    expectCode(raw, "nik_length");
  });

  it.each([
    ["month 13", "1811011513900001"],
    ["month 00", "1811011500900001"],
    ["day 00", "1811010005900001"],
    ["day 32", "1811013205900001"],
    ["day 40", "1811014005900001"],
    ["day 72", "1811017205900001"],
    ["31 April", "1811013104900001"],
    ["31 February for a woman", "1811017102900001"],
  ])("nik_bad_date for %s", (_label, raw) => {
    expectCode(raw, "nik_bad_date");
  });

  it("nik_bad_serial for serial 0000, checked before the date", () => {
    expectCode("1811011505900000", "nik_bad_serial");
    expectCode("1811019999990000", "nik_bad_serial");
    const r = parse("1811011505900000");
    if (!r.ok) expect(r.message.id).toMatch(/Excel/);
  });

  it("throws on an invalid options.today, a programming error", () => {
    expect(() => parseNik("1811011505900001", { today: new Date("nope") })).toThrow(RangeError);
  });
});

describe("parseNik: calendar and century", () => {
  it("accepts 29 February only in leap years", () => {
    expect(expectOk(parse("1811012902040001")).birthDate).toBe("2004-02-29");
    expect(expectOk(parse("1811016902040002"))).toMatchObject({ sex: "P", birthDate: "2004-02-29" });
    expectCode("1811012902030001", "nik_bad_date");
    expect(expectOk(parse("1811012902000001")).birthDate).toBe("2000-02-29");
  });

  it("picks the latest year that is not in the future", () => {
    expect(expectOk(parse("1811011506250001"))).toMatchObject({ birthDate: "2025-06-15", age: 0 });
    expect(expectOk(parse("1811011606250001"))).toMatchObject({ birthDate: "1925-06-16", age: 99 });
    expect(expectOk(parse("1811010101000001")).birthDate).toBe("2000-01-01");
    expect(expectOk(parse("1811010101990001")).birthDate).toBe("1999-01-01");
  });

  it("falls back a century only to a real date: 29 Feb 1900 does not exist", () => {
    // On 15 Jan 2000, 29 Feb 2000 is still in the future and 1900 was not a leap year.
    expectCode("1811012902000001", "nik_bad_date", new Date("2000-01-15T00:00:00Z"));
    // In 2100 (not leap) a 29 Feb "00" birth can only be 2000.
    const r = expectOk(parse("1811012902000001", new Date("2100-06-01T00:00:00Z")));
    expect(r).toMatchObject({ birthDate: "2000-02-29", age: 100 });
  });

  it("reads today as a WIB (UTC+7) calendar date", () => {
    // 18:00 UTC on 15 June is already 01:00 on 16 June in Mesuji.
    const lateUtc = new Date("2025-06-15T18:00:00Z");
    expect(expectOk(parse("1811011606250001", lateUtc))).toMatchObject({ birthDate: "2025-06-16", age: 0 });
  });

  it("counts whole years, reaching a 29 Feb birthday on 1 March", () => {
    expect(expectOk(parse("1811012902040001", new Date("2025-02-28T00:00:00Z"))).age).toBe(20);
    expect(expectOk(parse("1811012902040001", new Date("2025-03-01T00:00:00Z"))).age).toBe(21);
    expect(expectOk(parse("1811011506900001", new Date("2025-06-14T00:00:00Z"))).age).toBe(34);
  });
});

describe("messages", () => {
  it("never contain the NIK", () => {
    for (const raw of [
      "1811011513900001",
      "1811011505900000",
      "181101150590001",
      "1811-0115-0590-0001",
      "9901011505900001",
    ]) {
      const r = parse(raw);
      const texts = r.ok ? r.warnings.flatMap((w) => [w.message.id, w.message.en]) : [r.message.id, r.message.en];
      for (const text of texts) {
        expect(text).not.toContain(raw);
        expect(text).not.toMatch(/\d{3}/);
      }
    }
  });

  it("exist in both languages for every code", () => {
    for (const m of Object.values(NIK_ERROR_MESSAGES)) expect(m.id && m.en).toBeTruthy();
  });
});

describe("area codes", () => {
  it("looks up kecamatan prefixes with their kabupaten and province", () => {
    expect(lookupArea("181107")).toEqual({
      kecamatan: "Tanjung Raya",
      kabupatenKota: "Kabupaten Mesuji",
      provinsi: "Lampung",
    });
    expect(lookupArea("1811")).toBeNull();
    expect(lookupArea("18110a")).toBeNull();
    expect(knownAreaPrefixes().length).toBeGreaterThan(7000);
  });

  it("parses CRLF, a BOM, quoted commas, reordered columns and children before parents", () => {
    const csv =
      "\uFEFFnama,tingkat,nik_prefix,kode\r\n" +
      '"Kec, Satu",kecamatan,990101,99.01.01\r\n' +
      "Kabupaten Contoh,kabupaten_kota,9901,99.01\r\n" +
      "Provinsi Contoh,provinsi,99,99\r\n";
    expect(parseAreaCsv(csv).get("990101")).toEqual({
      kecamatan: "Kec, Satu",
      kabupatenKota: "Kabupaten Contoh",
      provinsi: "Provinsi Contoh",
    });
  });
});

describe("maskNik and ageBand", () => {
  it("masks digits 7–12", () => {
    expect(maskNik("1811011505900001")).toBe("181101******0001");
    expect(maskNik("1811 0115 0590 0001")).toBe("****************");
    expect(maskNik("181101150590001")).toBe("****************");
  });

  it.each([
    [0, "0-4"],
    [4, "0-4"],
    [4.9, "0-4"],
    [5, "5-14"],
    [14, "5-14"],
    [15, "15-24"],
    [24, "15-24"],
    [25, "25-44"],
    [44, "25-44"],
    [45, "45-64"],
    [64, "45-64"],
    [65, "65+"],
    [120, "65+"],
  ] as const)("ageBand(%d) is %s", (age, band) => {
    expect(ageBand(age)).toBe(band);
  });

  it("rejects impossible ages", () => {
    expect(() => ageBand(-1)).toThrow(RangeError);
    expect(() => ageBand(Number.NaN)).toThrow(RangeError);
  });
});
