import { describe, expect, it } from "vitest";
import { bytesInWords } from "@/lib/beneficiaries/import/file-error";
import { requestIdFrom } from "@/lib/http/request-id";
import { isCrossSiteWrite } from "@/lib/http/same-origin";
import { hasControlCharacters, looksLikeIdentifier } from "@/lib/nik";
import { normaliseServiceType } from "@/lib/beneficiaries/import/values";

const COOKIE = "authjs.session-token=abc";
const post = (headers: Record<string, string>, method = "POST") =>
  new Request("http://app.example/api/v1/innovations/x/archive", {
    method,
    headers: { host: "app.example", ...headers },
  });

describe("cross-site writes (CSRF)", () => {
  it("refuses a cookie-authenticated write from another origin or as a form body", () => {
    expect(
      isCrossSiteWrite(post({ cookie: COOKIE, origin: "http://evil.example", "content-type": "application/json" })),
    ).toBe(true);
    expect(isCrossSiteWrite(post({ cookie: COOKIE, origin: "http://app.example", "content-type": "text/plain" }))).toBe(
      true,
    );
    expect(isCrossSiteWrite(post({ cookie: COOKIE, "content-type": "application/json" }))).toBe(true); // no Origin at all
    expect(
      isCrossSiteWrite(post({ cookie: COOKIE, "sec-fetch-site": "same-site", "content-type": "application/json" })),
    ).toBe(true);
    expect(
      isCrossSiteWrite(post({ cookie: `x=1; __Secure-authjs.session-token.0=abc`, origin: "http://evil.example" })),
    ).toBe(true);
  });

  it("lets the app's own pages, bearer tokens, anonymous callers and reads through", () => {
    expect(
      isCrossSiteWrite(post({ cookie: COOKIE, origin: "http://app.example", "content-type": "application/json" })),
    ).toBe(false);
    expect(
      isCrossSiteWrite(
        post({ cookie: COOKIE, "sec-fetch-site": "same-origin", "content-type": "multipart/form-data; boundary=x" }),
      ),
    ).toBe(false);
    expect(
      isCrossSiteWrite(
        post({ cookie: COOKIE, origin: "https://inovasi.example", "x-forwarded-host": "inovasi.example" }),
      ),
    ).toBe(false);
    expect(
      isCrossSiteWrite(
        post({
          cookie: COOKIE,
          authorization: "Bearer t",
          origin: "http://evil.example",
          "content-type": "text/plain",
        }),
      ),
    ).toBe(false);
    expect(isCrossSiteWrite(post({ origin: "http://evil.example", "content-type": "text/plain" }))).toBe(false);
    expect(isCrossSiteWrite(post({ cookie: COOKIE, origin: "http://evil.example" }, "GET"))).toBe(false);
  });
});

describe("request ids", () => {
  it("keeps a UUID and replaces anything else", () => {
    const uuid = "3F2B8C1E-4D5A-4E6F-8A7B-9C0D1E2F3A4B";
    expect(requestIdFrom(new Headers({ "x-request-id": uuid }))).toBe(uuid.toLowerCase());
    for (const sent of ["1811010101900001", "abc", `${uuid}x`, "' or 1=1"]) {
      const id = requestIdFrom(new Headers({ "x-request-id": sent }));
      expect(id).not.toBe(sent);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe("NIKs behind separators and control characters in free text", () => {
  it("finds ten or more digits whatever separates them", () => {
    for (const text of [
      "1811-0712-0385-0099",
      "181107 120385 0098",
      "181101_120385_0001",
      "KTP 1811.0712.0385.0099",
      "１８１１０７１２０３８５００９９",
      "1811/0712/0385/0099",
    ]) {
      expect(looksLikeIdentifier(text), text).toBe(true);
      expect(normaliseServiceType(text), text).toBeNull();
    }
    for (const text of ["KUR Mikro 2024", "Bantuan 2023-2024 tahap 1", "Akta Kelahiran", "Rp 500.000"]) {
      expect(looksLikeIdentifier(text), text).toBe(false);
      expect(normaliseServiceType(text), text).toBe(text);
    }
  });

  it("refuses control characters but not tabs and line breaks", () => {
    expect(hasControlCharacters("KTP\u0000el")).toBe(true);
    expect(hasControlCharacters("KTP\u001bel")).toBe(true);
    expect(hasControlCharacters("KTP\u0085el")).toBe(true);
    expect(normaliseServiceType("KTP\u0000el")).toBeNull();
    expect(hasControlCharacters("KTP\tel\r\n")).toBe(false);
  });

  it("words a byte limit as a person reads it", () => {
    expect(bytesInWords(200 * 1024 * 1024)).toBe("200 MB");
    expect(bytesInWords(1536)).toBe("1.5 KB");
    expect(bytesInWords(2 * 1024 ** 3)).toBe("2 GB");
  });
});
