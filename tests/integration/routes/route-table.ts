import fs from "node:fs";
import path from "node:path";

/*
 * The app's entry points as the file system defines them: every `app/**\/route.ts` with its
 * exported HTTP methods, and every `app/**\/page.tsx`. Tests compare these lists with their
 * hand-written tables, so a new route or page without a row fails.
 */

const APP = path.join(process.cwd(), "app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string, file: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, file) : e.name === file ? [full] : [];
  });
}

/** `app/(app)/innovations/[id]/route.ts` → `/innovations/{id}`: route groups dropped, segments as OpenAPI writes them. */
export function urlPath(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"));
  return "/" + segments.join("/");
}

/** The HTTP methods a route file exports (read from its source: importing Auth.js's route would start Auth.js). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s+const\s+\{([^}]*)\}/g))
    for (const name of m[1].split(",")) found.add(name.trim());
  return METHODS.filter((m) => found.has(m));
}

export interface RouteFile {
  key: string;
  method: string;
  path: string;
  file: string;
}

export function routeFiles(): RouteFile[] {
  return walk(APP, "route.ts").flatMap((file) =>
    exportedMethods(fs.readFileSync(file, "utf8")).map((method) => ({
      key: `${method} ${urlPath(file)}`,
      method,
      path: urlPath(file),
      file,
    })),
  );
}

export function pageFiles(): { path: string; file: string; source: string }[] {
  return walk(APP, "page.tsx").map((file) => ({ path: urlPath(file), file, source: fs.readFileSync(file, "utf8") }));
}
