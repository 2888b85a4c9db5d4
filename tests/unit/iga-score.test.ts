import { describe, expect, it } from "vitest";
import { loadRuleSet2023 } from "@/lib/iga/iid-2023";
import type { Level, RuleSet } from "@/lib/iga/rule-set";
import {
  categoryFor,
  computeIndex,
  IgaInputError,
  innovationCountScore,
  roundIndex,
  scoreInnovation,
  scoreRegion,
  type IndicatorAssessment,
} from "@/lib/iga/score";

// All cases use the real 2023 rule set: region weights total 21 (max 63), innovation weights
// total 37 (max 111); so "all level L" scores 21L (region) or 37L (innovation).
const rs = loadRuleSet2023();
const codes = (scope: "region" | "innovation") => rs.indicators.filter((i) => i.scope === scope).map((i) => i.code);
const all = (scope: "region" | "innovation", level: Level, hasEvidence = true): IndicatorAssessment[] =>
  codes(scope).map((code) => ({ code, level, hasEvidence }));
const set = (list: IndicatorAssessment[], code: string, level: Level | null, hasEvidence = true) =>
  list.map((a) => (a.code === code ? { code, level, hasEvidence } : a));
const many = (n: number, assessments: IndicatorAssessment[], prefix = "inv") =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, name: `Inovasi ${prefix} ${i}`, assessments }));
const FULL = all("innovation", 3);

describe("indicator, innovation and region scores", () => {
  it("scores weight × level per indicator", () => {
    expect(scoreInnovation(rs, all("innovation", 1))).toEqual({ score: 37, max: 111 });
    expect(scoreInnovation(rs, FULL)).toEqual({ score: 111, max: 111 });
    // SPD-12 (w 2) at level 2 = 4, SPD-05a (w 0.75) at level 3 = 2.25 → 6.25
    expect(
      scoreRegion(rs, [
        { code: "SPD-12", level: 2, hasEvidence: true },
        { code: "SPD-05a", level: 3, hasEvidence: true },
      ]),
    ).toEqual({
      spd: 6.25,
      max: 63,
    });
  });

  it("gives 0 to a level without accepted evidence", () => {
    expect(scoreInnovation(rs, all("innovation", 3, false)).score).toBe(0);
    // INV-20 (w 4) at level 3 without evidence loses its 12: 111 − 12 = 99
    expect(scoreInnovation(rs, set(FULL, "INV-20", 3, false)).score).toBe(99);
    // evidence but no level chosen: still 0
    expect(scoreInnovation(rs, [{ code: "INV-20", level: null, hasEvidence: true }]).score).toBe(0);
  });

  it("rejects assessments that do not fit the rule set", () => {
    expect(() => scoreInnovation(rs, [{ code: "INV-99", level: 1, hasEvidence: true }])).toThrow(IgaInputError);
    expect(() => scoreInnovation(rs, [{ code: "SPD-01", level: 1, hasEvidence: true }])).toThrow(/region indicator/);
    expect(() => scoreRegion(rs, [...all("region", 1), { code: "SPD-01", level: 2, hasEvidence: true }])).toThrow(
      /twice/,
    );
    expect(() => scoreRegion(rs, [{ code: "SPD-01", level: 4 as Level, hasEvidence: true }])).toThrow(
      /levels are 1..3/,
    );
  });
});

describe("computeIndex", () => {
  it("divides SID by the floor of 10 when there are fewer innovations", () => {
    // region all L1 = 21; 3 full innovations: SID = 333 / max(10, 3) = 33.3 (not 111);
    // count = 3 × 0.38 = 1.14; (21 + 33.3 + 1.14) / 250 × 100 = 55.44 / 2.5 = 22.176 → 22.18
    const r = computeIndex(rs, { region: all("region", 1), innovations: many(3, FULL) });
    expect(r.spd).toBe(21);
    expect(r.sid).toBeCloseTo(33.3, 12);
    expect(r.innovationCountScore).toBeCloseTo(1.14, 12);
    expect(r.index).toBe(22.18);
    expect(r.category).toBe("Kurang Inovatif");
    expect(r).toMatchObject({ year: 2023, innovations: 3, spdMax: 63, sidMax: 111, innovationCountMax: 76 });
    expect(r.perInnovation[0]).toEqual({ id: "inv-0", name: "Inovasi inv 0", score: 111, max: 111 });
  });

  it("divides by n at n = 10", () => {
    // region full 63; 10 innovations all L2 (74): SID = 740 / 10 = 74; count = 3.8
    // (63 + 74 + 3.8) / 2.5 = 140.8 / 2.5 = 56.32
    const r = computeIndex(rs, { region: all("region", 3), innovations: many(10, all("innovation", 2)) });
    expect(r.sid).toBe(74);
    expect(r.index).toBe(56.32);
    expect(r.category).toBe("Inovatif");
  });

  it("caps the count score at 200 innovations (76 points)", () => {
    // region all L2 = 42; 250 innovations all L1: SID = 250 × 37 / 250 = 37;
    // count = min(250, 200) × 0.38 = 76; (42 + 37 + 76) / 2.5 = 155 / 2.5 = 62.00
    const r = computeIndex(rs, { region: all("region", 2), innovations: many(250, all("innovation", 1)) });
    expect(r.innovationCountScore).toBe(76);
    expect(r.sid).toBe(37);
    expect(r.index).toBe(62);
    expect(r.category).toBe("Sangat Inovatif");
  });

  it("reaches 100 only with a full region, full innovations and n ≥ 200", () => {
    // 10 full: 63 + 1110/10 + 10 × 0.38 = 63 + 111 + 3.8 = 177.8 → 71.12: the count holds it back
    expect(computeIndex(rs, { region: all("region", 3), innovations: many(10, FULL) }).index).toBe(71.12);
    // 200 full: 63 + 111 + 76 = 250 → 100; 300 full: 63 + 33300/300 + 76 = 250 → still 100
    for (const n of [200, 300]) {
      const r = computeIndex(rs, { region: all("region", 3), innovations: many(n, FULL) });
      expect(r.index).toBe(100);
      expect(r.category).toBe("Sangat Inovatif");
    }
    // any step down leaves the top: SPD-12 (w 2) at level 2 → (61 + 111 + 76) / 2.5 = 99.20
    expect(computeIndex(rs, { region: set(all("region", 3), "SPD-12", 2), innovations: many(200, FULL) }).index).toBe(
      99.2,
    );
  });

  it("puts the category boundaries in the right band", () => {
    // 0: nothing at all → 0 / 250 = 0.00
    const zero = computeIndex(rs, { region: [], innovations: [] });
    expect([zero.index, zero.category]).toEqual([0, "Tidak Dapat Dinilai"]);

    // 35.00: region 63 − 1.5 (SPD-06 w 1.5 at level 2) = 61.5; 2 full + 8 empty innovations:
    // SID = 222 / 10 = 22.2; count = 10 × 0.38 = 3.8; 61.5 + 22.2 + 3.8 = 87.5 → 35.00
    const r35 = computeIndex(rs, {
      region: set(all("region", 3), "SPD-06", 2),
      innovations: [...many(2, FULL), ...many(8, [], "empty")],
    });
    expect([r35.index, r35.category]).toEqual([35, "Inovatif"]);

    // 34.99: region all L1 = 21; 26 full + 54 empty (n = 80): SID = 2886 / 80 = 36.075;
    // count = 80 × 0.38 = 30.4; 21 + 36.075 + 30.4 = 87.475 → 34.99
    const r3499 = computeIndex(rs, {
      region: all("region", 1),
      innovations: [...many(26, FULL), ...many(54, [], "empty")],
    });
    expect([r3499.index, r3499.category]).toEqual([34.99, "Kurang Inovatif"]);

    // 60.00: region 63 − 3 (SPD-01 w 1 without evidence) = 60; 48 full + 72 empty (n = 120):
    // SID = 5328 / 120 = 44.4; count = 120 × 0.38 = 45.6; 60 + 44.4 + 45.6 = 150 → 60.00
    const r60 = computeIndex(rs, {
      region: set(all("region", 3), "SPD-01", 3, false),
      innovations: [...many(48, FULL), ...many(72, [], "empty")],
    });
    expect([r60.index, r60.category]).toEqual([60, "Inovatif"]);

    // 60.01: region 63 − 1 (SPD-01 at level 2) = 62; 26 full + 214 empty (n = 240):
    // SID = 2886 / 240 = 12.025; count = 200 × 0.38 = 76; 62 + 12.025 + 76 = 150.025 → 60.01
    const r6001 = computeIndex(rs, {
      region: set(all("region", 3), "SPD-01", 2),
      innovations: [...many(26, FULL), ...many(214, [], "empty")],
    });
    expect([r6001.index, r6001.category]).toEqual([60.01, "Sangat Inovatif"]);
  });

  it("rounds half up on the final value only", () => {
    // region 63 − 6 (SPD-12 w 2 without evidence) = 57; one innovation scoring 7 (INV-20 L1 = 4,
    // INV-01 L1 = 3) + 79 empty: SID = 7 / 80 = 0.0875; count = 30.4;
    // 57 + 0.0875 + 30.4 = 87.4875 → 34.995 (floats give 34.99499…) → half up → 35.00
    const seven = [
      { code: "INV-20", level: 1, hasEvidence: true },
      { code: "INV-01", level: 1, hasEvidence: true },
    ] as const;
    const r = computeIndex(rs, {
      region: set(all("region", 3), "SPD-12", 3, false),
      innovations: [...many(1, [...seven]), ...many(79, [], "empty")],
    });
    expect(r.sid).toBe(0.0875); // kept unrounded
    expect([r.index, r.category]).toEqual([35, "Inovatif"]);
    expect(roundIndex(34.994999)).toBe(34.99);
    expect(roundIndex(60.005)).toBe(60.01);
  });
});

describe("categoryFor", () => {
  const band = (x: number) => categoryFor(rs.categories, x);

  it("maps the 2023 boundaries", () => {
    expect([band(0), band(0.01), band(34.99), band(35), band(60), band(60.01), band(100)]).toEqual([
      "Tidak Dapat Dinilai",
      "Kurang Inovatif",
      "Kurang Inovatif",
      "Inovatif",
      "Inovatif",
      "Sangat Inovatif",
      "Sangat Inovatif",
    ]);
  });

  it("drops a value in a gap between bands to the lower band", () => {
    // 2026-draft-like bands leave no gap at 2 decimals, but a year's data might: 40.00 is
    // below Inovatif's 40.01, so it stays Kurang Inovatif; the list order does not matter.
    const gapped = [
      { name: "Kurang Inovatif", min: 0.01, max: 39.5 },
      { name: "Sangat Inovatif", min: 65.01, max: 100 },
      { name: "Inovatif", min: 40.01, max: 65 },
    ];
    expect(categoryFor(gapped, 40)).toBe("Kurang Inovatif");
    expect(categoryFor(gapped, 65)).toBe("Inovatif");
    expect(categoryFor(gapped, 0)).toBe("Kurang Inovatif"); // below every band: the lowest
  });
});

describe("basic-service rule (2026 draft)", () => {
  const rs2026: RuleSet = { ...rs, formula: { ...rs.formula, minBasicServiceAffairs: 5 } };

  it("zeroes the count score unless enough basic-service affairs are covered", () => {
    expect(innovationCountScore(rs2026.formula, 100, 4)).toBe(0);
    expect(innovationCountScore(rs2026.formula, 100)).toBe(0); // unknown coverage counts as none
    expect(innovationCountScore(rs2026.formula, 100, 5)).toBeCloseTo(38, 12); // 100 × 0.38
    // the 2023 rule set ignores coverage altogether
    expect(innovationCountScore(rs.formula, 100, 0)).toBeCloseTo(38, 12);
  });

  it("feeds into the index", () => {
    // region full 63, 10 full innovations, coverage 4 < 5: (63 + 111 + 0) / 2.5 = 69.60
    const r = computeIndex(rs2026, {
      region: all("region", 3),
      innovations: many(10, FULL),
      basicServiceAffairsCovered: 4,
    });
    expect([r.innovationCountScore, r.index]).toEqual([0, 69.6]);
  });
});
