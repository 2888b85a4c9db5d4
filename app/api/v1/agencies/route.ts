import { listAgencies } from "@/lib/agencies/list-agencies";
import { apiHandler } from "@/lib/http/api";

export const GET = apiHandler(async ({ ctx }) => ({ items: await listAgencies({ ctx }) }));
