import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import { listInnovationsInput } from "@/lib/innovations/list-innovations";
import { openApiDocument } from "@/lib/openapi/document";
import { ERROR_CODES } from "@/lib/openapi/schemas";

type Json = Record<string, unknown>;
type Operation = {
  operationId?: string;
  parameters?: Json[];
  requestBody?: Json;
  responses?: Json;
  security?: unknown[];
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
// Deep-cloned through JSON: what /api/v1/openapi.json actually serves.
const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: Json;
  security?: Json[];
};

/** Follows a local `$ref` ("#/components/…") to what it names. */
function deref<T = Json>(node: unknown): T {
  let current = node as Json;
  while (typeof current?.$ref === "string") {
    current = (current.$ref as string)
      .slice(2)
      .split("/")
      .reduce<Json>((at, key) => at?.[key] as Json, doc as unknown as Json);
  }
  return current as T;
}

/** Every route file under app/api/v1 as an OpenAPI path (`[id]` → `{id}`) with its exported methods. */
function routeFiles(): { path: string; methods: string[] }[] {
  const base = path.join(ROOT, "app/api/v1");
  return readdirSync(base, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => {
      const dir = path
        .dirname(file)
        .split(path.sep)
        .filter((s) => s !== ".");
      const source = readFileSync(path.join(base, file), "utf8");
      const methods = [
        ...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1].toLowerCase());
      return { path: ["/api/v1", ...dir.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))].join("/"), methods };
    });
}

const operations = () =>
  Object.entries(doc.paths).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path: p, method, op: item[method] as Operation })),
  );

describe("OpenAPI document", () => {
  it("has the OpenAPI 3.1 structure", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path: p, method, op } of operations()) {
      expect(p, `${method} ${p}`).toMatch(/^\//);
      expect(op.operationId, `${method} ${p}`).toMatch(/^\w+$/);
      const responses = Object.entries(op.responses ?? {});
      expect(
        responses.some(([status]) => /^2\d\d$/.test(status)),
        `${method} ${p} has a 2xx`,
      ).toBe(true);
      for (const [status, response] of responses)
        expect(deref<Json>(response).description, `${method} ${p} ${status}`).toBeTruthy();
      // Every {param} of the path template is declared as a required path parameter.
      const declared = (op.parameters ?? []).map((x) => deref<Json>(x)).filter((x) => x.in === "path");
      for (const [, name] of p.matchAll(/\{(\w+)\}/g)) {
        expect(declared.find((x) => x.name === name)?.required, `${method} ${p} declares {${name}}`).toBe(true);
      }
    }
  });

  it("resolves every $ref", () => {
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "$ref") refs.push(value as string);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\//);
      expect(deref({ $ref: ref }), ref).toBeTruthy();
    }
  });

  it("documents every route file under app/api/v1 with each method it exports, and the health check", () => {
    const routes = routeFiles();
    expect(routes.map((r) => r.path)).toContain("/api/v1/innovations/{id}/archive");
    for (const route of routes) {
      expect(doc.paths, `${route.path} is documented`).toHaveProperty([route.path]);
      expect(route.methods.length, `${route.path} exports a handler`).toBeGreaterThan(0);
      for (const method of route.methods)
        expect(doc.paths[route.path], `${method.toUpperCase()} ${route.path}`).toHaveProperty(method);
    }
    expect(doc.paths["/api/health"]?.get).toBeDefined();
  });

  it("takes the list endpoint's query parameters from listInnovationsInput, so they cannot drift", () => {
    const params = (doc.paths["/api/v1/innovations"].get?.parameters ?? []).map((x) => deref<Json>(x));
    expect(params.every((x) => x.in === "query")).toBe(true);
    expect(params.map((x) => x.name).sort()).toEqual(Object.keys(listInnovationsInput.shape).sort());
  });

  it("requires name, agencyId, stage and yearApplied in the create body, and only version in a patch", () => {
    const post = deref<Json>((doc.paths["/api/v1/innovations"].post?.requestBody as Json).content);
    const draft = deref<{ required: string[]; properties: Json }>((post["application/json"] as Json).schema);
    expect([...draft.required].sort()).toEqual(["agencyId", "name", "stage", "yearApplied"]);
    expect(draft.properties).toHaveProperty("trialDate");

    const patchContent = (doc.paths["/api/v1/innovations/{id}"].patch?.requestBody as Json).content as Json;
    const patch = deref<{ required: string[]; properties: Json }>((patchContent["application/json"] as Json).schema);
    expect(patch.required).toEqual(["version"]);
    expect(patch.properties).not.toHaveProperty("id");
  });

  it("declares bearer authentication, with only the health check, this document and the gallery's photos public", () => {
    const schemes = (doc.components.securitySchemes ?? {}) as Record<string, Json>;
    expect(schemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    const publicOps = operations().filter(({ op }) => Array.isArray(op.security) && op.security.length === 0);
    expect(publicOps.map((o) => o.path).sort()).toEqual([
      "/api/health",
      "/api/v1/gallery/photos/{id}",
      "/api/v1/openapi.json",
    ]);
    for (const { path: p, method, op } of operations()) {
      if (!publicOps.some((o) => o.op === op))
        expect(op.responses, `${method} ${p} documents 401`).toHaveProperty("401");
    }
  });

  it("describes errors with one envelope and lists the stable codes", () => {
    const error = deref<Json>(
      deref<Json>(doc.components.responses && (doc.components.responses as Json).ValidationFailed).content,
    );
    const envelope = deref<{ properties: { error: { properties: Json; required: string[] } } }>(
      (error["application/json"] as Json).schema,
    );
    expect(envelope.properties.error.required).toEqual(["code", "message"]);
    expect(envelope.properties.error.properties).toHaveProperty("fields");
    for (const code of Object.keys(ERROR_CODES)) expect(doc.info.description).toContain(`\`${code}\``);
  });
});

describe("error codes", () => {
  /** Resolves an import specifier ("@/lib/x", "./y") of `from` to a source file; undefined for packages and db/. */
  function resolveImport(from: string, spec: string): string | undefined {
    if (!spec.startsWith("@/") && !spec.startsWith(".")) return undefined;
    const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
    // db/ (connection, bootstrap, demo seed) runs at start-up; what it throws is no API answer.
    if (base.startsWith(path.join(ROOT, "db") + path.sep)) return undefined;
    return [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((f) => existsSync(f));
  }

  /**
   * Codes the v1 API can answer with: the error classes' defaults plus every code thrown in the
   * files the v1 route handlers reach through their (non-type) imports. Codes that only server
   * actions can meet are not part of the API's contract.
   */
  function apiErrorCodes(): Set<string> {
    const codes = new Set(["unauthenticated", "forbidden", "not_found", "validation_failed", "internal"]);
    const base = path.join(ROOT, "app/api/v1");
    const queue = readdirSync(base, { recursive: true, encoding: "utf8" })
      .filter((f) => path.basename(f) === "route.ts")
      .map((f) => path.join(base, f));
    const seen = new Set(queue);
    while (queue.length > 0) {
      const file = queue.shift()!;
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/new (?:ConflictError|ForbiddenError|ImportFileError)\("(\w+)"/g))
        codes.add(m[1]);
      for (const m of source.matchAll(/new AppError\(\d+,\s*"(\w+)"/g)) codes.add(m[1]);
      // Envelopes a route builds itself (`error: { code: "…" }`).
      for (const m of source.matchAll(/error:\s*\{\s*code:\s*"(\w+)"/g)) codes.add(m[1]);
      for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm)) {
        const next = m[1] ? undefined : resolveImport(file, m[2]);
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return codes;
  }

  it("documents every code the v1 routes can answer with", () => {
    const documented = Object.keys(ERROR_CODES);
    for (const code of apiErrorCodes()) expect(documented, `${code} is in ERROR_CODES`).toContain(code);
  });

  it("has a message for every documented code in Indonesian and English", () => {
    for (const locale of ["id", "en"] as const) {
      const errors = MESSAGES[locale].errors as Record<string, string>;
      for (const code of Object.keys(ERROR_CODES)) expect(errors[code], `${locale} errors.${code}`).toBeTruthy();
    }
  });
});
