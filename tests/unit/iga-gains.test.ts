import { describe, expect, it } from "vitest";
import { loadRuleSet2023 } from "@/lib/iga/iid-2023";
import type { Level } from "@/lib/iga/rule-set";
import {
  computeRawIndex,
  marginalGains,
  type IndexInput,
  type IndicatorAssessment,
  type MarginalGain,
} from "@/lib/iga/score";

const rs = loadRuleSet2023();
const codes = (scope: "region" | "innovation") => rs.indicators.filter((i) => i.scope === scope).map((i) => i.code);
const all = (scope: "region" | "innovation", level: Level, hasEvidence = true): IndicatorAssessment[] =>
  codes(scope).map((code) => ({ code, level, hasEvidence }));
const FULL = all("innovation", 3);

/** Applies one to-do item (its toLevel, with evidence) and recomputes the whole index. */
function applyItem(input: IndexInput, item: MarginalGain): IndexInput {
  const patch = (list: readonly IndicatorAssessment[]) => [
    ...list.filter((a) => a.code !== item.indicatorCode),
    { code: item.indicatorCode, level: item.toLevel, hasEvidence: true },
  ];
  if (item.scope === "region") return { ...input, region: patch(input.region) };
  return {
    ...input,
    innovations: input.innovations.map((inv) =>
      inv.id === item.innovationId ? { ...inv, assessments: patch(inv.assessments) } : inv,
    ),
  };
}

describe("marginalGains", () => {
  it("lists the next step of every indicator short of full marks, largest gain first", () => {
    // Full marks everywhere except: SPD-12 (w 2) at L1; INV-20 (w 4) at L2 without evidence;
    // INV-05 (w 1) not assessed. One innovation, so the divisor is the floor of 10.
    const input: IndexInput = {
      region: all("region", 3).map((a) => (a.code === "SPD-12" ? { ...a, level: 1 } : a)),
      innovations: [
        {
          id: "payo",
          name: "Payo Beladas",
          assessments: FULL.filter((a) => a.code !== "INV-05").map((a) =>
            a.code === "INV-20" ? { ...a, level: 2, hasEvidence: false } : a,
          ),
        },
      ],
    };
    const gains = marginalGains(rs, input);
    expect(gains).toHaveLength(3);
    // SPD-12 L1→L2: 2 × 1 / 250 × 100 = 0.8
    expect(gains[0]).toEqual({
      scope: "region",
      indicatorCode: "SPD-12",
      fromLevel: 1,
      toLevel: 2,
      missingEvidence: false,
      indexGain: expect.closeTo(0.8, 12),
    });
    // INV-20 evidence at L2: 4 × 2 / 10 / 250 × 100 = 0.32
    expect(gains[1]).toEqual({
      scope: "innovation",
      innovationId: "payo",
      indicatorCode: "INV-20",
      fromLevel: 2,
      toLevel: 2,
      missingEvidence: true,
      indexGain: expect.closeTo(0.32, 12),
    });
    // INV-05 nothing → L1 with evidence: 1 × 1 / 10 / 250 × 100 = 0.04
    expect(gains[2]).toMatchObject({ indicatorCode: "INV-05", fromLevel: null, toLevel: 1, missingEvidence: true });
    expect(gains[2].indexGain).toBeCloseTo(0.04, 12);
  });

  it("divides innovation gains by n once n exceeds the floor", () => {
    // 20 innovations: INV-20 L2 → L3 on one of them gains 4 × 1 / 20 / 250 × 100 = 0.08
    const innovations = Array.from({ length: 20 }, (_, i) => ({ id: `i${i}`, name: `I${i}`, assessments: FULL }));
    innovations[7] = {
      ...innovations[7],
      assessments: FULL.map((a) => (a.code === "INV-20" ? { ...a, level: 2 } : a)),
    };
    const gains = marginalGains(rs, { region: all("region", 3), innovations });
    expect(gains).toHaveLength(1);
    expect(gains[0]).toMatchObject({ innovationId: "i7", fromLevel: 2, toLevel: 3, missingEvidence: false });
    expect(gains[0].indexGain).toBeCloseTo(0.08, 12);
  });

  it("is empty at full marks", () => {
    expect(
      marginalGains(rs, { region: all("region", 3), innovations: [{ id: "a", name: "A", assessments: FULL }] }),
    ).toEqual([]);
  });

  it("keeps ties in a stable order: region first, then innovations in input order", () => {
    // Everything empty: SPD-01 (w 1) gains 0.4; INV-01 (w 3) on 1 of 2 innovations gains 3/10/250×100 = 0.12
    const gains = marginalGains(rs, {
      region: [],
      innovations: [
        { id: "a", name: "A", assessments: [] },
        { id: "b", name: "B", assessments: [] },
      ],
    });
    expect(gains).toHaveLength(20 + 2 * 20);
    expect(gains.map((g) => g.indexGain)).toEqual([...gains.map((g) => g.indexGain)].sort((x, y) => y - x));
    const inv01 = gains.filter((g) => g.indicatorCode === "INV-01").map((g) => g.innovationId);
    expect(inv01).toEqual(["a", "b"]);
  });

  // The direct formula must agree with re-running the whole index for every item.
  it.each([
    ["3 innovations (divisor floor 10)", 3],
    ["10 innovations", 10],
    ["37 innovations", 37],
    ["250 innovations (count capped)", 250],
  ])("matches a full recompute: %s", (_label, n) => {
    // A mixed input: levels cycle 1..3 and null, every third one without evidence.
    const mixed = (scope: "region" | "innovation", seed: number): IndicatorAssessment[] =>
      codes(scope).map((code, i) => ({
        code,
        level: ([null, 1, 2, 3] as const)[(i + seed) % 4],
        hasEvidence: (i + seed) % 3 !== 0,
      }));
    const input: IndexInput = {
      region: mixed("region", 0),
      innovations: Array.from({ length: n }, (_, j) => ({
        id: `i${j}`,
        name: `I${j}`,
        assessments: mixed("innovation", j),
      })),
    };
    const before = computeRawIndex(rs, input);
    const gains = marginalGains(rs, input);
    expect(gains.length).toBeGreaterThan(0);
    // Check the first items of each scope and a sample across innovations, not all n × 20.
    const sample = [
      ...gains.filter((g) => g.scope === "region"),
      ...gains.filter((_, k) => k % Math.max(1, Math.floor(gains.length / 25)) === 0),
    ];
    for (const item of sample) {
      expect(computeRawIndex(rs, applyItem(input, item)) - before).toBeCloseTo(item.indexGain, 10);
    }
  });
});
