import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * Every exported use case in lib/ that writes (opens a transaction, or inserts, updates or deletes)
 * checks the caller's permission and writes the audit row itself. Read from the source with the
 * TypeScript parser, so a new write use case that forgets either step fails here.
 */

const LIB = path.join(process.cwd(), "lib");
const WRITES = /\.transaction\(|\.insert\(|\.update\(|\.delete\(/;

/**
 * Write use cases whose check or audit sits in a helper they call first, named here with the
 * helper, so the exception is visible and deliberate.
 */
const DELEGATED: Record<string, { permission?: string; audit?: string }> = {
  "lib/beneficiaries/import/run-import.ts importServiceRecords": {
    permission: "importableInnovation",
    audit: "recordFailure",
  },
  "lib/beneficiaries/batches-jobs.ts startImportJob": { permission: "importableInnovation" },
  // Its own write is the idempotency key, inside the import's transaction, which writes the audit row.
  "lib/beneficiaries/ingest.ts ingestServiceRecords": { audit: "importServiceRecords" },
  // Every signed-in person may end their own sessions: no role holds more of it than another.
  "lib/users/sign-out.ts endSessionsOfCaller": { permission: "signedInUser" },
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

interface UseCase {
  key: string;
  body: string;
}

/** Exported functions whose first parameter is the context (`{ ctx, … }` or `ctx: Ctx`). */
function useCases(file: string): UseCase[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: UseCase[] = [];
  source.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node) || !node.name || !node.body) return;
    if (!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
    const first = node.parameters[0];
    if (!first) return;
    const takesCtx = ts.isObjectBindingPattern(first.name)
      ? first.name.elements.some((e) => e.name.getText() === "ctx")
      : first.name.getText() === "ctx" && first.type?.getText() === "Ctx";
    if (takesCtx)
      found.push({ key: `${path.relative(process.cwd(), file)} ${node.name.text}`, body: node.body.getText() });
  });
  return found;
}

/**
 * Steps of one use case kept in a file of their own: called only by it, after its checks (a test
 * below holds them to that), so they neither check nor need to.
 */
const STEPS_OF: Record<string, string> = {
  "lib/beneficiaries/import/batch-outcome.ts failWrite": "lib/beneficiaries/import/run-import.ts",
  "lib/beneficiaries/import/batch-outcome.ts dropBatchRow": "lib/beneficiaries/import/run-import.ts",
  "lib/beneficiaries/import/batch-outcome.ts recordFailure": "lib/beneficiaries/import/run-import.ts",
};

const all = files(LIB).flatMap(useCases);
const writers = all.filter((u) => WRITES.test(u.body) && !(u.key in STEPS_OF));

describe("every write use case checks the permission and writes the audit row", () => {
  it("finds the write use cases", () => {
    expect(writers.length).toBeGreaterThan(15);
    expect(writers.map((w) => w.key)).toContain("lib/innovations/create-innovation.ts createInnovation");
  });

  it.each(writers.map((w) => [w.key, w] as const))("%s", (key, useCase) => {
    const delegated = DELEGATED[key] ?? {};
    expect(
      useCase.body.includes("requirePermission(") ||
        (!!delegated.permission && useCase.body.includes(`${delegated.permission}(`)),
    ).toBe(true);
    expect(
      useCase.body.includes("writeAudit(") || (!!delegated.audit && useCase.body.includes(`${delegated.audit}(`)),
    ).toBe(true);
  });

  it("uses the steps of a use case only in that use case's file", () => {
    for (const [step, owner] of Object.entries(STEPS_OF)) {
      const [file, name] = step.split(" ");
      const users = files(LIB)
        .map((f) => path.relative(process.cwd(), f))
        .filter((f) => f !== file && new RegExp(`\\b${name}\\(`).test(fs.readFileSync(f, "utf8")));
      expect(users, step).toEqual([owner]);
    }
  });

  it("checks the permission before anything else where it takes `{ ctx, input }`", () => {
    const late = all
      .filter((u) => u.body.includes("requirePermission(") && /\binput\b/.test(u.body))
      .filter((u) => {
        const check = u.body.indexOf("requirePermission(");
        const parse = u.body.search(/parseInput\(|\.safeParse\(|\.parse\(/);
        return parse >= 0 && parse < check;
      })
      .map((u) => u.key);
    expect(late).toEqual([]);
  });
});
