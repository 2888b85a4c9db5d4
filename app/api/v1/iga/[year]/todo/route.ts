import { apiHandler } from "@/lib/http/api";
import { queryParam } from "@/lib/http/request";
import { todoList } from "@/lib/iga/todo";
import { pathYear } from "../../request";

/** `?limit=` (1–500, default 25): the steps with the largest index gain first. */
export const GET = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  const limit = Number(queryParam(req, "limit") ?? 25);
  return todoList({ ctx, year: pathYear(params), limit: Number.isFinite(limit) ? Math.trunc(limit) : 25 });
});
