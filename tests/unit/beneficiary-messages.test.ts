import { describe, expect, it } from "vitest";
import { RECORD_COLUMNS } from "@/lib/beneficiaries/import/columns";
import { RECORD_ISSUE_CODES } from "@/lib/beneficiaries/messages";
import { translator } from "@/lib/i18n/translator";
import { NIK_ERROR_CODES } from "@/lib/nik";

/*
 * The translator answers a missing key with the key itself, silently: a new import column or row
 * code without its wording would reach users as "beneficiaries.issue.x". Every column and code must
 * be worded in both languages (docs/how-to-change.md, "Add a column to the beneficiary import").
 */

const LOCALES = ["id", "en"] as const;
const nikCodes: readonly string[] = NIK_ERROR_CODES;

describe("beneficiary import messages", () => {
  it("words every row issue code in Indonesian and English (NIK codes are lib/nik's)", () => {
    for (const locale of LOCALES)
      for (const code of RECORD_ISSUE_CODES.filter((c) => !nikCodes.includes(c)))
        expect(translator(locale).has(`beneficiaries.issue.${code}`), `${locale} issue.${code}`).toBe(true);
  });

  it("labels every column, and notes it in the template, in Indonesian and English", () => {
    for (const locale of LOCALES)
      for (const column of RECORD_COLUMNS) {
        expect(translator(locale).has(`beneficiaries.columns.${column}`), `${locale} columns.${column}`).toBe(true);
        expect(translator(locale).has(`ux.template.columns.${column}`), `${locale} template ${column}`).toBe(true);
      }
  });
});
