import { describe, expect, it } from "vitest";
import {
  bandsPerYear,
  indexRows,
  peerKey,
  rankRows,
  rankTicks,
  rulesForYear,
  sourceUrl,
  yearSpan,
  type YearRules,
} from "@/lib/trends/series";

const cats = (top: number) => [
  { name: "Sangat Inovatif", min: top + 0.01, max: 100 },
  { name: "Inovatif", min: 35, max: top },
  { name: "Kurang Inovatif", min: 0.01, max: 34.99 },
  { name: "Tidak Dapat Dinilai", min: 0, max: 0 },
];
const RULES: YearRules[] = [
  { year: 2023, categories: cats(60) },
  { year: 2024, categories: cats(60) },
  { year: 2025, categories: cats(65) },
];

describe("the rule set a year is drawn against", () => {
  it("is the year's own, else the nearest (the earlier on a tie), else none", () => {
    expect(rulesForYear(RULES, 2025)?.year).toBe(2025);
    expect(rulesForYear(RULES, 2021)?.year).toBe(2023);
    expect(rulesForYear(RULES, 2030)?.year).toBe(2025);
    expect(
      rulesForYear(
        [
          { year: 2020, categories: [] },
          { year: 2022, categories: [] },
        ],
        2021,
      )?.year,
    ).toBe(2020);
    expect(rulesForYear([], 2023)).toBeNull();
  });

  it("gives each year its bands lowest first, without the zero-width one, and says where they came from", () => {
    const bands = bandsPerYear(RULES, [2022, 2025]);
    expect(bands.map((b) => [b.year, b.fromYear])).toEqual([
      [2022, 2023],
      [2025, 2025],
    ]);
    expect(bands[0].bands.map((b) => b.name)).toEqual(["Kurang Inovatif", "Inovatif", "Sangat Inovatif"]);
    expect(bands[1].bands.at(-1)).toEqual({ name: "Sangat Inovatif", min: 65.01, max: 100 });
    expect(bandsPerYear([], [2023])).toEqual([]);
  });
});

describe("chart rows", () => {
  const results = [
    { year: 2021, nationalRank: 155, provinceRank: 13, index: null },
    { year: 2022, nationalRank: 36, provinceRank: 5, index: 52.5 },
    { year: 2023, nationalRank: 16, provinceRank: null, index: null },
  ];

  it("puts the regency's and each peer's rank in one row per year, null where unknown", () => {
    const rows = rankRows(results, [{ peerCode: "18.05", year: 2024, nationalRank: 40 }]);
    expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(rows[0]).toEqual({ year: 2021, national: 155, province: 13, [peerKey("18.05")]: null });
    expect(rows[3]).toMatchObject({ national: null, [peerKey("18.05")]: 40 });
  });

  it("projects from the last published index to the estimate, or shows the estimate alone", () => {
    const rows = indexRows(results, { year: 2026, index: 61.2 });
    expect(rows.map((r) => [r.year, r.index, r.projection])).toEqual([
      [2021, null, null],
      [2022, 52.5, 52.5],
      [2023, null, null],
      [2026, null, 61.2],
    ]);
    const alone = indexRows([{ year: 2021, nationalRank: 155, provinceRank: 13, index: null }], {
      year: 2026,
      index: 40,
    });
    expect(alone.filter((r) => r.projection !== null)).toEqual([{ year: 2026, index: null, projection: 40 }]);
    expect(indexRows(results, null).every((r) => r.projection === null)).toBe(true);
  });

  it("links a source only when it is a web address", () => {
    expect(sourceUrl("https://inovasi.kemendagri.go.id/iga")).toBe("https://inovasi.kemendagri.go.id/iga");
    expect(sourceUrl("Kepmendagri 400.10.11-6301/2022")).toBeNull();
    expect(sourceUrl("javascript:alert(1)")).toBeNull();
    expect(sourceUrl(null)).toBeNull();
  });
});

describe("axes", () => {
  it("spans every year from the first to the last", () => {
    expect(yearSpan([2026, 2021, 2023])).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(yearSpan([])).toEqual([]);
  });

  it("puts rank 1 on top and round steps down past the worst rank", () => {
    expect(rankTicks(155)).toEqual([1, 50, 100, 150, 200]);
    expect(rankTicks(16)).toEqual([1, 5, 10, 15, 20]);
    expect(rankTicks(5)).toEqual([1, 2, 3, 4, 5]);
  });
});
