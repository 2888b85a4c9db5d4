import { z } from "zod";

/**
 * Inputs of the IGA use cases, shared by server actions and the API. Messages named `v.<key>` are
 * worded in messages/<locale>/iga.json under `validation`.
 */

const year = z.coerce
  .number({ error: "v.igaYear" })
  .int({ error: "v.igaYear" })
  .min(2000, { error: "v.igaYear" })
  .max(2100, { error: "v.igaYear" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "v.tooLong" })
    .nullish()
    .transform((v) => (v ? v : null));

/** Where an assessment belongs: an indicator of a year, for one innovation or (null) for the region. */
const targetShape = {
  year,
  indicatorCode: z
    .string({ error: "v.igaIndicator" })
    .trim()
    .min(1, { error: "v.igaIndicator" })
    .max(40, { error: "v.igaIndicator" }),
  innovationId: z
    .uuid({ error: "v.igaInnovation" })
    .nullish()
    .transform((v) => v ?? null),
};

export const setLevelSchema = z.object({
  ...targetShape,
  /** 1..3, or null to clear the choice. */
  level: z
    .number({ error: "v.igaLevel" })
    .int({ error: "v.igaLevel" })
    .min(1, { error: "v.igaLevel" })
    .max(3, { error: "v.igaLevel" })
    .nullable(),
  /** The version the caller read; 0 when no level had been set yet. */
  version: z.number({ error: "v.igaVersion" }).int({ error: "v.igaVersion" }).min(0, { error: "v.igaVersion" }),
  note: optionalText(2000),
});
export type SetLevelInput = z.input<typeof setLevelSchema>;

/** The letter an evaluator expects with a piece of evidence: nomor surat, tanggal, tentang. */
const letterShape = {
  /** The piece this one replaces (same indicator): it is removed, and the new one waits for a fresh verdict. */
  replacesEvidenceId: z
    .uuid({ error: "v.igaEvidence" })
    .nullish()
    .transform((v) => v ?? null),
  letterNumber: optionalText(200),
  letterDate: z.iso
    .date({ error: "v.date" })
    .nullish()
    .transform((v) => v ?? null),
  subject: optionalText(500),
};

const httpUrl = z
  .string({ error: "v.igaUrl" })
  .trim()
  .max(2000, { error: "v.igaUrl" })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
      } catch {
        return false;
      }
    },
    { error: "v.igaUrl" },
  );

export const linkEvidenceSchema = z.object({ ...targetShape, ...letterShape, kind: z.literal("link"), url: httpUrl });

const fileEvidenceSchema = z.object({
  ...targetShape,
  ...letterShape,
  kind: z.literal("file"),
  fileName: z.string().trim().min(1, { error: "v.igaFileName" }).max(255, { error: "v.igaFileName" }),
  // z.custom, not z.instanceof: a Node Buffer (Uint8Array over any ArrayBufferLike) is welcome too.
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: "v.igaFile" }),
});

export const evidenceSchema = z.discriminatedUnion("kind", [fileEvidenceSchema, linkEvidenceSchema], {
  error: "v.igaEvidenceKind",
});
export type EvidenceInput = z.input<typeof evidenceSchema>;

/** The review's fields without the cross-field rule (the OpenAPI document renders this one). */
export const reviewFieldsSchema = z.object({
  evidenceId: z.uuid({ error: "v.igaEvidence" }),
  status: z.enum(["accepted", "needs_work"], { error: "v.igaReviewStatus" }),
  comment: optionalText(2000),
});

export const reviewSchema = reviewFieldsSchema
  // A "needs work" without saying what is useless to the staff who must fix it.
  .refine((r) => r.status !== "needs_work" || !!r.comment, { path: ["comment"], error: "v.igaReviewComment" });
export type ReviewInput = z.input<typeof reviewSchema>;

export const yearSchema = year;
