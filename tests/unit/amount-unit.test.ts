import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { amountText, normaliseAmountUnit, RUPIAH, unitLabel } from "@/lib/beneficiaries/amount-unit";
import { innovationDraftSchema } from "@/lib/innovations/schemas";

const id = createFormatter({ locale: "id" });
const en = createFormatter({ locale: "en" });
const fmt = (f: typeof id) => (v: number, o: { maximumFractionDigits: number }) => f.number(v, o);

describe("what an innovation's amount means", () => {
  it("rupiah shows Rp, a unit shows its word, none shows the number alone", () => {
    expect(amountText(1_500_000, RUPIAH, fmt(id))).toBe("Rp 1.500.000");
    expect(amountText(1_500_000, RUPIAH, fmt(en))).toBe("Rp 1,500,000");
    expect(amountText(23, "dokumen", fmt(id))).toBe("23 dokumen");
    expect(amountText(23, null, fmt(id))).toBe("23");
    expect(amountText(2.5, null, fmt(id))).toBe("2,5");
    expect(amountText(null, RUPIAH, fmt(id))).toBe("—");
    expect(amountText(23, "dokumen", fmt(id))).not.toContain("Rp");
  });

  it("reads the usual ways of writing rupiah as rupiah", () => {
    for (const raw of ["IDR", "idr", "Rp", "rp.", "Rupiah"]) expect(normaliseAmountUnit(raw)).toBe(RUPIAH);
    expect(normaliseAmountUnit("  ")).toBeNull();
    expect(normaliseAmountUnit(" dokumen ")).toBe("dokumen");
    expect(unitLabel(RUPIAH)).toBe("Rp");
    expect(unitLabel(null)).toBeNull();
  });

  it("is part of the profile: normalised on save, left alone when not sent", () => {
    const base = {
      name: "Pak Kur",
      agencyId: "00000000-0000-4000-8000-000000000001",
      stage: "penerapan",
      yearApplied: 2023,
    };
    expect(innovationDraftSchema.parse({ ...base, amountUnit: "Rupiah" }).amountUnit).toBe(RUPIAH);
    expect(innovationDraftSchema.parse({ ...base, amountUnit: "" }).amountUnit).toBeNull();
    expect(innovationDraftSchema.parse(base).amountUnit).toBeUndefined();
    expect(innovationDraftSchema.safeParse({ ...base, amountUnit: "x".repeat(31) }).success).toBe(false);
  });
});

describe("rule-set terms in English", () => {
  it("stay Indonesian, with an English gloss for every 2023 indicator and category", async () => {
    const { glossOf, ruleTerm } = await import("@/lib/iga/glossary");
    const rules = (await import("@/lib/iga/rule-sets/iid-2023-indicators.json", { with: { type: "json" } }))
      .default as {
      region_indicators: { name: string }[];
      innovation_indicators: { name: string }[];
      categories: { name: string }[];
    };
    const terms = [...rules.region_indicators, ...rules.innovation_indicators, ...rules.categories].map((i) => i.name);
    expect(terms.filter((n) => !glossOf(n))).toEqual([]);
    expect(ruleTerm("Regulasi inovasi daerah", "en")).toBe("Regulasi inovasi daerah (regional innovation regulation)");
    expect(ruleTerm("Regulasi inovasi daerah", "id")).toBe("Regulasi inovasi daerah");
    expect(ruleTerm("Istilah baru", "en")).toBe("Istilah baru");
    expect(ruleTerm("Mandatory spending", "en")).toBe("Mandatory spending");
  });
});
