import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGE_BANDS, ageBand, knownAreaPrefixes, lookupArea, maskNik, parseNik, type NikResult } from "@/lib/nik";

const DAY_MS = 24 * 60 * 60 * 1000;
const WIB_MS = 7 * 60 * 60 * 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

const digits = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength, maxLength });

// Spans 2100 (not a leap year) so the century logic is exercised beyond the present day.
const todayArb = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2150-12-31T00:00:00Z"),
  noInvalidDate: true,
});

/** A NIK built from its parts, with the expected decoding computed independently of the parser. */
const validNikArb = fc
  .record({
    prefix: fc.constantFrom(...knownAreaPrefixes()),
    sex: fc.constantFrom("L" as const, "P" as const),
    today: todayArb,
    // Anything after today minus 100 years is unambiguous under "latest year not in the
    // future"; the far end (same two-digit year as today, later in the year) needs the fallback.
    daysBack: fc.integer({ min: 0, max: 36_523 }),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map(({ prefix, sex, today, daysBack, serial }) => {
    const wib = new Date(today.getTime() + WIB_MS);
    const todayMidnight = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate());
    const birth = new Date(todayMidnight - daysBack * DAY_MS);
    const [y, m, d] = [birth.getUTCFullYear(), birth.getUTCMonth() + 1, birth.getUTCDate()];
    const day = sex === "P" ? d + 40 : d;
    const nik = `${prefix}${pad(day)}${pad(m)}${pad(y % 100)}${pad(serial, 4)}`;
    return { nik, prefix, sex, today, todayMidnight, birthDate: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, birth: [y, m, d] };
  });

function messagesOf(r: NikResult): string[] {
  return r.ok ? r.warnings.flatMap((w) => [w.message.id, w.message.en]) : [r.message.id, r.message.en];
}

describe("parseNik properties", () => {
  it("round-trips sex, birth date and area for any valid NIK", () => {
    fc.assert(
      fc.property(validNikArb, (c) => {
        const r = parseNik(c.nik, { today: c.today });
        if (!r.ok) throw new Error(`rejected with ${r.code}`);
        expect(r.nik).toBe(c.nik);
        expect(r.sex).toBe(c.sex);
        expect(r.birthDate).toBe(c.birthDate);
        expect(r.areaCode).toBe(c.prefix);
        expect(r.area).toEqual(lookupArea(c.prefix));
        expect(r.area).not.toBeNull();
        expect(r.warnings).toEqual([]);
      }),
    );
  });

  it("gives the age in whole years: birthday+age <= today < birthday+age+1", () => {
    fc.assert(
      fc.property(validNikArb, (c) => {
        const r = parseNik(c.nik, { today: c.today });
        if (!r.ok) throw new Error(`rejected with ${r.code}`);
        const [y, m, d] = c.birth;
        // Date.UTC rolls 29 Feb into 1 March in common years: the convention the parser uses.
        expect(Date.UTC(y + r.age, m - 1, d)).toBeLessThanOrEqual(c.todayMidnight);
        expect(Date.UTC(y + r.age + 1, m - 1, d)).toBeGreaterThan(c.todayMidnight);
      }),
    );
  });

  it("ignores harmless decoration: edge whitespace, a leading apostrophe, spaces between digits", () => {
    const spaceArb = fc.constantFrom("", " ", "\u00A0", "\t", "\u202F");
    fc.assert(
      fc.property(
        validNikArb,
        fc.array(spaceArb, { minLength: 17, maxLength: 17 }),
        fc.boolean(),
        (c, spaces, apostrophe) => {
          const inner = [...c.nik].map((ch, i) => (i > 0 && spaces[i] !== "\t" ? spaces[i] : "") + ch).join("");
          const decorated = `${spaces[0]}${apostrophe ? "'" : ""}${inner}${spaces[16]}`;
          expect(parseNik(decorated, { today: c.today })).toEqual(parseNik(c.nik, { today: c.today }));
        },
      ),
    );
  });

  it("rejects any 16-digit string with serial 0000 as nik_bad_serial", () => {
    fc.assert(
      fc.property(digits(12, 12), todayArb, (head, today) => {
        const r = parseNik(`${head}0000`, { today });
        expect(r.ok ? "ok" : r.code).toBe("nik_bad_serial");
      }),
    );
  });

  it("rejects digit strings that are not 16 long: 15 as Excel damage, others as nik_length", () => {
    const notSixteen = digits(1, 40).filter((s) => s.length !== 16);
    fc.assert(
      fc.property(notSixteen, (s) => {
        const r = parseNik(s);
        expect(r.ok ? "ok" : r.code).toBe(s.length === 15 ? "nik_excel_damaged" : "nik_length");
      }),
    );
  });

  it("accepts every safe-integer 16-digit number exactly as its string", () => {
    fc.assert(
      fc.property(validNikArb, (c) => {
        const n = Number(c.nik);
        fc.pre(Number.isSafeInteger(n));
        expect(parseNik(n, { today: c.today })).toEqual(parseNik(c.nik, { today: c.today }));
      }),
    );
  });

  it("never puts the input, or any run of 3+ digits, into a message", () => {
    const mutated = fc
      .tuple(validNikArb, fc.nat(15), fc.constantFrom("0", "9", "-", ".", "O", ""))
      .map(([c, i, ch]) => c.nik.slice(0, i) + ch + c.nik.slice(i + 1));
    const input = fc.oneof(
      digits(6, 24),
      validNikArb.map((c) => c.nik),
      mutated,
      fc.string(),
      fc.double().map(String),
      fc.double(),
      fc.bigInt({ min: 0n, max: 10n ** 20n }),
    );
    fc.assert(
      fc.property(input, (raw) => {
        const r = parseNik(raw);
        const rawDigits = String(raw).replace(/\D/g, "");
        for (const text of messagesOf(r)) {
          expect(text).not.toMatch(/\d{3}/);
          if (rawDigits.length >= 3) expect(text).not.toContain(rawDigits);
        }
      }),
    );
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        expect(typeof parseNik(raw).ok).toBe("boolean");
      }),
    );
  });
});

describe("maskNik and ageBand properties", () => {
  it("never reveals digits 7–12: NIKs that differ only there mask identically", () => {
    fc.assert(
      fc.property(digits(6, 6), digits(6, 6), digits(6, 6), digits(4, 4), (head, mid1, mid2, tail) => {
        const masked = maskNik(head + mid1 + tail);
        expect(masked).toBe(maskNik(head + mid2 + tail));
        expect(masked).toBe(`${head}******${tail}`);
      }),
    );
  });

  it("shows no digit at all for anything that is not a clean 16-digit NIK", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        fc.pre(!/^[0-9]{16}$/.test(s));
        expect(maskNik(s)).toBe("****************");
      }),
    );
  });

  it("puts every age in exactly one band, in order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 149 }), (age) => {
        const here = AGE_BANDS.indexOf(ageBand(age));
        expect(here).toBeGreaterThanOrEqual(0);
        expect(AGE_BANDS.indexOf(ageBand(age + 1))).toBeGreaterThanOrEqual(here);
      }),
    );
  });
});
