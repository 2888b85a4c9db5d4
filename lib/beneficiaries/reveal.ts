import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { residents } from "@/db/schema/beneficiaries";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { decryptStored } from "@/lib/crypto";
import { NotFoundError, parseInput } from "@/lib/errors";
import { maskNik } from "@/lib/nik";
import { hasControlCharacters } from "@/lib/nik";
import { looksLikeIdentifier } from "./residents";

const REVEAL_FIELDS = ["nik", "name"] as const;

export const revealInput = z.object({
  fields: z
    .array(z.enum(REVEAL_FIELDS))
    .min(1)
    .default(["nik", "name"])
    .meta({ description: "What to reveal; both by default. Each reveal is audited" }),
  // Written to the audit trail as typed, so it must not be able to carry a NIK.
  reason: z
    .string()
    .trim()
    .max(300)
    .refine((v) => !looksLikeIdentifier(v) && !hasControlCharacters(v), "v.revealReasonDigits")
    .optional()
    .transform((v) => v || null)
    .meta({
      description: "Why (optional, kept in the audit trail); must not contain a NIK or any run of 10 or more digits",
    }),
});

export interface RevealResult {
  residentId: string;
  maskedNik: string;
  /** Null unless asked for. */
  nik: string | null;
  /** Null unless asked for, or when no name was ever imported. */
  name: string | null;
}

/**
 * Decrypts a resident's NIK and/or name. A permission of its own (admin, Bappeda) beyond the
 * look-up, and one audit row per reveal (who, which resident by id, which fields, why) in the same
 * transaction — never the revealed values.
 */
export async function revealResident({
  ctx,
  residentId,
  input,
}: {
  ctx: Ctx;
  residentId: string;
  input: unknown;
}): Promise<RevealResult> {
  const actor = requirePermission(ctx, "resident.reveal");
  const { fields, reason } = parseInput(revealInput, input ?? {});
  if (!/^[0-9a-f-]{36}$/i.test(residentId)) throw new NotFoundError("resident");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: residents.id, nikEncrypted: residents.nikEncrypted, nameEncrypted: residents.nameEncrypted })
      .from(residents)
      .where(and(eq(residents.id, residentId), eq(residents.regionCode, actor.regionCode)))
      .limit(1);
    if (!row) throw new NotFoundError("resident");
    // Decrypt first: a failure (a changed key) then reveals nothing and records nothing.
    const nik = decryptStored(row.nikEncrypted, "nik");
    const wanted = new Set(fields);
    const name = wanted.has("name") && row.nameEncrypted ? decryptStored(row.nameEncrypted, "name") : null;
    await writeAudit(
      tx,
      actor,
      {
        action: "resident.reveal",
        entity: "resident",
        entityId: row.id,
        after: { fields: [...wanted].sort(), reason },
      },
      ctx.requestId,
    );
    return { residentId: row.id, maskedNik: maskNik(nik), nik: wanted.has("nik") ? nik : null, name };
  });
}
