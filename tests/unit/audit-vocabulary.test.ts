import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionKey, auditValueText } from "@/lib/audit/vocabulary";
import { TRANSITIONS } from "@/lib/iga/submission-rules";
import { translator } from "@/lib/i18n/translator";
import { MESSAGES } from "@/i18n/messages";

const ROOTS = ["lib", "seed", "scripts", "app"];
const AREAS = "user|token|innovation|beneficiary|resident|seed|iga";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Audit actions the code writes: the literals in an `action` expression of a file that writes audit rows. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("writeAudit(") || file.endsWith("lib/audit/write.ts")) continue;
    for (const m of text.matchAll(/\baction\b\s*(?::|=(?!=))\s*([^\n]+)/g)) {
      for (const lit of m[1].matchAll(new RegExp(`["'\`]((?:${AREAS})\\.[a-z_]+(?:\\.[a-z_]+)*)["'\`]`, "g")))
        found.add(lit[1]);
      // The submission steps write `iga.submission.${action}` for each step of the workflow.
      if (m[1].includes("`iga.submission.${action}`"))
        for (const step of Object.keys(TRANSITIONS)) found.add(`iga.submission.${step}`);
    }
  }
  return found;
}

describe("audit vocabulary", () => {
  it("finds the actions the code writes (the scan itself works)", () => {
    const written = writtenActions();
    expect(written.has("user.login")).toBe(true);
    expect(written.has("iga.submission.verify")).toBe(true);
    expect(written.has("beneficiary.import.undo")).toBe(true);
    expect(written.size).toBeGreaterThan(30);
  });

  it("lists every action the code writes, so a new one cannot reach the audit page untranslated", () => {
    const listed = new Set<string>(AUDIT_ACTIONS);
    const missing = [...writtenActions()].filter((a) => !listed.has(a));
    expect(missing).toEqual([]);
  });

  it("has a name for every action and entity in both languages", () => {
    for (const locale of ["id", "en"] as const) {
      const t = translator(locale);
      for (const action of AUDIT_ACTIONS)
        expect(t.has(`ux.auditLog.action.${auditActionKey(action)}`), `${locale} ${action}`).toBe(true);
      for (const entity of AUDIT_ENTITIES)
        expect(t.has(`ux.auditLog.entity.${entity}`), `${locale} ${entity}`).toBe(true);
    }
    expect(translator("id")("ux.auditLog.action.beneficiary_import_check")).not.toMatch(/beneficiary/);
  });

  it("names every innovation and user field changed in the audit trail in both languages", () => {
    const fields = [
      "name",
      "stage",
      "yearApplied",
      "otherAffairs",
      "archivedAt",
      "isPublic",
      "isSample",
      "email",
      "role",
      "active",
      "agencyId",
    ];
    for (const locale of ["id", "en"] as const) {
      const tree = MESSAGES[locale] as {
        catalogue: { fields: Record<string, string> };
        ux: { auditLog: { field: Record<string, string> } };
      };
      for (const f of fields)
        expect(tree.catalogue.fields[f] ?? tree.ux.auditLog.field[f], `${locale} ${f}`).toBeTruthy();
    }
  });

  it("shows values readably", () => {
    const yesNo = { yes: "Ya", no: "Tidak" };
    expect(auditValueText(null, yesNo)).toBe("—");
    expect(auditValueText(true, yesNo)).toBe("Ya");
    expect(auditValueText(["pendidikan", "kesehatan"], yesNo)).toBe("pendidikan, kesehatan");
    expect(auditValueText("x".repeat(200), yesNo)).toHaveLength(118);
  });
});
