import { and, asc, count, countDistinct, eq, gte, lte, max, min, sql } from "drizzle-orm";
import { z } from "zod";
import { residents, serviceRecords } from "@/db/schema/beneficiaries";
import { regions } from "@/db/schema/regions";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { decryptStored } from "@/lib/crypto";
import { AppError, NotFoundError, parseInput } from "@/lib/errors";
import { findInnovation } from "@/lib/innovations/get-innovation";
import { maskNik } from "@/lib/nik";
import { isBenefitIndicator } from "./benefit-proposal";
import { beneficiaryListPdf, type ListedResident } from "./beneficiary-list-pdf";
import { addEvidence } from "./evidence";
import { loadFramework } from "./frameworks";
import { published } from "@/lib/beneficiaries/published";

/** The most residents one list names; the rest are counted in its summary (the file stays an evidence-sized PDF). */
export const MAX_LISTED = 2000;

const schema = z.object({
  innovationId: z.uuid({ error: "v.igaInnovation" }),
  year: z
    .number({ error: "v.year" })
    .int({ error: "v.year" })
    .min(2000, { error: "v.year" })
    .max(2100, { error: "v.year" }),
});

/** The year's rule set has no indicator scored from the register, or the register has nobody for it. */
export class BeneficiaryListError extends AppError {
  constructor(code: "no_benefit_indicator" | "no_beneficiaries") {
    super(422, code);
  }
}

/**
 * Bappeda attaches the register's list of an innovation's beneficiaries in a year as evidence for
 * the indicator scored from it ("Kemanfaatan inovasi"): masked NIKs only (area and serial; the
 * digits of sex and birth date hidden), desa, first and last service date and number of services,
 * never a name. It goes through the evidence path like an upload (stored by hash, pending review,
 * in the submission package) and its audit row names it as a generated beneficiary list. Reading
 * personal data is Bappeda's and the admin's (resident.lookup), and attaching evidence is iga.assess.
 */
export async function attachBeneficiaryList({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "resident.lookup");
  requirePermission(ctx, "iga.assess");
  const data = parseInput(schema, input);
  const innovation = await findInnovation(ctx.db, actor.regionCode, data.innovationId);
  if (!innovation) throw new NotFoundError("innovation");
  const { ruleSet } = await loadFramework(ctx.db, data.year);
  const indicator = ruleSet.indicators.find(isBenefitIndicator);
  if (!indicator) throw new BeneficiaryListError("no_benefit_indicator");

  const inYear = and(
    eq(serviceRecords.regionCode, actor.regionCode),
    eq(serviceRecords.innovationId, innovation.id),
    gte(serviceRecords.serviceDate, `${data.year}-01-01`),
    lte(serviceRecords.serviceDate, `${data.year}-12-31`),
    published(),
  );
  const [[totals], listed, perDesa] = await Promise.all([
    ctx.db
      .select({ residents: countDistinct(serviceRecords.residentId), services: count() })
      .from(serviceRecords)
      .where(inYear),
    ctx.db
      .select({
        nikEncrypted: residents.nikEncrypted,
        desaCode: max(serviceRecords.desaCode),
        first: min(serviceRecords.serviceDate),
        last: max(serviceRecords.serviceDate),
        services: count(),
      })
      .from(serviceRecords)
      .innerJoin(
        residents,
        and(eq(residents.regionCode, serviceRecords.regionCode), eq(residents.id, serviceRecords.residentId)),
      )
      .where(inYear)
      .groupBy(residents.id, residents.nikEncrypted)
      .orderBy(sql`max(${serviceRecords.desaCode}) nulls last`, asc(min(serviceRecords.serviceDate)), asc(residents.id))
      .limit(MAX_LISTED),
    ctx.db
      .select({
        desaCode: serviceRecords.desaCode,
        desaName: regions.name,
        residents: countDistinct(serviceRecords.residentId),
      })
      .from(serviceRecords)
      .leftJoin(regions, eq(regions.code, serviceRecords.desaCode))
      .where(inYear)
      .groupBy(serviceRecords.desaCode, regions.name)
      .orderBy(asc(serviceRecords.desaCode)),
  ]);
  if (totals.residents === 0) throw new BeneficiaryListError("no_beneficiaries");
  const desaName = new Map(perDesa.map((d) => [d.desaCode, d.desaName]));
  const rows: ListedResident[] = listed.map((r) => ({
    maskedNik: maskNik(decryptStored(r.nikEncrypted, "nik")),
    desa: r.desaCode ? `${desaName.get(r.desaCode) ?? ""} (${r.desaCode})`.trim() : "—",
    first: r.first ?? "",
    last: r.last ?? "",
    services: r.services,
  }));
  const bytes = await beneficiaryListPdf({
    innovationName: innovation.name,
    year: data.year,
    indicatorName: indicator.name,
    totals: { residents: totals.residents, services: totals.services },
    perDesa: perDesa.map((d) => ({
      desa: d.desaCode ? `${d.desaName ?? ""} (${d.desaCode})`.trim() : "—",
      residents: d.residents,
    })),
    rows,
  });
  return addEvidence({
    ctx,
    input: {
      kind: "file",
      innovationId: innovation.id,
      year: data.year,
      indicatorCode: indicator.code,
      fileName: `daftar-penerima-manfaat-${data.year}.pdf`,
      bytes,
      subject: `Daftar penerima manfaat ${innovation.name} tahun ${data.year} (NIK tersamar)`,
    },
    generated: {
      action: "iga.evidence.beneficiary_list",
      details: { residents: totals.residents, services: totals.services, listed: rows.length },
    },
  });
}
