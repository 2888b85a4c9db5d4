import { apiHandler } from "@/lib/http/api";
import { NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/context";
import { markSubmissionReady, returnSubmission, submitInnovation, verifySubmission, withdrawSubmission } from "@/lib/iga/submission-change";
import { readJsonObject } from "@/lib/http/request";
import { pathInnovationId, pathYear } from "../../../../../request";

const USE_CASES: Record<string, (args: { ctx: Ctx; input: unknown }) => Promise<unknown>> = {
  ready: markSubmissionReady,
  withdraw: withdrawSubmission,
  submit: submitInnovation,
  verify: verifySubmission,
  return: returnSubmission,
};

/** One step of the workflow: body `{ version, comment?, notes? }` (notes: field → what to fix, for return). */
export const POST = apiHandler<{ year: string; innovationId: string; action: string }>(async ({ req, ctx, params }) => {
  const useCase = Object.hasOwn(USE_CASES, params.action) ? USE_CASES[params.action] : undefined;
  if (!useCase) throw new NotFoundError("action");
  const year = pathYear(params);
  const innovationId = pathInnovationId(params);
  return useCase({ ctx, input: { ...(await readJsonObject(req)), year, innovationId } });
});
