import { apiHandler } from "@/lib/http/api";
import { listFrameworks } from "@/lib/iga/frameworks";

export const GET = apiHandler(async ({ ctx }) => ({ items: await listFrameworks({ ctx }) }));
