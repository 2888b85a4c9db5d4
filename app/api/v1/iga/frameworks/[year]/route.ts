import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readJsonObject } from "@/lib/http/request";
import { updateFramework } from "@/lib/iga/framework-admin";
import { getFramework } from "@/lib/iga/frameworks";
import { pathYear } from "../../request";

export const GET = apiHandler<{ year: string }>(async ({ ctx, params }) => {
  requirePermission(ctx, "iga.read");
  return getFramework({ ctx, year: pathYear(params) });
});

/** Replaces the year's rule set (indicators matched by code) given the `version` read; answers it. */
export const PUT = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "iga.framework.manage");
  const year = pathYear(params);
  await updateFramework({ ctx, input: { ...(await readJsonObject(req)), year } });
  return getFramework({ ctx, year });
});
