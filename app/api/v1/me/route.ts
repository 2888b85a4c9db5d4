import { UnauthenticatedError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api";

/** Who the caller is: handy to check a token. */
export const GET = apiHandler(async ({ ctx }) => {
  if (!ctx.actor) throw new UnauthenticatedError();
  const { id, email, name, role, agencyId, regionCode } = ctx.actor;
  return { id, email, name, role, agencyId, regionCode };
});
