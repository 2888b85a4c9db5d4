import { listAgencies } from "@/lib/agencies/list-agencies";
import type { Ctx } from "@/lib/auth/context";
import { AGENCY_SCOPED_ROLES } from "@/lib/auth/permissions";

/** The agencies a user may file an innovation under: agency staff only their own. */
export async function agencyOptionsFor(ctx: Ctx) {
  const all = await listAgencies({ ctx });
  const actor = ctx.actor!;
  const scoped = AGENCY_SCOPED_ROLES.includes(actor.role) ? all.filter((a) => a.id === actor.agencyId) : all;
  return scoped.map((a) => ({ id: a.id, shortName: a.shortName }));
}
