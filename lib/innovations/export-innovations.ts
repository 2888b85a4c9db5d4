import { count } from "drizzle-orm";
import { z } from "zod";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { listInnovationsInput } from "./list-innovations";
import { EXPORT_CAP, EXPORT_FORMATS } from "./list-params";
import { type InnovationListItem, listOrder, listWhere, selectRows } from "./list-query";

/** The export takes the list's filters and sort; it has no page, it holds the whole view. */
export const exportInnovationsInput = listInnovationsInput
  .omit({ limit: true, offset: true })
  .extend({ format: z.enum(EXPORT_FORMATS).default("csv") });
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
 * Checks the caller and the filters and counts the rows before anything is streamed, so those
 * errors can still be answered with a status code; then hands out the rows page by page. Each
 * page is its own query rather than one long transaction: an export to a slow client must not
 * hold the embedded database's only connection.
 */
export async function prepareInnovationExport({ ctx, input }: { ctx: Ctx; input: ExportInnovationsInput }): Promise<InnovationExport> {
  const actor = requirePermission(ctx, "innovation.read");
  const q = parseInput(exportInnovationsInput, input);
  const where = listWhere(actor.regionCode, q);
  const order = listOrder(q.sort, q.dir);
  const [{ total }] = await ctx.db.select({ total: count() }).from(innovations).where(where);

  async function* pages(): AsyncGenerator<InnovationListItem[]> {
    for (let offset = 0; offset < EXPORT_CAP; offset += EXPORT_PAGE_SIZE) {
      const limit = Math.min(EXPORT_PAGE_SIZE, EXPORT_CAP - offset);
      const rows = await selectRows(ctx.db, where, order, limit, offset);
      if (rows.length > 0) yield rows;
      if (rows.length < limit) return;
    }
  }
  return { format: q.format, total, truncated: total > EXPORT_CAP, pages: pages() };
}
