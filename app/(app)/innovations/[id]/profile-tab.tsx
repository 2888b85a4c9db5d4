import { getFormatter, getTranslations } from "next-intl/server";
import { CompletenessMeter } from "@/components/forms/completeness-meter";
import type { getInnovation } from "@/lib/innovations/get-innovation";
import { completeness } from "@/lib/innovations/schemas";
import { affairName } from "@/lib/reference/affairs";

type Innovation = Awaited<ReturnType<typeof getInnovation>>;

/** The IGA profile as an evaluator reads it. */
export async function ProfileTab({ innovation: i }: { innovation: Innovation }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const date = (d: string | null) =>
    d ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) : "—";
  const vocab = (group: string, v: string | null) => (v ? t(`vocab.${group}.${v}`) : "—");
  const rows: [string, React.ReactNode][] = [
    ["agencyId", i.agencyName],
    ["stage", vocab("stage", i.stage)],
    ["initiatorType", vocab("initiatorType", i.initiatorType)],
    ["initiatorName", i.initiatorName ?? "—"],
    ["innovationType", vocab("innovationType", i.innovationType)],
    ["form", vocab("form", i.form)],
    ["theme", vocab("theme", i.theme)],
    ["mainAffair", i.mainAffair ? affairName(i.mainAffair) : "—"],
    ["otherAffairs", i.otherAffairs.length ? i.otherAffairs.map(affairName).join("; ") : "—"],
    ["trialDate", date(i.trialDate)],
    ["implementationDate", date(i.implementationDate)],
    ["yearApplied", i.yearApplied],
  ];
  const none = <span className="font-normal text-slate-600">{t("profile2026.none")}</span>;
  const hasPoint = i.latitude !== null && i.longitude !== null;
  const rows2026: [string, React.ReactNode][] = [
    ["classification", i.classification ? vocab("classification", i.classification) : none],
    ["priorityCluster", i.priorityCluster ? vocab("priorityCluster", i.priorityCluster) : none],
    ["astaCita", i.astaCita ? `${i.astaCita}. ${t(`vocab.astaCita.${i.astaCita}`)}` : none],
    [
      "coordinates",
      hasPoint ? (
        <>
          {format.number(i.latitude!, { maximumFractionDigits: 6 })},{" "}
          {format.number(i.longitude!, { maximumFractionDigits: 6 })}{" "}
          <a
            className="text-sm font-normal text-brand-700 underline"
            href={`https://www.openstreetmap.org/?mlat=${i.latitude}&mlon=${i.longitude}#map=15/${i.latitude}/${i.longitude}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t("profile2026.mapLink")}
          </a>
        </>
      ) : (
        none
      ),
    ],
    ["latestDevelopmentDate", i.latestDevelopmentDate ? date(i.latestDevelopmentDate) : none],
  ];
  const texts = ["goals", "benefits", "results"] as const;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-6">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {rows.map(([key, value]) => (
            <div key={key}>
              <dt className="text-sm text-slate-600">{t(`catalogue.fields.${key}`)}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
        <section data-testid="profile-2026-view">
          <h2 className="mb-2 text-lg font-semibold">{t("catalogue.sections.profile2026")}</h2>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {rows2026.map(([key, value]) => (
              <div key={key} className={key === "astaCita" ? "sm:col-span-2" : undefined}>
                <dt className="text-sm text-slate-600">{t(`catalogue.fields.${key}`)}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section>
          <h2 className="mb-2 text-lg font-semibold">{t("catalogue.fields.design")}</h2>
          {i.design ? (
            <div className="space-y-2 whitespace-pre-line text-slate-800">{i.design}</div>
          ) : (
            <p className="text-slate-600">{t("catalogue.empty")}</p>
          )}
        </section>
        {texts.map((key) => (
          <section key={key}>
            <h2 className="mb-1 text-lg font-semibold">{t(`catalogue.fields.${key}`)}</h2>
            <p className="whitespace-pre-line text-slate-800">{i[key] ?? t("catalogue.empty")}</p>
          </section>
        ))}
      </div>
      <aside>
        <CompletenessMeter value={completeness(i)} />
      </aside>
    </div>
  );
}
