import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IID_2023_PATH, loadRuleSet2023, ruleSet2023FromJson } from "@/lib/iga/iid-2023";
import { maxScore, parseRuleSet, type RuleSet } from "@/lib/iga/rule-set";

const rawJson = () => JSON.parse(readFileSync(path.join(process.cwd(), IID_2023_PATH), "utf8"));
const ofScope = (rs: RuleSet, scope: "region" | "innovation") => rs.indicators.filter((i) => i.scope === scope);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("loadRuleSet2023", () => {
  const rs = loadRuleSet2023();

  it("has the 2023 year, name and formula constants", () => {
    expect(rs.year).toBe(2023);
    expect(rs.name).toMatch(/IID\) 2023/);
    expect(rs.formula).toMatchObject({
      maxTotal: 250,
      divisorFloor: 10,
      countFactor: 0.38,
      countCap: 200,
      minBasicServiceAffairs: null,
      eligibleYearsBack: 1,
      maxAssessmentYears: 2,
    });
    expect(rs.formula.basicServiceAffairs).toHaveLength(6);
    // The file's legal basis becomes the year's sources, the 2023 letter with its number and date.
    expect(rs.sources).toContainEqual({
      title: "Pedoman Umum IGA 2023",
      reference: "Surat Mendagri 400.10.11/2704/SJ",
      date: "2023-05-18",
    });
    expect(rs.parameterStatus.eligibleYearsBack.status).toBe("assumed");
  });

  it("has 20 region lines and 20 innovation indicators, each with three level descriptions", () => {
    expect(ofScope(rs, "region")).toHaveLength(20);
    expect(ofScope(rs, "innovation")).toHaveLength(20);
    expect(rs.indicators.every((i) => i.levels.length === 3)).toBe(true);
    expect(new Set(rs.indicators.map((i) => i.code)).size).toBe(40);
  });

  // The brief's "weights sum to 63 and 111" are the maxima (Σ weight × level 3): the raw weights
  // are 21 = 10×1 + 6×0.75 + 3×1.5 + 1×2 and 37 for the innovation indicators.
  it("gives a region max of 63 (weights 21) and an innovation max of 111 (weights 37)", () => {
    expect(sum(ofScope(rs, "region").map((i) => i.weight))).toBe(21);
    expect(sum(ofScope(rs, "innovation").map((i) => i.weight))).toBe(37);
    expect(maxScore(ofScope(rs, "region"))).toBe(63);
    expect(maxScore(ofScope(rs, "innovation"))).toBe(111);
    // 63 + 111 + 200 × 0.38 = 250: the three parts fill the scale exactly.
    expect(63 + 111 + rs.formula.countCap * rs.formula.countFactor).toBeCloseTo(rs.formula.maxTotal, 9);
  });

  it("keeps the categories in order, highest band first", () => {
    expect(rs.categories).toEqual([
      { name: "Sangat Inovatif", min: 60.01, max: 100 },
      { name: "Inovatif", min: 35, max: 60 },
      { name: "Kurang Inovatif", min: 0.01, max: 34.99 },
      { name: "Tidak Dapat Dinilai", min: 0, max: 0 },
    ]);
  });

  // mandatory_2026 describes the 2026 draft; a 2023 rule set must not claim it for 2023.
  it("does not carry the 2026 mandatory flags into 2023", () => {
    expect(rs.indicators.some((i) => i.mandatory)).toBe(false);
    expect(rs.indicators.find((i) => i.code === "INV-18")?.evidence).toMatch(/penerima manfaat/);
  });

  it("reads relative to the given directory", () => {
    expect(() => loadRuleSet2023("/nonexistent")).toThrow(/ENOENT/);
  });
});

describe("ruleSet2023FromJson", () => {
  it("rejects a file without innovation indicators", () => {
    const json = rawJson();
    delete json.innovation_indicators;
    expect(() => ruleSet2023FromJson(json)).toThrow();
  });

  it("rejects an indicator with two level descriptions", () => {
    const json = rawJson();
    json.region_indicators[0].levels = ["a", "b"];
    expect(() => ruleSet2023FromJson(json)).toThrow();
  });

  it("rejects weights that no longer add up to maxTotal", () => {
    const json = rawJson();
    json.innovation_indicators[0].weight = 4; // innovation max becomes 114, total 253 ≠ 250
    expect(() => ruleSet2023FromJson(json)).toThrow(/maxTotal/);
  });
});

describe("ruleSetSchema", () => {
  const valid = () => structuredClone(loadRuleSet2023());

  it("accepts the 2023 rule set round-tripped through JSON (it is plain data)", () => {
    const rs = valid();
    expect(parseRuleSet(JSON.parse(JSON.stringify(rs)))).toEqual(rs);
  });

  it("accepts a 2026-style basic-service rule and a different divisor floor", () => {
    const rs = valid();
    rs.formula.divisorFloor = 12;
    rs.formula.minBasicServiceAffairs = 5;
    expect(parseRuleSet(rs).formula.minBasicServiceAffairs).toBe(5);
  });

  it("rejects duplicate indicator codes", () => {
    const rs = valid();
    rs.indicators[1] = { ...rs.indicators[1], code: rs.indicators[0].code };
    expect(() => parseRuleSet(rs)).toThrow(/duplicate indicator code SPD-01/);
  });

  it("rejects overlapping or unordered categories", () => {
    const overlapping = valid();
    overlapping.categories[1].max = 60.01;
    expect(() => parseRuleSet(overlapping)).toThrow(/ordered/);
    const reversed = valid();
    reversed.categories.reverse();
    expect(() => parseRuleSet(reversed)).toThrow(/ordered/);
  });

  it("rejects an unknown scope and a zero weight", () => {
    const scope = valid() as unknown as { indicators: { scope: string }[] };
    scope.indicators[0].scope = "province";
    expect(() => parseRuleSet(scope)).toThrow();
    const weight = valid();
    weight.indicators[0].weight = 0;
    expect(() => parseRuleSet(weight)).toThrow();
  });
});
