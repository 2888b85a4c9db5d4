import { Download } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { BeneficiaryImportWorkbench } from "@/components/beneficiaries/import-workbench";
import { type Ctx, can } from "@/lib/auth/context";
import { RUPIAH } from "@/lib/beneficiaries/amount-unit";
import { listBatches } from "@/lib/beneficiaries/batches";
import type { InnovationRow } from "@/lib/innovations/get-innovation";

/**
 * Import of service records into one innovation (the upper part of the beneficiaries tab). Only
 * for those who may import into this innovation: admin, Bappeda, and the innovation's own agency.
 */
export async function BeneficiaryImportPanel({ ctx, innovation }: { ctx: Ctx; innovation: InnovationRow }) {
  if (!can(ctx, "beneficiary.import", { agencyId: innovation.agencyId, regionCode: innovation.regionCode }))
    return null;
  const [batches, t, tTemplate, locale] = await Promise.all([
    listBatches({ ctx, input: { innovationId: innovation.id } }),
    getTranslations("ux.amountUnit"),
    getTranslations("ux.template"),
    getLocale(),
  ]);
  const unit = innovation.amountUnit;
  const amountNote = unit === RUPIAH ? t("importRupiah") : unit ? t("importUnit", { unit }) : t("importNone");
  return (
    <BeneficiaryImportWorkbench
      innovationId={innovation.id}
      initialBatches={batches}
      guide={
        <>
          <p data-testid="amount-unit-note">{amountNote}</p>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="template-links">
            <span>{tTemplate("download")}</span>
            {(["xlsx", "csv"] as const).map((format) => (
              <a
                key={format}
                href={`/api/v1/beneficiaries/template?format=${format}&locale=${locale}`}
                className="inline-flex items-center gap-1 text-brand-700 underline underline-offset-2"
                download
              >
                <Download aria-hidden className="size-4" />
                {tTemplate(format)}
              </a>
            ))}
          </p>
        </>
      }
    />
  );
}
