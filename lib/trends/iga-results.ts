import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { igaResults } from "@/db/schema/iga-results";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { ConflictError, NotFoundError, parseInput } from "@/lib/errors";

/*
 * The regency's published IGA results, year by year, each with its source. Admin and Bappeda
 * correct or complete them (one audited transaction, optimistic concurrency like innovations);
 * everyone signed in reads them. Unknown values stay null: never a guessed index.
 */

export interface IgaResult {
  year: number;
  nationalRank: number | null;
  provinceRank: number | null;
  index: number | null;
  category: string | null;
  innovationsReported: number | null;
  award: string | null;
  source: string | null;
  version: number;
}

const rank = z.int("v.igaRank").min(1, "v.igaRank").max(1000, "v.igaRank").nullable();
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "v.igaText")
    .nullable()
    .transform((v) => (v ? v : null));

export const igaResultInput = z.object({
  /** The version read; 0 when the year has no row yet. */
  version: z.int("v.igaVersion").min(0, "v.igaVersion"),
  nationalRank: rank.default(null),
  provinceRank: rank.default(null),
  index: z.number("v.igaIndex").min(0, "v.igaIndex").max(100, "v.igaIndex").nullable().default(null),
  category: text(100).default(null),
  innovationsReported: z.int("v.igaCount").min(0, "v.igaCount").max(100000, "v.igaCount").nullable().default(null),
  award: text(300).default(null),
  source: text(500).default(null),
});

const yearSchema = z.coerce.number().int().min(2010).max(2100);

const columns = {
  year: igaResults.year,
  nationalRank: igaResults.nationalRank,
  provinceRank: igaResults.provinceRank,
  index: igaResults.index,
  category: igaResults.category,
  innovationsReported: igaResults.innovationsReported,
  award: igaResults.award,
  source: igaResults.source,
  version: igaResults.version,
};

export async function listIgaResults({ ctx }: { ctx: Ctx }): Promise<IgaResult[]> {
  const actor = requirePermission(ctx, "iga.read");
  const rows = await ctx.db
    .select(columns)
    .from(igaResults)
    .where(eq(igaResults.regionCode, actor.regionCode))
    .orderBy(asc(igaResults.year));
  return rows.map((r) => ({ ...r, index: r.index === null ? null : Number(r.index) }));
}

/** Writes one year's result (creating the row at version 0); 409 iga_result_stale when someone saved in between. */
export async function saveIgaResult({
  ctx,
  year,
  input,
}: {
  ctx: Ctx;
  year: unknown;
  input: unknown;
}): Promise<IgaResult> {
  const actor = requirePermission(ctx, "iga.results.write");
  const y = yearSchema.safeParse(year);
  if (!y.success) throw new NotFoundError("iga_result");
  const data = parseInput(igaResultInput, input);
  const { version, ...values } = data;
  return ctx.db.transaction(async (tx) => {
    const where = and(eq(igaResults.regionCode, actor.regionCode), eq(igaResults.year, y.data));
    const [before] = await tx.select(columns).from(igaResults).where(where).for("update");
    if ((before?.version ?? 0) !== version)
      throw new ConflictError("iga_result_stale", { version: before?.version ?? 0 });
    const updatedBy = actor.kind === "user" || actor.kind === "token" ? actor.id : null;
    const [after] = before
      ? await tx
          .update(igaResults)
          .set({ ...values, version: before.version + 1, updatedAt: new Date(), updatedBy })
          .where(where)
          .returning(columns)
      : await tx
          .insert(igaResults)
          .values({ ...values, regionCode: actor.regionCode, year: y.data, updatedBy })
          .returning(columns);
    const result = { ...after, index: after.index === null ? null : Number(after.index) };
    await writeAudit(
      tx,
      actor,
      {
        action: "iga.result.save",
        entity: "iga_result",
        entityId: String(y.data),
        before: before ?? null,
        after: result,
      },
      ctx.requestId,
    );
    return result;
  });
}
