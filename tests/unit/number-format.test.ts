import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { gainText } from "@/lib/i18n/points";
import { translator } from "@/lib/i18n/translator";

const formatNumber = (locale: "id" | "en") => {
  const format = createFormatter({ locale });
  return (value: number, options: { minimumFractionDigits: number; maximumFractionDigits: number }) =>
    format.number(value, options);
};

describe("one number format per language", () => {
  it("counts in sentences use the language's grouping, like the tiles beside them", () => {
    expect(translator("id")("beneficiaries.import.acceptedDone", { count: 20000 })).toBe(
      "20.000 catatan baru disimpan.",
    );
    expect(translator("en")("beneficiaries.import.acceptedDone", { count: 20000 })).toMatch(/^20,000 /);
    expect(translator("id")("innovationList.pagination.range", { from: 1, to: 25, total: 1210 })).toBe(
      "1–25 dari 1.210",
    );
    expect(translator("id")("innovations.total", { count: 1210 })).toBe("1.210 inovasi");
    expect(translator("id")("beneficiaries.warning.errors_truncated", { shown: 1000, total: 25000 })).toMatch(
      /^Hanya 1\.000 kesalahan pertama .* dari 25\.000\./,
    );
    expect(translator("id")("errors.records_rejected_strict", { rejected: 1500 })).toContain("1.500 baris");
  });

  it("index points: two decimals at most, as the index is shown", () => {
    const tId = (key: "gain" | "gainBelow", v: { points: string }) => translator("id")(`ux.points.${key}`, v);
    const tEn = (key: "gain" | "gainBelow", v: { points: string }) => translator("en")(`ux.points.${key}`, v);
    expect(gainText(1.2, formatNumber("id"), tId)).toBe("+1,20 poin");
    expect(gainText(1.2, formatNumber("en"), tEn)).toBe("+1.20 points");
    expect(gainText(0.056, formatNumber("id"), tId)).toBe("+0,06 poin");
    expect(gainText(0.004, formatNumber("id"), tId)).toBe("< +0,01 poin");
    expect(gainText(1234.5, formatNumber("en"), tEn)).toBe("+1,234.50 points");
  });
});

describe("date patterns in Indonesian", () => {
  it("name the pattern TTTT-BB-HH in hints and errors alike, never YYYY-MM-DD", async () => {
    const { MESSAGES } = await import("@/i18n/messages");
    const all = JSON.stringify(MESSAGES.id);
    expect(all).not.toMatch(/YYYY|MM-DD|DD\/MM/);
    expect(translator("id")("beneficiaries.import.fileHint")).toContain("TTTT-BB-HH");
    expect(translator("id")("beneficiaries.issue.date_invalid")).toContain("TTTT-BB-HH");
  });
});
