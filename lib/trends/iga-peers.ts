import { and, asc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { igaPeerResults } from "@/db/schema/iga-peer-results";
import { regions } from "@/db/schema/regions";
import { writeAudit } from "@/lib/audit/write";
import { type Actor, type Ctx, requirePermission } from "@/lib/auth/context";
import { ConflictError, isUniqueViolation, NotFoundError, parseInput, ValidationError } from "@/lib/errors";

/*
 * Other kabupaten/kota a regency compares its IGA rank with. Admin and Bappeda add, correct and
 * remove a peer's yearly ranks (each with a source, one audited transaction, optimistic
 * concurrency); everyone signed in reads them. Rows belong to the caller's region.
 */

export type IgaPeerResult = {
  peerCode: string;
  peerName: string;
  provinceName: string | null;
  year: number;
  nationalRank: number | null;
  provinceRank: number | null;
  source: string;
  version: number;
};

const rank = z.int("v.igaRank").min(1, "v.igaRank").max(1000, "v.igaRank").nullable().default(null);
const peerCode = z
  .string("v.igaPeerRegion")
  .trim()
  .regex(/^\d{2}\.\d{2}$/, "v.igaPeerRegion");
const year = z.coerce
  .number("v.igaPeerYear")
  .int("v.igaPeerYear")
  .min(2010, "v.igaPeerYear")
  .max(2100, "v.igaPeerYear");
const version = z.int("v.igaVersion").min(1, "v.igaVersion");

const ranks = {
  nationalRank: rank,
  provinceRank: rank,
  source: z.string("v.igaPeerSource").trim().min(1, "v.igaPeerSource").max(500, "v.igaText"),
};
const needsRank = (v: { nationalRank: number | null; provinceRank: number | null }) =>
  v.nationalRank !== null || v.provinceRank !== null;
const rankIssue = { message: "v.igaPeerRank", path: ["nationalRank"] };

export const addIgaPeerInput = z.object({ peerCode, year, ...ranks }).refine(needsRank, rankIssue);
export const updateIgaPeerInput = z.object({ version, ...ranks }).refine(needsRank, rankIssue);
export const peerKeyInput = z.object({ peerCode, year });
const removeInput = peerKeyInput.extend({
  version: z.coerce.number("v.igaVersion").int("v.igaVersion").min(1, "v.igaVersion"),
});

const province = alias(regions, "province");
const columns = {
  peerCode: igaPeerResults.peerCode,
  peerName: regions.name,
  provinceName: province.name,
  year: igaPeerResults.year,
  nationalRank: igaPeerResults.nationalRank,
  provinceRank: igaPeerResults.provinceRank,
  source: igaPeerResults.source,
  version: igaPeerResults.version,
};

function selectPeers(db: Executor) {
  return db
    .select(columns)
    .from(igaPeerResults)
    .innerJoin(regions, eq(regions.code, igaPeerResults.peerCode))
    .leftJoin(province, eq(province.code, regions.parentCode));
}

const keyOf = (actor: Actor, code: string, y: number) =>
  and(eq(igaPeerResults.regionCode, actor.regionCode), eq(igaPeerResults.peerCode, code), eq(igaPeerResults.year, y));

/** The caller's region's comparison results, by peer name then year. */
export async function listIgaPeerResults({ ctx }: { ctx: Ctx }): Promise<IgaPeerResult[]> {
  const actor = requirePermission(ctx, "iga.read");
  return selectPeers(ctx.db)
    .where(eq(igaPeerResults.regionCode, actor.regionCode))
    .orderBy(asc(regions.name), asc(igaPeerResults.peerCode), asc(igaPeerResults.year));
}

/** Every kabupaten/kota but the caller's own, for the peer picker (about 500 short rows). */
export async function peerRegionOptions({
  ctx,
}: {
  ctx: Ctx;
}): Promise<{ code: string; name: string; provinceName: string | null }[]> {
  const actor = requirePermission(ctx, "iga.read");
  return ctx.db
    .select({ code: regions.code, name: regions.name, provinceName: province.name })
    .from(regions)
    .leftJoin(province, eq(province.code, regions.parentCode))
    .where(and(eq(regions.level, "kabupaten_kota"), ne(regions.code, actor.regionCode)))
    .orderBy(asc(regions.name), asc(regions.code));
}

/** A peer must be a kabupaten/kota of the national area codes, and not the region itself. */
async function checkPeer(db: Executor, actor: Actor, code: string) {
  const [found] = await db.select({ level: regions.level }).from(regions).where(eq(regions.code, code)).limit(1);
  if (!found || found.level !== "kabupaten_kota") throw ValidationError.field("peerCode", "v.igaPeerRegion");
  if (code === actor.regionCode) throw ValidationError.field("peerCode", "v.igaPeerSelf");
}

async function readOne(db: Executor, actor: Actor, code: string, y: number): Promise<IgaPeerResult> {
  const [row] = await selectPeers(db).where(keyOf(actor, code, y));
  return row;
}

const updatedByOf = (actor: Actor) => (actor.kind === "user" || actor.kind === "token" ? actor.id : null);

/** Adds one peer's result for a year; 409 iga_peer_exists when that year is already there. */
export async function addIgaPeerResult({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<IgaPeerResult> {
  const actor = requirePermission(ctx, "iga.results.write");
  const data = parseInput(addIgaPeerInput, input);
  await checkPeer(ctx.db, actor, data.peerCode);
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx.insert(igaPeerResults).values({ ...data, regionCode: actor.regionCode, updatedBy: updatedByOf(actor) });
      const after = await readOne(tx, actor, data.peerCode, data.year);
      await writeAudit(
        tx,
        actor,
        { action: "iga.peer.add", entity: "iga_peer_result", entityId: `${data.peerCode}/${data.year}`, after },
        ctx.requestId,
      );
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("iga_peer_exists", { year: data.year });
    throw error;
  }
}

/** Corrects one peer's result with the version read; 404 when it is not the caller's, 409 when stale. */
export async function updateIgaPeerResult({
  ctx,
  key,
  input,
}: {
  ctx: Ctx;
  key: unknown;
  input: unknown;
}): Promise<IgaPeerResult> {
  const actor = requirePermission(ctx, "iga.results.write");
  const k = peerKeyInput.safeParse(key);
  if (!k.success) throw new NotFoundError("iga_peer_result");
  const { version: read, ...values } = parseInput(updateIgaPeerInput, input);
  return ctx.db.transaction(async (tx) => {
    const before = await lockedRow(tx, actor, k.data.peerCode, k.data.year);
    if (before.version !== read) throw new ConflictError("iga_peer_stale", { version: before.version });
    await tx
      .update(igaPeerResults)
      .set({ ...values, version: before.version + 1, updatedAt: new Date(), updatedBy: updatedByOf(actor) })
      .where(keyOf(actor, k.data.peerCode, k.data.year));
    const after = await readOne(tx, actor, k.data.peerCode, k.data.year);
    await writeAudit(
      tx,
      actor,
      {
        action: "iga.peer.update",
        entity: "iga_peer_result",
        entityId: `${k.data.peerCode}/${k.data.year}`,
        before,
        after,
      },
      ctx.requestId,
    );
    return after;
  });
}

/** Removes one peer's result for a year, naming the version read. */
export async function removeIgaPeerResult({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ removed: true }> {
  const actor = requirePermission(ctx, "iga.results.write");
  const k = peerKeyInput.safeParse(input);
  if (!k.success) throw new NotFoundError("iga_peer_result");
  const { version: read } = parseInput(removeInput, input);
  return ctx.db.transaction(async (tx) => {
    const before = await lockedRow(tx, actor, k.data.peerCode, k.data.year);
    if (before.version !== read) throw new ConflictError("iga_peer_stale", { version: before.version });
    await tx.delete(igaPeerResults).where(keyOf(actor, k.data.peerCode, k.data.year));
    await writeAudit(
      tx,
      actor,
      {
        action: "iga.peer.remove",
        entity: "iga_peer_result",
        entityId: `${k.data.peerCode}/${k.data.year}`,
        before,
        after: null,
      },
      ctx.requestId,
    );
    return { removed: true as const };
  });
}

/** The row as it is now, locked for the change; another region's row is not found. */
async function lockedRow(tx: Executor, actor: Actor, code: string, y: number): Promise<IgaPeerResult> {
  const [locked] = await tx
    .select({ v: igaPeerResults.version })
    .from(igaPeerResults)
    .where(keyOf(actor, code, y))
    .for("update");
  if (!locked) throw new NotFoundError("iga_peer_result");
  return readOne(tx, actor, code, y);
}
