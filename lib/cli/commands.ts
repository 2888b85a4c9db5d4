import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import type { Actor, Ctx } from "@/lib/auth/context";
import { env } from "@/lib/config/env";
import { parseInput, ValidationError } from "@/lib/errors";
import { createToken } from "@/lib/tokens/create-token";
import { createUser } from "@/lib/users/create-user";

/** The operator at the command line: an administrator without an account, audited as "cli". */
export function cliActor(): Actor {
  return {
    id: "00000000-0000-0000-0000-000000000000",
    email: "cli",
    name: "Command line",
    role: "admin",
    agencyId: null,
    regionCode: env().REGION_CODE,
    kind: "cli",
  };
}

const userCreate = z.object({
  email: z.string(),
  name: z.string().optional(),
  role: z.string(),
  agency: z.string().optional(),
  password: z.string(),
});
const tokenCreate = z.object({ email: z.string(), name: z.string(), expiresInDays: z.number().nullish() });

async function agencyIdFor(db: Db, regionCode: string, ref: string | undefined): Promise<string | null> {
  if (!ref) return null;
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.regionCode, regionCode), or(eq(agencies.code, ref.toUpperCase()), eq(agencies.shortName, ref))))
    .limit(1);
  if (!row) throw new ValidationError([{ code: "custom", path: ["agencyId"], message: "v.agency", input: undefined }]);
  return row.id;
}

export const CLI_COMMANDS = {
  "user.create": async (ctx: Ctx, raw: unknown) => {
    const input = parseInput(userCreate, raw);
    const agencyId = await agencyIdFor(ctx.db, ctx.actor!.regionCode, input.agency);
    const user = await createUser({
      ctx,
      input: { email: input.email, name: input.name ?? input.email.split("@")[0], role: input.role as never, agencyId, password: input.password },
    });
    return { lines: [`Created user ${user.email} (${user.role})`] };
  },
  "token.create": async (ctx: Ctx, raw: unknown) => {
    const input = parseInput(tokenCreate, raw);
    const created = await createToken({ ctx, input });
    return { lines: [`Created token "${created.name}" for ${created.userEmail}. It is shown once; store it now:`, created.token] };
  },
} as const;

export type CliCommand = keyof typeof CLI_COMMANDS;

export function isCliCommand(name: unknown): name is CliCommand {
  return typeof name === "string" && Object.hasOwn(CLI_COMMANDS, name);
}
