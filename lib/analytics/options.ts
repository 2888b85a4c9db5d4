import { and, asc, eq, like } from "drizzle-orm";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { regions } from "@/db/schema/regions";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { affairName } from "@/lib/reference/affairs";

/** What the dashboard's filters offer: the region's agencies, affairs, innovations and kecamatan. */
export async function dashboardOptions({ ctx }: { ctx: Ctx }) {
  const actor = requirePermission(ctx, "impact.read");
  const region = actor.regionCode;
  const [agencyRows, innovationRows, kecamatan] = await Promise.all([
    ctx.db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(eq(agencies.regionCode, region))
      .orderBy(asc(agencies.name)),
    ctx.db
      .select({
        id: innovations.id,
        name: innovations.name,
        agencyId: innovations.agencyId,
        urusan: innovations.mainAffair,
      })
      .from(innovations)
      .where(eq(innovations.regionCode, region))
      .orderBy(asc(innovations.name)),
    ctx.db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(and(eq(regions.level, "kecamatan"), like(regions.code, `${region}.%`)))
      .orderBy(asc(regions.code)),
  ]);
  const urusans = [...new Set(innovationRows.map((i) => i.urusan).filter((u): u is string => !!u))]
    .map((code) => ({ code, name: affairName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, "id"));
  return { agencies: agencyRows, innovations: innovationRows, urusans, kecamatan };
}
