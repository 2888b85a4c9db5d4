import path from "node:path";
import { defineConfig } from "vitest/config";

// The global setup runs in this process, before test.env applies: keep its logs quiet too.
process.env.LOG_LEVEL ??= "silent";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Route handlers are called directly in tests; the marker package only guards client bundles.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    env: { LOG_LEVEL: "silent" },
  },
});
