import { apiHandler } from "@/lib/http/api";
import { buildImportTemplate } from "@/lib/innovations/import/template";
import { readerLocale } from "@/lib/http/locale";

/** The XLSX import template; its instructions sheet is in the reader's language. */
export const GET = apiHandler(async ({ req, ctx }) => {
  const template = await buildImportTemplate({ ctx, locale: readerLocale(req) });
  return new Response(Buffer.from(template.bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${template.fileName}"`,
      // The lists inside name the region's agencies, which change; never serve a stale copy.
      "cache-control": "no-store",
    },
  });
});
