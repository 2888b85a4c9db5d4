import fs from "node:fs";
import path from "node:path";
import { getTableName, is, Table } from "drizzle-orm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { REGIONAL_TABLES } from "@/db/table-classes";

/*
 * Every query in lib/ that reads, changes or removes rows of a regional table names region_code, so
 * each runs inside one region (one partition, one Citus shard group). Read from the source with the
 * TypeScript parser: a drizzle chain (`.from(t)`, `.update(t)`, `.delete(t)`, `.…Join(t)`) or a
 * `sql` template that reads a regional table must mention regionCode / region_code in the chain or
 * template itself, or in a variable or helper of the same file that its filter uses. Limits (see
 * docs/scaling.md): it proves a region filter is written, not that it is the caller's region or
 * that it sits on every table of a join; inserts are not checked (region_code is NOT NULL, so
 * every row names its region); lib/ only (seed/ and scripts/ work on one named region).
 */

const LIB = path.join(process.cwd(), "lib");
const REGION = /regionCode|region_code/;

const regionalNames = new Set(
  Object.entries(schema)
    .filter(([, v]) => is(v, Table) && (REGIONAL_TABLES as readonly string[]).includes(getTableName(v as Table)))
    .map(([k]) => k),
);
const RAW_TABLE = new RegExp(`\\b(from|join|update)\\s+(${REGIONAL_TABLES.join("|")})\\b`, "i");
const CHAIN_METHODS = new Set(["from", "update", "delete", "innerJoin", "leftJoin", "rightJoin", "fullJoin"]);

/**
 * Queries whose region filter is elsewhere, each with the reason. Keep it short: a new entry is a
 * query a shard cannot route.
 */
const EXEMPT: Record<string, string> = {
  // Builders: every caller adds the region's filter (listWhere(actor.regionCode, …), keyOf(actor, …)).
  "lib/innovations/list-query.ts from(innovations)": "orderedIds(db, where): where = listWhere(regionCode, …)",
  "lib/trends/iga-peers.ts from(igaPeerResults)": "selectPeers(db): callers add .where(region)",
  // Deployment-wide by design: a rule set and stored files are shared by every region.
  "lib/iga/framework-admin.ts from(igaAssessments)": "a national rule set's indicators: counts every region's use",
  "lib/iga/storage.ts sql from iga_evidence": "a stored file is shared: removed only when no region uses it",
  // The batch this import created a moment before, in the same transaction (import owned elsewhere).
  "lib/beneficiaries/import/batch-row.ts update(importBatches)": "by the id of the batch it just inserted",
  // Across regions by design (they pass because they select region_code, but no filter keeps them to
  // one region): the roll-up's list of regions with data, the national user's reach. The roll-up's
  // figures (lib/regions/figures.ts) filter by region_code IN the caller's reach.
  "lib/regions/reach.ts from(innovations)": "regionsWithData: every region's code, for the national reach",
  "lib/regions/reach.ts from(igaResults)": "regionsWithData: every region's code, for the national reach",
  // The readers' condition: the ids of unpublished batches, a short list compared with each record's batch.
  "lib/beneficiaries/published.ts sql from import_batches": "an exclusion list: another region's ids exclude nothing",
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The whole chain a call sits in: `db.select().from(t).where(…).limit(…)`. */
function chainOf(node: ts.Node): ts.Node {
  let n = node;
  while (
    (ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n) ||
    (ts.isCallExpression(n.parent) && n.parent.expression === n)
  )
    n = n.parent;
  return n;
}

/** What a name stands for in the file: its declarations and the arguments pushed onto it. */
function meanings(source: ts.SourceFile, name: string): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && n.name.getText() === name && n.initializer) out.push(n.initializer);
    if (ts.isFunctionDeclaration(n) && n.name?.getText() === name) out.push(n);
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === "push" &&
      n.expression.expression.getText() === name
    )
      out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

/** Does the query, or a variable or helper of the file it uses (three steps deep), name the region? */
function namesRegion(source: ts.SourceFile, query: ts.Node, depth = 0): boolean {
  if (REGION.test(query.getText())) return true;
  if (depth > 2) return false;
  const names = new Set<string>();
  const collect = (n: ts.Node) => {
    if (ts.isIdentifier(n)) names.add(n.text);
    ts.forEachChild(n, collect);
  };
  collect(query);
  for (const name of names)
    for (const meaning of meanings(source, name)) {
      if (meaning !== query && namesRegion(source, meaning, depth + 1)) return true;
    }
  return false;
}

interface Query {
  key: string;
  ok: boolean;
}

function queries(file: string): Query[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const rel = path.relative(process.cwd(), file);
  const found: Query[] = [];
  const visit = (n: ts.Node) => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      CHAIN_METHODS.has(n.expression.name.text) &&
      n.arguments[0] &&
      ts.isIdentifier(n.arguments[0]) &&
      regionalNames.has(n.arguments[0].text)
    ) {
      const line = source.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      // A join names the region in its own condition, so every joined table stays in the region.
      const join = n.expression.name.text.endsWith("Join");
      found.push({
        key: `${rel}:${line} ${n.expression.name.text}(${n.arguments[0].text})`,
        ok: join ? !!n.arguments[1] && namesRegion(source, n.arguments[1]) : namesRegion(source, chainOf(n)),
      });
    }
    if (ts.isTaggedTemplateExpression(n) && n.tag.getText() === "sql") {
      const match = RAW_TABLE.exec(n.template.getText());
      if (match) {
        const line = source.getLineAndCharacterOfPosition(n.getStart()).line + 1;
        found.push({ key: `${rel}:${line} sql ${match[0]}`, ok: namesRegion(source, n) });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

const all = files(LIB).flatMap(queries);

describe("every query on a regional table names its region", () => {
  it("finds the queries", () => {
    expect(regionalNames.size).toBe(REGIONAL_TABLES.length);
    expect(all.length).toBeGreaterThan(100);
  });

  it("has none without region_code", () => {
    const missing = all.filter((q) => !q.ok && !EXEMPT[q.key.replace(/:\d+ /, " ")]).map((q) => q.key);
    expect(missing).toEqual([]);
  });
});
