import { describe, expect, it } from "vitest";
import { uploadName } from "@/lib/http/request";

const URL_BASE = "http://localhost/api/v1/innovations/x/beneficiaries/import";

describe("the name of an uploaded service-record file", () => {
  it("takes ?fileName= as the URL decoded it, a % in the name included", () => {
    expect(uploadName(new Request(`${URL_BASE}?fileName=100%25%20layanan.csv`, { method: "POST" }))).toBe(
      "100% layanan.csv",
    );
  });

  it("decodes an X-File-Name header, and keeps one that is not valid URI encoding as sent", () => {
    expect(
      uploadName(new Request(URL_BASE, { method: "POST", headers: { "x-file-name": "Payo%20Beladas.csv" } })),
    ).toBe("Payo Beladas.csv");
    expect(uploadName(new Request(URL_BASE, { method: "POST", headers: { "x-file-name": "100%.csv" } }))).toBe(
      "100%.csv",
    );
  });

  it("answers null when the client named nothing", () => {
    expect(uploadName(new Request(URL_BASE, { method: "POST" }))).toBeNull();
  });
});
