import { apiHandler } from "@/lib/http/api";
import { updateFramework } from "@/lib/iga/framework-admin";
import { getFramework } from "@/lib/iga/frameworks";
import { pathYear, readObject } from "../../request";

export const GET = apiHandler<{ year: string }>(async ({ ctx, params }) => getFramework({ ctx, year: pathYear(params) }));

/** Replaces the year's rule set (indicators matched by code) given the `version` read; answers it. */
export const PUT = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  const year = pathYear(params);
  await updateFramework({ ctx, input: { ...(await readObject(req)), year } });
  return getFramework({ ctx, year });
});
