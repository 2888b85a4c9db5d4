import enBeneficiaries from "@/messages/en/beneficiaries.json" with { type: "json" };
import enCatalogue from "@/messages/en/catalogue.json" with { type: "json" };
import enCore from "@/messages/en/core.json" with { type: "json" };
import enIga from "@/messages/en/iga.json" with { type: "json" };
import enIgaYears from "@/messages/en/iga-years.json" with { type: "json" };
import enInnovationImport from "@/messages/en/innovation-import.json" with { type: "json" };
import enInnovationList from "@/messages/en/innovation-list.json" with { type: "json" };
import enResidents from "@/messages/en/residents.json" with { type: "json" };
import enDashboard from "@/messages/en/dashboard.json" with { type: "json" };
import idDashboard from "@/messages/id/dashboard.json" with { type: "json" };
import enSubmissions from "@/messages/en/submissions.json" with { type: "json" };
import enWhatIf from "@/messages/en/what-if.json" with { type: "json" };
import enAdmin from "@/messages/en/admin.json" with { type: "json" };
import idAdmin from "@/messages/id/admin.json" with { type: "json" };
import enGallery from "@/messages/en/gallery.json" with { type: "json" };
import idGallery from "@/messages/id/gallery.json" with { type: "json" };
import idBeneficiaries from "@/messages/id/beneficiaries.json" with { type: "json" };
import idCatalogue from "@/messages/id/catalogue.json" with { type: "json" };
import idProfile2026 from "@/messages/id/profile-2026.json" with { type: "json" };
import enProfile2026 from "@/messages/en/profile-2026.json" with { type: "json" };
import idCore from "@/messages/id/core.json" with { type: "json" };
import idIga from "@/messages/id/iga.json" with { type: "json" };
import idIgaYears from "@/messages/id/iga-years.json" with { type: "json" };
import idInnovationImport from "@/messages/id/innovation-import.json" with { type: "json" };
import idInnovationList from "@/messages/id/innovation-list.json" with { type: "json" };
import idResidents from "@/messages/id/residents.json" with { type: "json" };
import idSubmissions from "@/messages/id/submissions.json" with { type: "json" };
import idWhatIf from "@/messages/id/what-if.json" with { type: "json" };
import enTrends from "@/messages/en/trends.json" with { type: "json" };
import idTrends from "@/messages/id/trends.json" with { type: "json" };
import enRegions from "@/messages/en/regions.json" with { type: "json" };
import idRegions from "@/messages/id/regions.json" with { type: "json" };
import enUx from "@/messages/en/ux.json" with { type: "json" };
import idUx from "@/messages/id/ux.json" with { type: "json" };
import type { Locale } from "./locales";

/**
 * Messages are split by feature (one file per area, same keys in id/ and en/) and merged here, so
 * that people working on different features do not edit the same file. Namespaces such as
 * `errors` and `validation` may appear in several files; their keys are merged.
 */
type Tree = { [key: string]: string | Tree };

function merge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] = typeof value === "object" && typeof existing === "object" ? merge(existing, value) : value;
    }
  }
  return out;
}

export const MESSAGES: Record<Locale, Tree> = {
  id: merge(
    idCore,
    idCatalogue,
    idProfile2026,
    idInnovationList,
    idInnovationImport,
    idIga,
    idIgaYears,
    idBeneficiaries,
    idResidents,
    idDashboard,
    idSubmissions,
    idWhatIf,
    idTrends,
    idGallery,
    idAdmin,
    idRegions,
    idUx,
  ),
  en: merge(
    enCore,
    enCatalogue,
    enProfile2026,
    enInnovationList,
    enInnovationImport,
    enIga,
    enIgaYears,
    enBeneficiaries,
    enResidents,
    enDashboard,
    enSubmissions,
    enWhatIf,
    enTrends,
    enGallery,
    enAdmin,
    enRegions,
    enUx,
  ),
};
