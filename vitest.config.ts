import path from "node:path";
import { defineConfig } from "vitest/config";

// The global setup runs in this process, before test.env applies: keep its logs quiet too.
process.env.LOG_LEVEL ??= "silent";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { LOG_LEVEL: "silent" },
  },
});
