import { asc, eq } from "drizzle-orm";
import { agencies } from "@/db/schema/agencies";
import { type Ctx, requirePermission } from "@/lib/auth/context";

export async function listAgencies({ ctx }: { ctx: Ctx }) {
  const actor = requirePermission(ctx, "agency.read");
  return ctx.db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(eq(agencies.regionCode, actor.regionCode))
    .orderBy(asc(agencies.name))
    .limit(500);
}
