import { eq } from "drizzle-orm";
import { z } from "zod";
import { addRegionPartitions } from "@/db/partitioning";
import { regions } from "@/db/schema/regions";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput, ValidationError } from "@/lib/errors";

const addRegionInput = z.object({ code: z.string().regex(/^\d{2}\.\d{2}$/) });

/**
 * Adds a kabupaten/kota to the deployment: under DB_PARTITIONING=region its partition in every big
 * table (rows already written for it move there from the default partition); with plain tables
 * there is nothing to create and only the audit row is written. `npm run cli -- region add 18.12`.
 */
export async function addRegion({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "region.manage");
  const { code } = parseInput(addRegionInput, input);
  return ctx.db.transaction(async (tx) => {
    const [region] = await tx.select().from(regions).where(eq(regions.code, code)).limit(1);
    if (!region || region.level !== "kabupaten_kota") throw ValidationError.field("code", "v.igaPeerRegion");
    const partitions = await addRegionPartitions(tx, code);
    await writeAudit(
      tx,
      actor,
      { action: "region.add", entity: "region", entityId: code, after: { name: region.name, partitions } },
      ctx.requestId,
    );
    return { code, name: region.name, partitions };
  });
}
