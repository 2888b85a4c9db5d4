import { apiHandler } from "@/lib/http/api";
import { setFrameworkStatus } from "@/lib/iga/framework-admin";
import { getFramework } from "@/lib/iga/frameworks";
import { pathYear, readObject } from "../../../request";

/** Activates (`active`: assessable) or withdraws (`draft`) the year's rule set, given the `version` read. */
export const PUT = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  const year = pathYear(params);
  const body = await readObject(req);
  await setFrameworkStatus({ ctx, input: { ...body, year } as { year: number; status: "draft" | "active"; version: number } });
  return getFramework({ ctx, year });
});
