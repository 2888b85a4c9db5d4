import { apiHandler } from "@/lib/http/api";
import { cloneFramework } from "@/lib/iga/framework-admin";
import { getFramework, listFrameworks } from "@/lib/iga/frameworks";
import { readObject } from "../request";

export const GET = apiHandler(async ({ ctx }) => ({ items: await listFrameworks({ ctx }) }));

/** Copies a year's rule set into a new year, as a draft (`{ fromYear, toYear }`); answers the copy. */
export const POST = apiHandler(async ({ req, ctx }) => {
  const framework = await cloneFramework({ ctx, input: (await readObject(req)) as { fromYear: number; toYear: number } });
  return getFramework({ ctx, year: framework.year });
});
