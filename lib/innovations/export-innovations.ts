import { count } from "drizzle-orm";
import { z } from "zod";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { listInnovationsInput } from "./list-innovations";
import { EXPORT_CAP, EXPORT_FORMATS } from "./list-params";
import { type InnovationListItem, listWhere, orderedIds, selectRowsByIds } from "./list-query";

/** The export takes the list's filters and sort; it has no page, it holds the whole view. */
export const exportInnovationsInput = listInnovationsInput
  .omit({ limit: true, offset: true })
  .extend({ format: z.enum(EXPORT_FORMATS, { error: "v.exportFormat" }).default("csv") });
export type ExportInnovationsInput = z.input<typeof exportInnovationsInput>;

/** Rows fetched per query: big enough to be quick, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 1_000;

export interface InnovationExport {
  format: (typeof EXPORT_FORMATS)[number];
  /** Rows matching the filters; more than `EXPORT_CAP` means the file holds only the first ones. */
  total: number;
  truncated: boolean;
  pages: AsyncGenerator<InnovationListItem[]>;
}

/**
 * Checks the caller and the filters and reads the view's ids in order before anything is
 * streamed, so those errors still get a status code. The rows are then fetched a page of ids at
 * a time: one sort for the whole export instead of one per page, and no long transaction (an
 * export to a slow client must not hold the embedded database's only connection). A row
 * changed meanwhile is exported as it is now; one deleted meanwhile is left out.
 */
export async function prepareInnovationExport({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<InnovationExport> {
  const actor = requirePermission(ctx, "innovation.read");
  const q = parseInput(exportInnovationsInput, input);
  const where = listWhere(actor.regionCode, q);
  const ids = await orderedIds(ctx.db, where, q.sort, q.dir).limit(EXPORT_CAP);
  // Below the cap the ids are the whole view; only a view cut at the cap needs counting.
  const total =
    ids.length < EXPORT_CAP
      ? ids.length
      : (await ctx.db.select({ total: count() }).from(innovations).where(where))[0].total;

  async function* pages(): AsyncGenerator<InnovationListItem[]> {
    for (let start = 0; start < ids.length; start += EXPORT_PAGE_SIZE) {
      const chunk = ids.slice(start, start + EXPORT_PAGE_SIZE).map((r) => r.id);
      yield await selectRowsByIds(ctx.db, chunk);
    }
  }
  return { format: q.format, total, truncated: total > EXPORT_CAP, pages: pages() };
}
