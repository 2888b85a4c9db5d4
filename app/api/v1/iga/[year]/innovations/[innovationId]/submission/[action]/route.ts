import { apiHandler } from "@/lib/http/api";
import { NotFoundError } from "@/lib/errors";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";
import {
  markSubmissionReady,
  returnSubmission,
  submitInnovation,
  verifySubmission,
  withdrawSubmission,
} from "@/lib/iga/submission-change";
import { readJsonObject } from "@/lib/http/request";
import { pathInnovationId, pathYear } from "../../../../../request";

type UseCase = (args: { ctx: Ctx; input: unknown }) => Promise<unknown>;

/** Each step with the permission it needs, checked here before the body is read (the use case checks it again). */
const STEPS: Record<string, { useCase: UseCase; permission: Permission }> = {
  ready: { useCase: markSubmissionReady, permission: "iga.assess" },
  withdraw: { useCase: withdrawSubmission, permission: "iga.assess" },
  submit: { useCase: submitInnovation, permission: "iga.submit" },
  verify: { useCase: verifySubmission, permission: "iga.review" },
  return: { useCase: returnSubmission, permission: "iga.review" },
};

/** One step of the workflow: body `{ version, comment?, notes? }` (notes: field → what to fix, for return). */
export const POST = apiHandler<{ year: string; innovationId: string; action: string }>(async ({ req, ctx, params }) => {
  const step = Object.hasOwn(STEPS, params.action) ? STEPS[params.action] : undefined;
  if (!step) throw new NotFoundError("action");
  requirePermission(ctx, step.permission);
  const year = pathYear(params);
  const innovationId = pathInnovationId(params);
  return step.useCase({ ctx, input: { ...(await readJsonObject(req)), year, innovationId } });
});
