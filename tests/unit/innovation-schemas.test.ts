import { describe, expect, it } from "vitest";
import {
  completeness,
  countWords,
  innovationDraftSchema,
  innovationPatchSchema,
  MIN_DESIGN_WORDS,
} from "@/lib/innovations/schemas";

const AGENCY = "5b0c2c4e-8a7d-4f1e-9c1a-2f1e0d3c4b5a";
const base = { name: "Payo Beladas", agencyId: AGENCY, stage: "penerapan", yearApplied: 2023 };
const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(" ");

function issues(input: unknown) {
  const result = innovationDraftSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("innovation profile rules", () => {
  it("accepts a minimal draft and normalises empty optional text to null", () => {
    const draft = innovationDraftSchema.parse({ ...base, summary: "  ", goals: "" });
    expect(draft.summary).toBeNull();
    expect(draft.goals).toBeNull();
    expect(draft.otherAffairs).toEqual([]);
  });

  it("names each required field with its message key", () => {
    expect(Object.keys(issues({})).sort()).toEqual(["agencyId", "name", "stage", "yearApplied"]);
    expect(issues({ ...base, agencyId: "x", stage: "selesai" })).toEqual({ agencyId: "v.agency", stage: "v.stage" });
    expect(issues({ ...base, name: "ab" })).toEqual({ name: "v.innovationName" });
    expect(issues({ ...base, yearApplied: 2016 })).toEqual({ yearApplied: "v.year" });
  });

  it("refuses a trial date after the implementation date, on the trial date", () => {
    expect(issues({ ...base, trialDate: "2023-05-02", implementationDate: "2023-05-01" })).toEqual({
      trialDate: "v.trialAfterImplementation",
    });
    expect(issues({ ...base, trialDate: "2023-05-01", implementationDate: "2023-05-01" })).toEqual({});
    expect(issues({ ...base, trialDate: "2023-02-30" })).toEqual({ trialDate: "v.date" });
  });

  it("accepts only urusan codes from the UU 23/2014 list", () => {
    expect(issues({ ...base, mainAffair: "bukan-urusan" })).toEqual({ mainAffair: "v.affair" });
    expect(issues({ ...base, otherAffairs: ["kesehatan", "bukan-urusan"] })).toEqual({ "otherAffairs.1": "v.affair" });
    expect(issues({ ...base, mainAffair: "administrasi_kependudukan_dan_pencatatan_sipil" })).toEqual({});
  });

  it("stores textarea text with LF line breaks whatever the browser sent", () => {
    const draft = innovationDraftSchema.parse({ ...base, design: "Dasar hukum.\r\nPermasalahan.\rIsu." });
    expect(draft.design).toBe("Dasar hukum.\nPermasalahan.\nIsu.");
  });

  it("needs the version on a patch and validates only what is sent", () => {
    expect(innovationPatchSchema.safeParse({ id: AGENCY, name: "Baru" }).success).toBe(false);
    const patch = innovationPatchSchema.parse({ id: AGENCY, version: "3", results: "Hasil" });
    expect(patch).toMatchObject({ id: AGENCY, version: 3, results: "Hasil" });
    expect(patch).not.toHaveProperty("name");
    expect(innovationPatchSchema.safeParse({ id: AGENCY, version: 3, trialDate: "kemarin" }).success).toBe(false);
  });
});

describe("completeness", () => {
  const full = {
    ...base,
    initiatorType: "opd",
    initiatorName: "Disdukcapil",
    innovationType: "digital",
    form: "pelayanan_publik",
    theme: "digitalisasi_layanan",
    mainAffair: "kesehatan",
    trialDate: "2022-01-01",
    implementationDate: "2022-06-01",
    design: words(MIN_DESIGN_WORDS),
    goals: "g",
    benefits: "b",
    results: "r",
  };

  it("is complete with every field and a 300-word design, and counts words", () => {
    expect(countWords(full.design)).toBe(MIN_DESIGN_WORDS);
    expect(completeness(full)).toMatchObject({ complete: true, percent: 100, missing: [] });
  });

  it("lists the design as missing one word short of 300", () => {
    const c = completeness({ ...full, design: words(MIN_DESIGN_WORDS - 1) });
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual(["design"]);
    expect(c.designWords).toBe(MIN_DESIGN_WORDS - 1);
  });

  it("does not ask an innovation still in trial for an implementation date", () => {
    const c = completeness({ ...full, stage: "uji_coba", implementationDate: null });
    expect(c.missing).toEqual([]);
  });
});
