import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readJsonObject } from "@/lib/http/request";
import { setFrameworkStatus } from "@/lib/iga/framework-admin";
import { getFramework } from "@/lib/iga/frameworks";
import { pathYear } from "../../../request";

/** Activates (`active`: assessable) or withdraws (`draft`) the year's rule set, given the `version` read. */
export const PUT = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "iga.framework.manage");
  const year = pathYear(params);
  await setFrameworkStatus({ ctx, input: { ...(await readJsonObject(req)), year } });
  return getFramework({ ctx, year });
});
