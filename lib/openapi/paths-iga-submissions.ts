import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject, ZodOpenApiOperationObject } from "zod-openapi";
import { errors, json, ok } from "./common";
import { addedEvidence, op as igaOp } from "./paths-iga";

/* Paths of an innovation's IGA submission per year; merged into the document by ./document.ts. */

const uuid = z.uuid();
const status = z.enum(["draft", "ready", "submitted", "verified", "returned"]).meta({ id: "IgaSubmissionStatus" });
const path = z.object({
  year: z.int().min(2000).max(2100).meta({ description: "The framework year, e.g. 2026" }),
  innovationId: uuid.meta({ description: "The innovation; anything that is not a UUID answers 404" }),
});
const notes = z
  .record(z.string(), z.string())
  .meta({ description: "Profile field (e.g. `design`) or indicator code (e.g. `INV-20`) → what to fix" });

const submission = z
  .object({
    regionCode: z.string(),
    year: z.int(),
    innovationId: uuid,
    status,
    returnNotes: notes,
    isSample: z.boolean(),
    version: z
      .int()
      .meta({ description: "Send it back with the next step; another step since answers 409 `iga_stale_submission`" }),
    updatedAt: z.iso.datetime({ offset: true }),
    updatedBy: uuid.nullable(),
  })
  .meta({ id: "IgaSubmission" });

const problem = z
  .object({ kind: z.enum(["profile", "no_levels", "evidence", "mandatory", "not_eligible", "too_many_years"]) })
  .catchall(z.unknown())
  .meta({
    id: "IgaSubmissionProblem",
    description:
      "`profile` names a `field`; `evidence`/`mandatory` a `code`; `not_eligible` the window `from`–`to`; `too_many_years` the `years` and `max`",
  });

const view = z
  .object({
    year: z.int(),
    innovationId: uuid,
    status,
    version: z.int().meta({ description: "0 while it has no submission row (draft)" }),
    returnNotes: notes,
    problems: z.array(problem).meta({ description: "What keeps it from being sent (empty when it could be)" }),
    actions: z
      .array(z.enum(["ready", "withdraw", "submit", "verify", "return"]))
      .meta({ description: "The steps the caller may take now" }),
    history: z.array(
      z.object({
        fromStatus: status,
        toStatus: status,
        notes,
        comment: z.string().nullable(),
        actorName: z.string().nullable(),
        at: z.iso.datetime({ offset: true }),
      }),
    ),
  })
  .meta({ id: "IgaSubmissionView" });

const stepBody = z
  .object({
    version: z.int().min(0).meta({ description: "The version read (0 for a draft without a row)" }),
    comment: z.string().max(2000).nullish(),
    notes: notes.optional().meta({ description: "Required (at least one) for `return`" }),
  })
  .meta({ id: "IgaSubmissionStep" });

function op(
  operationId: string,
  summary: string,
  rest: Omit<ZodOpenApiOperationObject, "operationId">,
): ZodOpenApiOperationObject {
  return { operationId, tags: ["iga"], summary, ...rest };
}

export const igaSubmissionPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/iga/{year}/innovations/{innovationId}/submission": {
    get: op(
      "getInnovationSubmission",
      "An innovation's submission for the year: status, what blocks it, the steps open to the caller, history",
      {
        requestParams: { path },
        responses: { 200: ok("The submission", view), ...errors(401, 403, 404) },
      },
    ),
  },
  "/api/v1/iga/{year}/innovations/{innovationId}/submission/{action}": {
    post: op(
      "stepIgaSubmission",
      "One step: `ready` (draft → ready; agency staff of its agency, Bappeda), `withdraw` (ready/returned → draft), `submit` (ready/returned → submitted; Bappeda), `verify` or `return` (submitted → verified/returned; evaluators)",
      {
        requestParams: {
          path: path.extend({
            action: z
              .enum(["ready", "withdraw", "submit", "verify", "return"])
              .meta({ description: "The step; any other answers 404" }),
          }),
        },
        requestBody: { required: true, content: json(stepBody) },
        responses: {
          200: ok("The submission after the step", submission),
          ...errors(401, 403, 404, 409, 422),
        },
        description:
          "`ready` and `submit` answer 422 `iga_submission_not_ready` with `details.problems` when the profile, levels, evidence or the year's eligibility rules are not met; a step the status does not allow is 409 `iga_submission_transition`.",
      },
    ),
  },
  "/api/v1/iga/{year}/innovations/{innovationId}/beneficiary-list": {
    post: igaOp(
      "attachIgaBeneficiaryList",
      "Attach the register's beneficiary list of the innovation in that year as evidence of the indicator scored from it",
      {
        requestParams: { path },
        description:
          "No body. A PDF made from the beneficiary register: masked NIKs only (area and serial; the digits of sex and birth date hidden), desa, first and last service date and number of services, never a name; at most 2,000 residents listed, all counted. Admin and Bappeda only (it reads personal data); audited as `iga.evidence.beneficiary_list`. 422 `no_benefit_indicator` or `no_beneficiaries` when there is nothing to list.",
        responses: { 201: ok("The stored evidence", addedEvidence), ...errors(401, 403, 404, 409, 422) },
      },
    ),
  },
};
