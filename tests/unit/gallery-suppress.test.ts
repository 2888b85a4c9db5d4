import { describe, expect, it } from "vitest";
import { publicCount, SUPPRESSION_THRESHOLD, suppressCells } from "@/lib/gallery/suppress";

describe("small-number suppression", () => {
  it("shows counts under 10 as < 10, zero included, and 10 and more exactly", () => {
    expect(SUPPRESSION_THRESHOLD).toBe(10);
    expect([0, 1, 9, 10, 11, 12345].map(publicCount)).toEqual(["<10", "<10", "<10", 10, 11, 12345]);
  });

  it("hides a second cell when one small cell could be found by subtracting the others from the total", () => {
    // 3 alone would follow from the total (45 − 30 − 12): the smallest shown cell is hidden too.
    expect(suppressCells([30, 12, 3, 0])).toEqual([30, "hidden", "<10", "<10"]);
    // Two small cells that together hold 10 or more protect each other.
    expect(suppressCells([30, 6, 5])).toEqual([30, "<10", "<10"]);
    // Small cells summing under 10 pull in the smallest shown cell.
    expect(suppressCells([50, 20, 2, 3])).toEqual([50, "hidden", "<10", "<10"]);
    expect(suppressCells([11, 10, 1])).toEqual([11, "hidden", "<10"]);
  });

  it("leaves cells alone when nothing small is there, and zeros need no partner", () => {
    expect(suppressCells([30, 12, 10])).toEqual([30, 12, 10]);
    expect(suppressCells([30, 12, 0, 0])).toEqual([30, 12, "<10", "<10"]);
    expect(suppressCells([])).toEqual([]);
    expect(suppressCells([4])).toEqual(["<10"]);
  });
});
