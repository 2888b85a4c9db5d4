#!/usr/bin/env node
// `npm start`: builds the app when there is no build yet, then serves it.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

const next = "node_modules/next/dist/bin/next";
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(`${distDir}/BUILD_ID`)) {
  console.log("No build found: running `next build` first (about a minute)…");
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// `next start` runs with NODE_ENV=production, where demo accounts are never seeded unless
// SEED_DEMO=1 (lib/config/env.ts). A newcomer's `npm start` on the embedded database still gets the
// demo; whoever sets NODE_ENV=production (a real deployment) or SEED_DEMO decides for themselves.
if (!process.env.NODE_ENV && process.env.SEED_DEMO === undefined && !process.env.DATABASE_URL) {
  process.env.SEED_DEMO = "1";
  console.log("Embedded demo: SEED_DEMO=1 (set NODE_ENV=production or SEED_DEMO=0 for a real deployment).");
}
const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [next, "start", "-p", port, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
