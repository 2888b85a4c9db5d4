import { and, asc, eq, like } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { z } from "zod";
import { regions } from "@/db/schema/regions";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { translator } from "@/lib/i18n/translator";
import { RECORD_COLUMNS, REQUIRED_COLUMNS, type RecordColumn } from "./columns";
import { EXAMPLE_MARK } from "./validate-row";

export const TEMPLATE_FORMATS = ["csv", "xlsx"] as const;
const BRAND = "FF17643A";
const REQUIRED_FILL = "FF9A3412";

const templateQuery = z.object({ format: z.enum(TEMPLATE_FORMATS).default("xlsx") });

/**
 * One example row: a made-up resident served at Mesuji's first desa. Its name carries the example
 * mark, so the import refuses the row if it is left in (issue `example_row`).
 */
const EXAMPLE: Record<RecordColumn, string> = {
  nik: "1811015501900001",
  nama: `${EXAMPLE_MARK} Siti Aminah - hapus baris ini`,
  tanggal_layanan: "2024-01-31",
  jenis_layanan: "Pembuatan KTP-el",
  kode_desa: "18.11.01.2001",
  nilai: "",
  kanal: "loket_desa",
};

export type DesaRow = { code: string; name: string; kecamatanCode: string; kecamatan: string };

/** The region's desa with their kecamatan, in code order (105 for Mesuji). */
async function desaList(ctx: Ctx, regionCode: string): Promise<DesaRow[]> {
  const kecamatan = alias(regions, "kecamatan");
  return ctx.db
    .select({ code: regions.code, name: regions.name, kecamatanCode: kecamatan.code, kecamatan: kecamatan.name })
    .from(regions)
    .innerJoin(kecamatan, eq(kecamatan.code, regions.parentCode))
    .where(and(eq(regions.level, "desa"), like(regions.code, `${regionCode}.%`)))
    .orderBy(asc(regions.code));
}

function csvTemplate(): Uint8Array {
  // A BOM and ";" so Excel with Indonesian settings opens it in columns; the import reads both delimiters.
  const text = "\uFEFF" + stringify([[...RECORD_COLUMNS], RECORD_COLUMNS.map((c) => EXAMPLE[c])], { delimiter: ";" });
  return new TextEncoder().encode(text);
}

async function xlsxTemplate(desa: DesaRow[], locale: Locale): Promise<Uint8Array> {
  const t = translator(locale);
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(t("ux.template.dataSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  // Every column as text: a NIK typed into a number cell loses its last digit in Excel.
  data.columns = RECORD_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: c === "nama" || c === "jenis_layanan" ? 32 : 20,
    style: { numFmt: "@" },
  }));
  const header = data.getRow(1);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.eachCell((cell, i) => {
    const column = RECORD_COLUMNS[i - 1];
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: REQUIRED_COLUMNS.includes(column) ? REQUIRED_FILL : BRAND },
    };
    cell.note = t(`ux.template.columns.${column}`);
  });
  const example = data.addRow(EXAMPLE);
  example.font = { italic: true, color: { argb: "FF64748B" } };

  const list = workbook.addWorksheet(t("ux.template.desaSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  list.columns = [
    { header: "kode_desa", key: "code", width: 16 },
    { header: t("ux.template.desaName"), key: "name", width: 28 },
    { header: t("ux.template.kecamatanCode"), key: "kecamatanCode", width: 16 },
    { header: t("ux.template.kecamatan"), key: "kecamatan", width: 24 },
  ];
  list.getRow(1).font = { bold: true };
  for (const d of desa) list.addRow(d);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The beneficiary import template: the columns with an example row (CSV or XLSX); the XLSX adds a
 * sheet listing the region's desa codes with their names and kecamatan, for the kode_desa column.
 */
export async function buildBeneficiaryTemplate({
  ctx,
  input,
  locale = DEFAULT_LOCALE,
}: {
  ctx: Ctx;
  input: unknown;
  locale?: Locale;
}) {
  const actor = requirePermission(ctx, "beneficiary.import");
  const { format } = parseInput(templateQuery, input);
  if (format === "csv") return { format, fileName: "templat-penerima-manfaat.csv", bytes: csvTemplate(), desaCount: 0 };
  const desa = await desaList(ctx, actor.regionCode);
  return {
    format,
    fileName: "templat-penerima-manfaat.xlsx",
    bytes: await xlsxTemplate(desa, locale),
    desaCount: desa.length,
  };
}
