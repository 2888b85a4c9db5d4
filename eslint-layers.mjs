/*
 * The layers of the app, kept by lint (README, Architecture):
 *   app/** never imports drizzle-orm or db/schema (a route reads and writes through lib/);
 *   a client component ("use client") never imports db/** (it would pull the database code into the browser bundle);
 *   db/** imports nothing from lib/** or seed/** (the schema sits below the domain).
 * tests/unit/lint-layers.test.ts proves each rule on a fixture.
 */

const dbPath = /^(@\/db(\/|$)|(\.\.\/)+db(\/|$))/;

/** A rule of our own: `no-restricted-imports` cannot tell a client component from a server one. */
const noDbInClient = {
  meta: {
    type: "problem",
    messages: {
      db: "A client component must not import {{source}}: pass the data down from a server component or import it from lib/.",
    },
  },
  create(context) {
    let client = false;
    const check = (node) => {
      const source = node.source?.value;
      if (client && typeof source === "string" && dbPath.test(source))
        context.report({ node, messageId: "db", data: { source } });
    };
    return {
      Program(program) {
        client = program.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export const layers = [
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*"],
              message: "app/ reaches the database only through a lib/ use case.",
            },
            {
              group: ["@/db/schema", "@/db/schema/*"],
              message: "app/ does not import tables: call a lib/ use case (lib re-exports the lists a page needs).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { layers: { rules: { "no-db-in-client": noDbInClient } } },
    rules: { "layers/no-db-in-client": "error" },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib", "@/lib/*", "**/lib/*"],
              message: "db/ sits below lib/: move the code that needs lib/ up (seed/, lib/db-bootstrap.ts).",
            },
            { group: ["@/seed", "@/seed/*", "**/seed/*"], message: "db/ sits below seed/." },
          ],
        },
      ],
    },
  },
];
