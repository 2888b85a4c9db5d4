import type { Ctx } from "@/lib/auth/context";
import { compareSnapshots } from "./compare";
import { getSubmission } from "./queries";

/** Compares snapshot `id` (before) with `other` (after), both of the caller's region and year. */
export async function compareSubmissions({
  ctx,
  year,
  id,
  other,
}: {
  ctx: Ctx;
  year: number;
  id: string;
  other: string;
}) {
  const before = await getSubmission({ ctx, year, id });
  const after = await getSubmission({ ctx, year, id: other });
  return { from: before.id, to: after.id, ...compareSnapshots(before.content, after.content) };
}
