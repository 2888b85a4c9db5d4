import { eq } from "drizzle-orm";
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { placeRegion, regionServer } from "@/db/foreign-partitions";
import { addRegionPartitions, isPartitioned } from "@/db/partitioning";
import { regions } from "@/db/schema/regions";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput, ValidationError } from "@/lib/errors";

const addRegionInput = z.object({
  code: z.string().regex(/^\d{2}\.\d{2}$/),
  /** postgres://… of the region's own server: its residents and records live there (foreign partitions). */
  server: z
    .string()
    .regex(/^postgres(ql)?:\/\/[^/]+\/[^/?]+$/, "v.regionServer")
    .optional(),
});

/**
 * Adds a kabupaten/kota to the deployment: under DB_PARTITIONING=region its partition in every big
 * table (rows already written for it move there from the default partition); with plain tables
 * there is nothing to create and only the audit row is written. `npm run cli -- region add 18.12`.
 * With `server` (`--server postgres://…`) the region's residents and service records go to that
 * server instead, as foreign partitions (db/foreign-partitions.ts; partitioned tables only).
 */
export async function addRegion({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "region.manage");
  const { code, server } = parseInput(addRegionInput, input);
  const remote = server ? await openDatabase({ url: server, maxConnections: 1 }) : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [region] = await tx.select().from(regions).where(eq(regions.code, code)).limit(1);
      if (!region || region.level !== "kabupaten_kota") throw ValidationError.field("code", "v.igaPeerRegion");
      if (remote && !(await isPartitioned(tx, "residents"))) throw ValidationError.field("server", "v.regionServer");
      const placed = remote ? await placeRegion(tx, remote.db, code, regionServer(server!)) : null;
      const partitions = await addRegionPartitions(tx, code);
      // The server's address without its credentials.
      const where = server
        ? `${regionServer(server).host}:${regionServer(server).port}/${regionServer(server).dbname}`
        : null;
      await writeAudit(
        tx,
        actor,
        {
          action: "region.add",
          entity: "region",
          entityId: code,
          after: { name: region.name, partitions, ...(placed ? { server: where, foreign: placed.tables } : {}) },
        },
        ctx.requestId,
      );
      return { code, name: region.name, partitions, foreign: placed?.tables ?? [] };
    });
  } finally {
    await remote?.close();
  }
}
