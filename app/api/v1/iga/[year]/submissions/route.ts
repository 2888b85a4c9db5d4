import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readJsonObject } from "@/lib/http/request";
import { freezeSubmission } from "@/lib/submissions/freeze";
import { listSubmissions, summaryResponse } from "@/lib/submissions/queries";
import { pathYear } from "../../request";

export const GET = apiHandler<{ year: string }>(async ({ ctx, params }) => {
  const rows = await listSubmissions({ ctx, year: pathYear(params) });
  return { submissions: rows.map(summaryResponse) };
});

/** Freezes the year's submission: `{ "overrideReason": "…" }` is needed when the pre-flight check lists problems. */
export const POST = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "iga.submission.freeze");
  const year = pathYear(params);
  const body = await readJsonObject(req, { emptyIsObject: true });
  const created = await freezeSubmission({ ctx, input: { ...body, year } });
  return NextResponse.json({ ...created, createdAt: created.createdAt.toISOString() }, { status: 201 });
});
