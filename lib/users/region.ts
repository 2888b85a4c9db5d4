import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { regions } from "@/db/schema/regions";
import type { Role } from "@/db/schema/users";
import { ValidationError } from "@/lib/errors";
import { rollUpRegion } from "@/lib/regions/reach";

/**
 * The region a new account is stored with: the creator's own for the region's roles; for a
 * province user a province of the reference data (by default the creator's), for a national user
 * "00". Anything else is refused on the field.
 */
export async function userRegionCode(
  db: Executor,
  creatorRegion: string,
  role: Role,
  asked: string | undefined,
): Promise<string> {
  const code = asked ?? rollUpRegion(role, creatorRegion);
  if (role === "national") {
    if (code !== "00") throw ValidationError.field("regionCode", "v.userRegion");
    return code;
  }
  if (role !== "province") {
    if (code !== creatorRegion) throw ValidationError.field("regionCode", "v.userRegion");
    return code;
  }
  const [province] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.code, code), eq(regions.level, "provinsi")))
    .limit(1);
  if (!province) throw ValidationError.field("regionCode", "v.userRegion");
  return code;
}
