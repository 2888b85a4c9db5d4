import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COLUMN_IDS,
  DEFAULT_COLUMNS,
  exportHref,
  hasFilters,
  HIDEABLE_COLUMNS,
  parseColumns,
  parsePage,
  parsePageSize,
  parseSort,
  serializeColumns,
} from "@/components/tables/innovations/view-state";
import { EXPORT_PATH } from "@/lib/innovations/list-params";
import { lenientListInput, pickParams } from "@/lib/innovations/list-search-params";

// The list page's URL is its state: these pin how it is read and written (no database needed).
describe("innovation list URL state", () => {
  it("reads only the named parameters, trimmed, dropping empty ones and keeping the last repeat", () => {
    const params = new URLSearchParams(
      "q=%20payo%20&stage=&stage=penerapan&stage=uji_coba&nik=1811010101010001&cols=stage",
    );
    expect(pickParams(params)).toEqual({ q: "payo", stage: "uji_coba" });
    expect(pickParams({ q: ["a", "b"], innovationType: "", sort: "name" })).toEqual({ q: "b", sort: "name" });
  });

  it("drops a bad value from a hand-edited URL but keeps the good ones", () => {
    const input = lenientListInput({
      stage: "selesai",
      innovationType: "digital",
      yearApplied: "dua",
      sort: "nik",
      dir: "desc",
    });
    expect(input).toMatchObject({
      innovationType: "digital",
      dir: "desc",
      includeArchived: false,
      limit: 25,
      offset: 0,
    });
    expect(input.stage).toBeUndefined();
    expect(input.yearApplied).toBeUndefined();
    expect(input.sort).toBeUndefined();
  });

  it("falls back to page 1 and the default size for values a person may type", () => {
    for (const page of [undefined, "0", "-3", "abc", "1e400"]) expect(parsePage({ page })).toBe(1);
    expect(parsePage({ page: "3.7" })).toBe(3);
    expect(parsePageSize({ size: "50" })).toBe(50);
    for (const size of [undefined, "7", "1000", "x"]) expect(parsePageSize({ size })).toBe(25);
    expect(parseSort({ sort: "yearApplied", dir: "desc" })).toEqual({ sort: "yearApplied", dir: "desc" });
    expect(parseSort({ sort: "drop table", dir: "sideways" })).toEqual({ sort: undefined, dir: "asc" });
  });

  it("keeps the name column always, ignores unknown columns and writes the default as no parameter", () => {
    expect(parseColumns({})).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns({ cols: "" })).toEqual(["name"]);
    expect(parseColumns({ cols: "updatedAt,bogus,agency" })).toEqual(["name", "agency", "updatedAt"]);
    expect(serializeColumns(DEFAULT_COLUMNS)).toBeNull();
    expect(serializeColumns(["name", "theme"])).toBe("theme");
  });

  it("round-trips any column choice through the URL", () => {
    fc.assert(
      fc.property(fc.subarray([...HIDEABLE_COLUMNS]), (chosen) => {
        const cols = serializeColumns(chosen);
        const read = parseColumns(cols === null ? {} : { cols });
        expect(read).toEqual(COLUMN_IDS.filter((id) => id === "name" || chosen.includes(id)));
      }),
    );
  });

  it("exports exactly the view: filters and sort carried over, paging and columns left out", () => {
    const view = {
      q: "desa",
      stage: "penerapan",
      agencyId: "a1",
      includeArchived: "true",
      sort: "name",
      dir: "desc",
      page: "3",
      size: "50",
      cols: "stage",
    };
    const href = exportHref(view, "xlsx");
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe(EXPORT_PATH);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: "xlsx",
      q: "desa",
      stage: "penerapan",
      agencyId: "a1",
      includeArchived: "true",
      sort: "name",
      dir: "desc",
    });
    expect(hasFilters(view)).toBe(true);
    expect(hasFilters({ sort: "name", dir: "desc", page: "2", cols: "stage" })).toBe(false);
  });
});
