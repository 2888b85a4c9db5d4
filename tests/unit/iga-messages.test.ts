import { describe, expect, it } from "vitest";
import en from "@/messages/en/iga.json";
import id from "@/messages/id/iga.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** ICU placeholders of a message, e.g. {year}. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("IGA messages", () => {
  const ids = leaves(id as Tree);
  const ens = leaves(en as Tree);

  it("has the same keys in Indonesian and English, none empty", () => {
    expect([...ids.keys()].sort()).toEqual([...ens.keys()].sort());
    for (const [key, text] of [...ids, ...ens]) expect(text.trim(), key).not.toBe("");
  });

  it("uses the same placeholders in both languages", () => {
    for (const [key, text] of ids) expect(placeholders(ens.get(key)!), key).toEqual(placeholders(text));
  });

  it("words every v.* message the IGA schemas use", async () => {
    const sources = await Promise.all(
      ["schemas", "subject", "framework-admin", "evidence-remove"].map(async (f) =>
        (await import("node:fs")).readFileSync(`lib/iga/${f}.ts`, "utf8"),
      ),
    );
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/"v\.(\w+)"/g)].map((m) => m[1])));
    const shared = ["tooLong", "date"]; // worded in catalogue.json
    for (const key of used) if (!shared.includes(key)) expect(ids.has(`validation.${key}`), key).toBe(true);
  });
});

describe("IGA years and submission messages", async () => {
  const enYears = (await import("@/messages/en/iga-years.json")).default as Tree;
  const idYears = (await import("@/messages/id/iga-years.json")).default as Tree;
  const ids = leaves(idYears);
  const ens = leaves(enYears);

  it("has the same keys and placeholders in Indonesian and English", () => {
    expect([...ids.keys()].sort()).toEqual([...ens.keys()].sort());
    for (const [key, text] of ids) expect(placeholders(ens.get(key)!), key).toEqual(placeholders(text));
  });

  it("words every IGA error code and the submission's v.* messages", async () => {
    const { IGA_ERROR_CODES } = await import("@/lib/iga/error-codes");
    const all = new Map([...leaves(id as Tree), ...ids]);
    for (const code of Object.keys(IGA_ERROR_CODES)) expect(all.has(`errors.${code}`), code).toBe(true);
    const source = (await import("node:fs")).readFileSync("lib/iga/submission-change.ts", "utf8");
    for (const [, key] of source.matchAll(/"v\.(\w+)"/g))
      if (!["tooLong", "date"].includes(key)) expect(all.has(`validation.${key}`), key).toBe(true);
  });
});
