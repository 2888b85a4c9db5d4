import { z } from "zod";
import { igaSubmissionEvents, igaSubmissions } from "@/db/schema/iga-submissions";
import { writeAudit } from "@/lib/audit/write";
import { type Actor, type Ctx, requirePermission } from "@/lib/auth/context";
import { AppError, ConflictError, NotFoundError, parseInput } from "@/lib/errors";
import { findInnovation } from "@/lib/innovations/get-innovation";
import { loadFramework } from "./frameworks";
import { yearSchema } from "./schemas";
import { findSubmission, submissionProblems } from "./submission-read";
import { type ReadinessProblem, type SubmissionAction, TRANSITIONS } from "./submission-rules";

/**
 * Moves one innovation's submission for one year along the workflow. Agency staff (own agency) and
 * Bappeda mark it ready or take it back; Bappeda sends it; the evaluator verifies it or returns it
 * with a note per field. Each step: permission first, zod, the innovation's agency, one
 * transaction with the status row locked, a history row and the audit row.
 */

/** Not ready to send: the problems are in `details.problems` and on the innovation's submission panel. */
export class SubmissionNotReadyError extends AppError {
  constructor(problems: ReadinessProblem[]) {
    super(422, "iga_submission_not_ready", { count: problems.length });
    this.details = { problems };
  }
}

const optionalComment = z
  .string()
  .trim()
  .max(2000, { error: "v.tooLong" })
  .nullish()
  .transform((v) => (v ? v : null));

const baseSchema = z.object({
  year: yearSchema,
  innovationId: z.uuid({ error: "v.igaInnovation" }),
  /** The version the caller read; 0 while the innovation has no submission row (draft). */
  version: z.number({ error: "v.igaVersion" }).int({ error: "v.igaVersion" }).min(0, { error: "v.igaVersion" }),
  comment: optionalComment,
});

/** A returned submission says what to fix: profile field or indicator code → note. */
const returnSchema = baseSchema.extend({
  notes: z
    .record(
      z.string().trim().min(1).max(60),
      z.string().trim().min(1, { error: "v.igaReturnNote" }).max(2000, { error: "v.tooLong" }),
      { error: "v.igaReturnNotes" },
    )
    .refine((notes) => Object.keys(notes).length > 0, { error: "v.igaReturnNotes" }),
});

export type SubmissionChangeInput = z.input<typeof baseSchema>;
export type ReturnSubmissionInput = z.input<typeof returnSchema>;

async function transition(
  ctx: Ctx,
  action: SubmissionAction,
  data: z.output<typeof baseSchema> & { notes?: Record<string, string> },
) {
  const permission =
    action === "verify" || action === "return" ? "iga.review" : action === "submit" ? "iga.submit" : "iga.assess";
  const rule = TRANSITIONS[action];
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadFramework(tx, data.year);
    if (loaded.framework.status !== "active") throw new ConflictError("iga_framework_not_active", { year: data.year });
    const innovation = await findInnovation(tx, ctx.actor!.regionCode, data.innovationId, true);
    if (!innovation || innovation.archivedAt) throw new NotFoundError("innovation");
    const actor: Actor = requirePermission(ctx, permission, {
      agencyId: innovation.agencyId,
      regionCode: innovation.regionCode,
    });
    const before = await findSubmission(tx, innovation.regionCode, data.year, innovation.id, true);
    const from = before?.status ?? "draft";
    const version = before?.version ?? 0;
    if (version !== data.version) throw new ConflictError("iga_stale_submission", { version });
    if (!rule.from.includes(from)) throw new ConflictError("iga_submission_transition", { from, to: rule.to });
    if (action === "ready" || action === "submit") {
      const problems = await submissionProblems(tx, loaded, innovation);
      if (problems.length > 0) throw new SubmissionNotReadyError(problems);
    }
    // Notes stay while the staff still have to act on them (returned, or taken back to draft).
    const returnNotes = action === "return" ? data.notes! : action === "withdraw" ? (before?.returnNotes ?? {}) : {};
    const values = {
      status: rule.to,
      returnNotes,
      isSample: false,
      version: version + 1,
      updatedAt: new Date(),
      updatedBy: actor.id,
    };
    const [after] = await tx
      .insert(igaSubmissions)
      .values({ regionCode: innovation.regionCode, year: data.year, innovationId: innovation.id, ...values })
      .onConflictDoUpdate({
        target: [igaSubmissions.regionCode, igaSubmissions.year, igaSubmissions.innovationId],
        set: values,
      })
      .returning();
    await tx.insert(igaSubmissionEvents).values({
      regionCode: innovation.regionCode,
      year: data.year,
      innovationId: innovation.id,
      fromStatus: from,
      toStatus: rule.to,
      notes: action === "return" ? data.notes! : {},
      comment: data.comment,
      actorId: actor.id,
    });
    await writeAudit(
      tx,
      actor,
      {
        action: `iga.submission.${action}`,
        entity: "iga_submission",
        entityId: innovation.id,
        before: before ?? { status: "draft" },
        after,
      },
      ctx.requestId,
    );
    return after;
  });
}

/** draft → ready (siap kirim), refused with the list of problems when it is not. */
export async function markSubmissionReady({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "iga.assess");
  return transition(ctx, "ready", parseInput(baseSchema, input));
}

/** ready or returned → draft: the staff take it back to work on it. */
export async function withdrawSubmission({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "iga.assess");
  return transition(ctx, "withdraw", parseInput(baseSchema, input));
}

/** ready or returned → submitted (Bappeda sends it), checked again as at "ready". */
export async function submitInnovation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "iga.submit");
  return transition(ctx, "submit", parseInput(baseSchema, input));
}

/** submitted → verified (the evaluator). */
export async function verifySubmission({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "iga.review");
  return transition(ctx, "verify", parseInput(baseSchema, input));
}

/** submitted → returned (the evaluator), with at least one note saying what to fix. */
export async function returnSubmission({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "iga.review");
  return transition(ctx, "return", parseInput(returnSchema, input));
}
