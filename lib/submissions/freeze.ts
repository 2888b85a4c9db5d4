import { z } from "zod";
import { igaSnapshots } from "@/db/schema/iga-snapshots";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { AppError, parseInput } from "@/lib/errors";
import { sha256Of } from "./canonical";
import { liveProblems } from "./preflight";
import { readLiveContent } from "./read-live";

const freezeSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Required when the pre-flight check finds problems: why it is sent anyway. */
  overrideReason: z
    .string()
    .trim()
    .max(2000, { error: "v.tooLong" })
    .nullish()
    .transform((v) => (v ? v : null)),
});

/** Freezing while the pre-flight check lists problems, without a reason to override it. */
export class PreflightFailedError extends AppError {
  constructor(problems: number) {
    super(409, "submission_preflight_failed", { problems });
  }
}

/**
 * Freezes a year's submission: reads the live data (in the transaction, so the snapshot is one
 * consistent moment), runs the pre-flight check on exactly that content, and stores content,
 * hash, score and the override reason in an insert-only row with its audit row.
 */
export async function freezeSubmission({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "iga.submission.freeze");
  const data = parseInput(freezeSchema, input);
  return ctx.db.transaction(async (tx) => {
    const content = await readLiveContent({ ...ctx, db: tx as unknown as Ctx["db"] }, data.year);
    const problems = await liveProblems(tx, content);
    if (problems.length > 0 && !data.overrideReason) throw new PreflightFailedError(problems.length);
    const sha256 = sha256Of(content);
    const [row] = await tx
      .insert(igaSnapshots)
      .values({
        regionCode: actor.regionCode,
        year: data.year,
        sha256,
        content: content as unknown as Record<string, unknown>,
        index: content.score.index,
        category: content.score.category,
        innovationCount: content.innovations.length,
        agencyIds: [...new Set(content.innovations.map((i) => i.agency.id))],
        problemCount: problems.length,
        overrideReason: problems.length > 0 ? data.overrideReason : null,
        createdBy: actor.kind === "user" || actor.kind === "token" ? actor.id : null,
        createdByName: actor.name,
      })
      .returning({ id: igaSnapshots.id, createdAt: igaSnapshots.createdAt });
    const problemCodes = [...new Set(problems.map((p) => p.code))];
    await writeAudit(
      tx,
      actor,
      {
        action: "iga.submission.freeze",
        entity: "iga_submission",
        entityId: row.id,
        after: {
          year: data.year,
          sha256,
          index: content.score.index,
          category: content.score.category,
          innovations: content.innovations.length,
          problems: problems.length,
          problemCodes,
          overrideReason: problems.length > 0 ? data.overrideReason : null,
        },
      },
      ctx.requestId,
    );
    return {
      id: row.id,
      sha256,
      index: content.score.index,
      category: content.score.category,
      createdAt: row.createdAt,
    };
  });
}
