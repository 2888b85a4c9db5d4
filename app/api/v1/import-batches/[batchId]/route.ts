import { NextResponse } from "next/server";
import { getBatch } from "@/lib/beneficiaries/batches";
import { runningJobFor } from "@/lib/beneficiaries/batches-jobs";
import { apiHandler } from "@/lib/http/api";
import type { ContextResolver } from "@/lib/http/api-context";

const fromDatabase = apiHandler<{ batchId: string }>(async ({ ctx, params }) =>
  getBatch({ ctx, input: { batchId: params.batchId } }),
);

/**
 * One batch: status, progress while it runs, and its report. While the caller's own upload runs
 * in this process, its progress is answered from memory (the signed session is enough to know the
 * caller), so polling works even while an embedded database is busy with the import. A caller
 * resolved otherwise (a token, a test's resolver) reads the database.
 */
export async function GET(req: Request, route: { params: Promise<{ batchId: string }> }, resolve?: ContextResolver) {
  if (!resolve && !req.headers.get("authorization")) {
    const { batchId } = await route.params;
    const { auth } = await import("@/lib/auth/auth");
    const session = await auth();
    const running = session?.user?.id ? runningJobFor(batchId, session.user.id) : null;
    if (running) return NextResponse.json(running, { headers: { "cache-control": "no-store" } });
  }
  return fromDatabase(req, route, resolve);
}
