import { NextResponse } from "next/server";
import { apiHandler, readJson } from "@/lib/http/api";
import { freezeSubmission } from "@/lib/submissions/freeze";
import { listSubmissions, summaryResponse } from "@/lib/submissions/queries";
import { pathYear } from "../../request";

export const GET = apiHandler<{ year: string }>(async ({ ctx, params }) => {
  const rows = await listSubmissions({ ctx, year: pathYear(params) });
  return { submissions: rows.map(summaryResponse) };
});

/** Freezes the year's submission: `{ "overrideReason": "…" }` is needed when the pre-flight check lists problems. */
export const POST = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  const year = pathYear(params);
  const body = req.headers.get("content-length") === "0" ? {} : await readJson(req);
  const created = await freezeSubmission({ ctx, input: { ...(body as object), year } });
  return NextResponse.json({ ...created, createdAt: created.createdAt.toISOString() }, { status: 201 });
});
