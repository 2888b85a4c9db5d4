import { describe, expect, it } from "vitest";
import { benefitThresholds, isBenefitIndicator, proposedLevel, thresholdsFromLevels } from "@/lib/iga/benefit-proposal";
import { loadRuleSet2023 } from "@/lib/iga/iid-2023";

describe("benefit proposal (Kemanfaatan inovasi)", () => {
  const rules = loadRuleSet2023();
  const benefit = rules.indicators.find((i) => i.name === "Kemanfaatan inovasi")!;

  it("finds the 2023 indicator by its data flag, not its name, and reads its thresholds from the level descriptions", () => {
    expect(isBenefitIndicator(benefit)).toBe(true);
    expect(rules.indicators.filter(isBenefitIndicator)).toEqual([benefit]);
    // A later year that renames it keeps the proposal; a name alone does not make one.
    const renamed = { ...benefit, name: "Jumlah penerima manfaat" };
    const unmarked = { ...benefit, derivedFrom: null };
    expect(isBenefitIndicator(renamed)).toBe(true);
    expect(isBenefitIndicator(unmarked)).toBe(false);
    expect(thresholdsFromLevels(benefit.levels)).toEqual([1, 101, 201]);
  });

  it("maps a count of residents to the highest level it reaches, at the exact boundaries", () => {
    const t = [1, 101, 201] as const;
    expect(proposedLevel(0, t)).toBeNull();
    expect(proposedLevel(1, t)).toBe(1);
    expect(proposedLevel(100, t)).toBe(1);
    expect(proposedLevel(101, t)).toBe(2);
    expect(proposedLevel(200, t)).toBe(2);
    expect(proposedLevel(201, t)).toBe(3);
    expect(proposedLevel(100_000, t)).toBe(3);
  });

  it("reads Indonesian thousands and '<' for level 1, and refuses descriptions without increasing numbers", () => {
    expect(thresholdsFromLevels(["< 1.000 penerima", "1.000 - 4.999 penerima", "≥ 5.000 penerima"])).toEqual([
      1, 1000, 5000,
    ]);
    expect(thresholdsFromLevels(["Internal", "SKM", "Penelitian eksternal"])).toBeNull();
    expect(thresholdsFromLevels(["300", "200", "100"])).toBeNull();
  });

  it("falls back to thresholds stated in the formula when the descriptions carry no numbers", () => {
    const wordy = { ...benefit, levels: ["sedikit", "sedang", "banyak"] };
    expect(benefitThresholds(wordy, {})).toBeNull();
    expect(benefitThresholds(wordy, { benefitThresholds: [10, 50, 500] })).toEqual([10, 50, 500]);
    expect(benefitThresholds(wordy, { benefitThresholds: [10, 5, 500] })).toBeNull();
  });
});
