import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/*
 * The layer rules of eslint.config.mjs (eslint-layers.mjs), run by ESLint itself over small
 * sources placed where they would live: the build's lint fails on each breach, passes the allowed shape.
 */

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe("lint keeps the layers", () => {
  it("refuses drizzle-orm and db/schema in a route or page, and allows lib/", async () => {
    expect(
      await ruleIds('import { eq } from "drizzle-orm";\nexport const x = eq;\n', "app/api/v1/example/route.ts"),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds('import { sql } from "drizzle-orm/sql";\nexport const x = sql;\n', "app/(app)/example/page.tsx"),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds(
        'import { users } from "@/db/schema/users";\nexport const x = users;\n',
        "app/api/v1/example/route.ts",
      ),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds(
        'import { listUsers } from "@/lib/users/list-users";\nexport const x = listUsers;\n',
        "app/api/v1/example/route.ts",
      ),
    ).toEqual([]);
  });

  it("refuses db/ in a client component, but not in a server component outside app/", async () => {
    const code = (directive: string) =>
      `${directive}import { ROLES } from "@/db/schema/users";\nexport const x = ROLES;\n`;
    expect(await ruleIds(code('"use client";\n\n'), "components/example/picker.tsx")).toContain(
      "layers/no-db-in-client",
    );
    expect(
      await ruleIds(
        '"use client";\n\nimport type { Db } from "@/db/client";\nexport type X = Db;\n',
        "components/example/picker.tsx",
      ),
    ).toContain("layers/no-db-in-client");
    expect(await ruleIds(code(""), "lib/example/roles.ts")).toEqual([]);
  });

  it("refuses lib/ and seed/ in db/", async () => {
    expect(
      await ruleIds('import { logger } from "@/lib/log";\nexport const x = logger;\n', "db/schema/example.ts"),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds('import { seedDemo } from "@/seed/demo";\nexport const x = seedDemo;\n', "db/example.ts"),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds('import { agencies } from "./agencies";\nexport const x = agencies;\n', "db/schema/example.ts"),
    ).toEqual([]);
  });
});
