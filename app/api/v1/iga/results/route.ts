import { apiHandler } from "@/lib/http/api";
import { listIgaResults } from "@/lib/trends/iga-results";

/** The regency's published IGA results per year, each with its source. */
export const GET = apiHandler(async ({ ctx }) => ({ items: await listIgaResults({ ctx }) }));
