import { and, asc, count, desc, eq, max, min, sql } from "drizzle-orm";
import { z } from "zod";
import { agencies } from "@/db/schema/agencies";
import { residents, serviceRecords } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { hashNik } from "@/lib/crypto";
import { parseInput } from "@/lib/errors";
import { maskNik, parseNik } from "@/lib/nik";
import { invalidNikError, regionNames, residentFacts, type ResidentFacts } from "./residents";
import { published } from "@/lib/beneficiaries/published";

/** The most service rows one look-up lists (newest first); the per-programme totals count them all. */
const LOOKUP_MAX_SERVICES = 500;

/**
 * The body of a look-up. `nik` is checked by lib/nik rather than zod so the answer names the exact
 * problem (damaged by Excel, bad birth date, …); a number is accepted and judged like a cell value.
 */
export const lookupInput = z.object({
  nik: z.unknown().meta({
    description: "The 16-digit NIK as a string (spaces allowed). In the body only: never put a NIK in a URL",
    type: "string",
  }),
});

export interface LookupProgramme {
  innovationId: string;
  innovationName: string;
  agencyShortName: string;
  archived: boolean;
  records: number;
  firstDate: string;
  lastDate: string;
  /** Sum of the amounts recorded (e.g. KUR loans), null when no record carries one. */
  amount: number | null;
  /** What the amount means (lib/beneficiaries/amount-unit.ts). */
  amountUnit: string | null;
}

export interface LookupService {
  innovationId: string;
  innovationName: string;
  serviceDate: string;
  serviceType: string;
  desaCode: string | null;
  desaName: string | null;
  kecamatanName: string | null;
  /** Where the service was given (loket_desa, kantor, daring, jemput_bola), when the file said. */
  channel: string | null;
  amount: number | null;
  amountUnit: string | null;
}

export interface LookupResult {
  found: boolean;
  /** The NIK as entered, masked (181101******0001): enough to confirm the right number was typed. */
  maskedNik: string;
  resident: ({ id: string } & ResidentFacts) | null;
  programmes: LookupProgramme[];
  services: LookupService[];
  totalRecords: number;
  truncated: boolean;
}

/**
 * Every innovation and service that reached one resident: the cross-programme view. Admin and
 * Bappeda only; each look-up — found or not — writes an audit row naming the resident's id (or
 * "not_found"), never the NIK. An invalid NIK is refused with lib/nik's message and not audited
 * (nothing was looked up).
 */
export async function lookupResident({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<LookupResult> {
  const actor = requirePermission(ctx, "resident.lookup");
  const { nik: raw } = parseInput(lookupInput, input ?? {});
  const parsed = parseNik(raw);
  if (!parsed.ok) throw invalidNikError(parsed.code);
  const nikHash = hashNik(parsed.nik);
  const maskedNik = maskNik(parsed.nik);

  return ctx.db.transaction(async (tx) => {
    const [resident] = await tx
      .select({
        id: residents.id,
        sex: residents.sex,
        birthDate: residents.birthDate,
        issueAreaCode: residents.issueAreaCode,
      })
      .from(residents)
      .where(and(eq(residents.regionCode, actor.regionCode), eq(residents.nikHash, nikHash)))
      .limit(1);

    if (!resident) {
      await writeAudit(
        tx,
        actor,
        { action: "resident.lookup", entity: "resident", entityId: null, after: { result: "not_found" } },
        ctx.requestId,
      );
      return {
        found: false,
        maskedNik,
        resident: null,
        programmes: [],
        services: [],
        totalRecords: 0,
        truncated: false,
      };
    }

    const scope = and(
      eq(serviceRecords.regionCode, actor.regionCode),
      eq(serviceRecords.residentId, resident.id),
      published(),
    );
    const programmeRows = await tx
      .select({
        innovationId: serviceRecords.innovationId,
        innovationName: innovations.name,
        agencyShortName: agencies.shortName,
        archivedAt: innovations.archivedAt,
        records: count(),
        firstDate: min(serviceRecords.serviceDate),
        lastDate: max(serviceRecords.serviceDate),
        amount: sql<string | null>`sum(${serviceRecords.amount})`,
        amountUnit: innovations.amountUnit,
      })
      .from(serviceRecords)
      .innerJoin(
        innovations,
        and(eq(innovations.regionCode, serviceRecords.regionCode), eq(innovations.id, serviceRecords.innovationId)),
      )
      .innerJoin(agencies, and(eq(agencies.regionCode, innovations.regionCode), eq(agencies.id, innovations.agencyId)))
      .where(scope)
      .groupBy(
        serviceRecords.innovationId,
        innovations.name,
        agencies.shortName,
        innovations.archivedAt,
        innovations.amountUnit,
      )
      .orderBy(desc(max(serviceRecords.serviceDate)), asc(innovations.name));

    const serviceRows = await tx
      .select({
        innovationId: serviceRecords.innovationId,
        innovationName: innovations.name,
        serviceDate: serviceRecords.serviceDate,
        serviceType: serviceRecords.serviceType,
        desaCode: serviceRecords.desaCode,
        channel: serviceRecords.channel,
        amount: serviceRecords.amount,
        amountUnit: innovations.amountUnit,
      })
      .from(serviceRecords)
      .innerJoin(
        innovations,
        and(eq(innovations.regionCode, serviceRecords.regionCode), eq(innovations.id, serviceRecords.innovationId)),
      )
      .where(scope)
      .orderBy(desc(serviceRecords.serviceDate), asc(innovations.name), asc(serviceRecords.serviceType))
      .limit(LOOKUP_MAX_SERVICES);

    const names = await regionNames(
      tx,
      serviceRows.flatMap((s) => (s.desaCode ? [s.desaCode, s.desaCode.slice(0, 8)] : [])),
    );
    const totalRecords = programmeRows.reduce((sum, p) => sum + p.records, 0);

    await writeAudit(
      tx,
      actor,
      {
        action: "resident.lookup",
        entity: "resident",
        entityId: resident.id,
        after: { result: "found", programmes: programmeRows.length, records: totalRecords },
      },
      ctx.requestId,
    );

    return {
      found: true,
      maskedNik,
      resident: { id: resident.id, ...residentFacts(resident) },
      programmes: programmeRows.map((p) => ({
        innovationId: p.innovationId,
        innovationName: p.innovationName,
        agencyShortName: p.agencyShortName,
        archived: p.archivedAt !== null,
        records: p.records,
        firstDate: p.firstDate ?? "",
        lastDate: p.lastDate ?? "",
        amount: p.amount === null ? null : Number(p.amount),
        amountUnit: p.amountUnit,
      })),
      services: serviceRows.map((s) => ({
        ...s,
        desaName: s.desaCode ? (names.get(s.desaCode) ?? null) : null,
        kecamatanName: s.desaCode ? (names.get(s.desaCode.slice(0, 8)) ?? null) : null,
      })),
      totalRecords,
      truncated: totalRecords > serviceRows.length,
    };
  });
}
