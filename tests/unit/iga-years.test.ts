import { describe, expect, it } from "vitest";
import { affairGains } from "@/lib/iga/gate-gains";
import { loadShippedRuleSet, loadShippedRuleSets, ruleSetFromYearFile } from "@/lib/iga/rule-set-files";
import type { Level, RuleSet } from "@/lib/iga/rule-set";
import { computeIndex, type IndexInput, type IndicatorAssessment } from "@/lib/iga/score";

/**
 * One region and one set of innovations scored under each year's shipped rules, computed by hand.
 * The indicators are 2023's in every year (region weights 21 → all level 2 = 42; innovation weights
 * 37 → all level 3 = 111), so only the parameters that changed move the result.
 */
const [rs2023, rs2024, rs2025, rs2026] = [2023, 2024, 2025, 2026].map((y) => loadShippedRuleSet(y));
const all = (rs: RuleSet, scope: "region" | "innovation", level: Level): IndicatorAssessment[] =>
  rs.indicators.filter((i) => i.scope === scope).map((i) => ({ code: i.code, level, hasEvidence: true }));

// 11 full innovations covering 4 of the 6 basic-service affairs (the rest adminduk).
const AFFAIRS = [
  "pendidikan",
  "kesehatan",
  "pekerjaan_umum_dan_penataan_ruang",
  "perumahan_rakyat_dan_kawasan_permukiman",
];
function scenario(rs: RuleSet, extraAffair?: string): IndexInput {
  return {
    region: all(rs, "region", 2),
    innovations: Array.from({ length: 11 }, (_, i) => ({
      id: `inv-${i}`,
      name: `Inovasi ${i}`,
      assessments: all(rs, "innovation", 3),
      affairs:
        i < 4
          ? [AFFAIRS[i]]
          : i === 4 && extraAffair
            ? [extraAffair]
            : ["administrasi_kependudukan_dan_pencatatan_sipil"],
    })),
  };
}

describe("one region under the 2023, 2024, 2025 and 2026 rules", () => {
  it("2023: SID ÷ max(10, 11) = 11, no gate → 62.87 Sangat Inovatif", () => {
    // SPD 42; SID = 11 × 111 / 11 = 111; count = 11 × 0.38 = 4.18; (42 + 111 + 4.18) / 2.5 = 62.872
    const r = computeIndex(rs2023, scenario(rs2023));
    expect([r.spd, r.sid, r.divisor, r.innovationCountScore]).toEqual([42, 111, 11, 4.18]);
    expect([r.index, r.category]).toEqual([62.87, "Sangat Inovatif"]);
    expect(r.basicServiceAffairs.met).toBeNull();
  });

  it("2024: the same rules as 2023 → the same 62.87 Sangat Inovatif", () => {
    const r = computeIndex(rs2024, scenario(rs2024));
    expect([r.index, r.category]).toEqual([62.87, "Sangat Inovatif"]);
  });

  it("2025: the same 62.87, but Sangat Inovatif starts at 65.01 → Inovatif", () => {
    const r = computeIndex(rs2025, scenario(rs2025));
    expect([r.index, r.category]).toEqual([62.87, "Inovatif"]);
  });

  it("2026: SID ÷ max(12, 11) = 12 and the count is 0 with 4 of 6 basic services → 57.50 Inovatif", () => {
    // SID = 1221 / 12 = 101.75; count 0 (4 < 5); (42 + 101.75 + 0) / 2.5 = 57.50
    const r = computeIndex(rs2026, scenario(rs2026));
    expect([r.sid, r.divisor, r.innovationCountScore]).toEqual([101.75, 12, 0]);
    expect(r.basicServiceAffairs).toEqual({ covered: AFFAIRS, required: 5, met: false });
    expect([r.index, r.category]).toEqual([57.5, "Inovatif"]);
  });

  it("2026: a fifth basic service opens the gate → count 4.18 → 59.17", () => {
    // (42 + 101.75 + 4.18) / 2.5 = 147.93 / 2.5 = 59.172
    const r = computeIndex(rs2026, scenario(rs2026, "sosial"));
    expect(r.basicServiceAffairs.met).toBe(true);
    expect([r.innovationCountScore, r.index]).toEqual([4.18, 59.17]);
  });

  it("2026's to-do: one more innovation in urusan sosial adds 1.824 points", () => {
    // n = 12: SID = 1221 / 12 = 101.75 (the floor already was 12); count = 12 × 0.38 = 4.56;
    // (42 + 101.75 + 4.56) / 2.5 = 59.324; 59.324 − 57.5 = 1.824
    const gains = affairGains(rs2026, scenario(rs2026));
    expect(gains.map((g) => g.affair).sort()).toEqual([
      "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
      "sosial",
    ]);
    for (const g of gains) {
      expect(g.indexGain).toBeCloseTo(1.824, 9);
      expect(g.stillMissing).toBe(0);
    }
    // no gate in 2023, and none to open once it is met
    expect(affairGains(rs2023, scenario(rs2023))).toEqual([]);
    expect(affairGains(rs2026, scenario(rs2026, "sosial"))).toEqual([]);
  });

  it("a region with no innovations is Tidak Dapat Dinilai in every year, whatever its SPD", () => {
    for (const rs of loadShippedRuleSets()) {
      const r = computeIndex(rs, { region: all(rs, "region", 3), innovations: [] });
      expect([rs.year, r.index, r.category, r.assessable, r.spd]).toEqual([
        rs.year,
        0,
        "Tidak Dapat Dinilai",
        false,
        63,
      ]);
    }
  });
});

describe("the shipped rule sets", () => {
  it("carry their sources and mark what is not confirmed as assumed", () => {
    expect(rs2026.sources[0]).toEqual(
      expect.objectContaining({ reference: "400.10.11/1887/BSKDN", date: "2026-04-29" }),
    );
    expect(rs2026.parameterStatus.divisorFloor.status).toBe("official");
    expect(rs2025.parameterStatus["categories.Inovatif"].status).toBe("assumed");
    expect(rs2025.categories[0]).toEqual({ name: "Sangat Inovatif", min: 65.01, max: 100 });
    for (const rs of loadShippedRuleSets()) expect(rs.sources.length).toBeGreaterThan(0);
  });

  it("state the parameters that changed as data", () => {
    expect(
      loadShippedRuleSets().map((r) => [
        r.year,
        r.formula.divisorFloor,
        r.formula.minBasicServiceAffairs,
        r.formula.eligibleYearsBack,
      ]),
    ).toEqual([
      [2023, 10, null, 1],
      [2024, 10, null, 1],
      [2025, 10, null, 1],
      [2026, 12, 5, 2],
    ]);
    // 2026 makes five innovation indicators mandatory; no other year does.
    expect(rs2026.indicators.filter((i) => i.mandatory).map((i) => i.code)).toEqual([
      "INV-01",
      "INV-02",
      "INV-17",
      "INV-18",
      "INV-20",
    ]);
    expect(rs2025.indicators.some((i) => i.mandatory)).toBe(false);
  });

  it("refuses a year file that names an indicator the base year does not have", () => {
    const file = {
      year: 2027,
      name: "x",
      basedOn: 2023,
      formula: rs2026.formula,
      categories: rs2026.categories,
      sources: [],
      parameterStatus: {},
      mandatoryIndicators: ["INV-99"],
    };
    expect(() => ruleSetFromYearFile(file, rs2023)).toThrow(/INV-99/);
  });
});
