import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readJsonObject } from "@/lib/http/request";
import { cloneFramework } from "@/lib/iga/framework-admin";
import { getFramework, listFrameworks } from "@/lib/iga/frameworks";

export const GET = apiHandler(async ({ ctx }) => ({ items: await listFrameworks({ ctx }) }));

/** Copies a year's rule set into a new year, as a draft (`{ fromYear, toYear }`); answers the copy. */
export const POST = apiHandler(async ({ req, ctx }) => {
  requirePermission(ctx, "iga.framework.manage");
  const framework = await cloneFramework({ ctx, input: await readJsonObject(req) });
  return getFramework({ ctx, year: framework.year });
});
