import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import { ageOn, looksLikeIdentifier, residentFacts } from "@/lib/beneficiaries/residents";
import { DecryptError, decryptField, encryptField, generateNikKeys, hashNik } from "@/lib/crypto";
import { maskNik, NIK_ERROR_CODES, NIK_ERROR_MESSAGES } from "@/lib/nik";
import { withKeyFileDir } from "@/tests/helpers/nik-key-file";

const NIK = "1811014501900001";

describe("masking", () => {
  it("shows the area prefix and the serial, hiding the digits that encode sex and birth date", () => {
    expect(maskNik(NIK)).toBe("181101******0001");
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{16}$/), (nik) => {
        const masked = maskNik(nik);
        expect(masked).toHaveLength(16);
        expect(masked.slice(6, 12)).toBe("******");
        expect(masked).not.toMatch(/\d{7,}/);
      }),
    );
  });

  it("masks anything that is not a clean NIK completely", () => {
    for (const bad of [
      "",
      " 1811014501900001",
      "18110145019000011",
      "181101450190000",
      "1811-0145-0190-0001",
      "١٨١١٠١٤٥٠١٩٠٠٠٠١",
    ]) {
      expect(maskNik(bad), JSON.stringify(bad)).toBe("****************");
    }
  });
});

describe("encryption edge cases", () => {
  const keys = generateNikKeys();

  it("fails on any single-bit change anywhere in the token, and on truncation", () => {
    const token = encryptField(NIK, "nik", keys);
    const [v, iv, tag, ct] = token.split(":");
    const raw = Buffer.from(ct, "base64");
    for (let i = 0; i < raw.length; i++) {
      const copy = Buffer.from(raw);
      copy[i] ^= 0x80;
      expect(() => decryptField(`${v}:${iv}:${tag}:${copy.toString("base64")}`, "nik", keys)).toThrow(DecryptError);
    }
    expect(() => decryptField(`${v}:${iv}:${tag}:${raw.subarray(1).toString("base64")}`, "nik", keys)).toThrow(
      DecryptError,
    );
    expect(() => decryptField(`${v}:${iv}:${tag}`, "nik", keys)).toThrow(DecryptError);
    expect(() => decryptField(`${v}:${iv}:${tag.slice(0, 8)}:${ct}`, "nik", keys)).toThrow(DecryptError);
    expect(() => decryptField("", "nik", keys)).toThrow(DecryptError);
  });

  it("fails under a wrong key even when only the HMAC key matches", () => {
    const token = encryptField(NIK, "nik", keys);
    const other = { hmac: keys.hmac, encryption: generateNikKeys().encryption };
    expect(() => decryptField(token, "nik", other)).toThrow(DecryptError);
    // …while the link across innovations (the HMAC) still holds.
    expect(hashNik(NIK, other)).toBe(hashNik(NIK, keys));
  });

  it("round-trips an empty name and a long one", () => {
    for (const text of ["", "A".repeat(200), "Ni Luh Putu Ayu Kadek Désiré"])
      expect(decryptField(encryptField(text, "name", keys), "name", keys)).toBe(text);
  });
});

describe("the NIK key file", () => {
  it("refuses a damaged key file without quoting its content", async () => {
    const secret = "c2VjcmV0LWtleS1tYXRlcmlhbC10aGF0LW11c3Qtbm90LWxlYWs";
    await withKeyFileDir("nik-keys-bad-", (dir, fresh) => {
      fs.writeFileSync(path.join(dir, "nik-keys.json"), `{"hmac": "${secret}", broken`);
      let message = "";
      try {
        fresh.nikKeys();
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/not a valid NIK key file/);
      expect(message).not.toContain(secret.slice(0, 12));
    });
  });
});

describe("resident facts and free text", () => {
  it("computes whole years, with a 29 February birthday reached on 1 March", () => {
    expect(ageOn("1990-01-05", "2023-01-04")).toBe(32);
    expect(ageOn("1990-01-05", "2023-01-05")).toBe(33);
    expect(ageOn("2000-02-29", "2023-02-28")).toBe(22);
    expect(ageOn("2000-02-29", "2023-03-01")).toBe(23);
  });

  it("derives sex, age band and the named area without the NIK", () => {
    expect(residentFacts({ sex: "P", birthDate: "1990-01-05", issueAreaCode: "181101" }, "2026-01-01")).toEqual({
      sex: "P",
      ageBand: "25-44",
      area: { code: "181101", kecamatan: "Mesuji", kabupatenKota: "Kabupaten Mesuji", provinsi: "Lampung" },
    });
  });

  it("spots a NIK hidden in free text, however it is grouped", () => {
    for (const text of [NIK, `cek ${NIK}`, "1811 0145 0190 0001", "1811.0145.0190.0001", "telepon 081234567890"])
      expect(looksLikeIdentifier(text), text).toBe(true);
    for (const text of ["Verifikasi pengaduan no. 12/2024", "tanggal 2024-03-01", ""])
      expect(looksLikeIdentifier(text), text).toBe(false);
  });
});

describe("look-up messages", () => {
  it("word every NIK error from the messages files in both languages, never with a run of three digits", () => {
    for (const locale of ["id", "en"] as const) {
      const validation = MESSAGES[locale].validation as Record<string, Record<string, string>>;
      for (const code of NIK_ERROR_CODES) {
        const text = NIK_ERROR_MESSAGES[code][locale];
        expect(text, `${locale} ${code}`).toBe(validation.nik[code]);
        expect(text, `${locale} ${code}`).not.toMatch(/\d{3}/);
      }
    }
    expect(NIK_ERROR_MESSAGES.nik_length.id).not.toBe(NIK_ERROR_MESSAGES.nik_length.en);
  });
});
