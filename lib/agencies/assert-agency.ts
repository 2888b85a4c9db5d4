import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { ValidationError } from "@/lib/errors";

/** An agency id from a form or API must name an agency of the caller's own region. */
export async function assertAgencyInRegion(db: Executor, agencyId: string, regionCode: string) {
  const [agency] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.regionCode, regionCode)))
    .limit(1);
  if (!agency) throw ValidationError.field("agencyId", "v.agency");
}
