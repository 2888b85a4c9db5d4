import { buildBeneficiaryTemplate } from "@/lib/beneficiaries/import/template";
import { apiHandler } from "@/lib/http/api";
import { readerLocale } from "@/lib/http/locale";
import { queryParam } from "@/lib/http/request";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The beneficiary import template, `?format=csv` or `xlsx` (the XLSX also lists the region's desa codes). */
export const GET = apiHandler(async ({ req, ctx }) => {
  const template = await buildBeneficiaryTemplate({
    ctx,
    input: { format: queryParam(req, "format") ?? undefined },
    locale: readerLocale(req),
  });
  return new Response(Buffer.from(template.bytes), {
    headers: {
      "content-type": CONTENT_TYPES[template.format],
      "content-disposition": `attachment; filename="${template.fileName}"`,
      "cache-control": "no-store",
    },
  });
});
