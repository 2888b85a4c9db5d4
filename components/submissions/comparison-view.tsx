import { getFormatter, getTranslations } from "next-intl/server";
import type { Comparison } from "@/lib/submissions/compare";

/** What changed from the older snapshot to this one, in plain lists. */
export async function ComparisonView({ diff }: { diff: Comparison }) {
  const [t, tf, format] = await Promise.all([
    getTranslations("submissions"),
    getTranslations("catalogue.fields"),
    getFormatter(),
  ]);
  // Profile fields by their names on the form ("Hasil inovasi"), not their codes.
  const field = (f: string) => (tf.has(f as never) ? tf(f as never) : f === "isSample" ? t("sampleField") : f);
  const level = (x: number | null) => (x === null ? "–" : String(x));
  const who = (name: string | null) => name ?? t("region");
  const delta = format.number(diff.index.delta, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  return (
    <div className="mt-4 space-y-3 text-sm" data-testid="comparison">
      <p className="font-medium">
        {t("indexDelta", { from: format.number(diff.index.from), to: format.number(diff.index.to), delta })}
      </p>
      {diff.added.length + diff.removed.length + diff.levels.length + diff.evidence.length + diff.profiles.length ===
        0 && <p>{t("noChanges")}</p>}
      {diff.added.length > 0 && (
        <p>
          {t("added")}: {diff.added.map((a) => a.name).join(", ")}
        </p>
      )}
      {diff.removed.length > 0 && (
        <p>
          {t("removed")}: {diff.removed.map((a) => a.name).join(", ")}
        </p>
      )}
      {diff.levels.length > 0 && (
        <div>
          <p className="font-medium">{t("levelsChanged")}</p>
          <ul className="list-disc pl-5">
            {diff.levels.map((l) => (
              <li key={`${l.innovationId}-${l.indicatorCode}`}>
                {who(l.innovationName)} · {l.indicatorCode}: {level(l.from)} → {level(l.to)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.evidence.length > 0 && (
        <div>
          <p className="font-medium">{t("evidenceReplaced")}</p>
          <ul className="list-disc pl-5">
            {diff.evidence.map((e) => (
              <li key={`${e.innovationId}-${e.indicatorCode}`}>
                {who(e.innovationName)} · {e.indicatorCode}: −{e.removed.length} +{e.added.length}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.profiles.length > 0 && (
        <div>
          <p className="font-medium">{t("profilesChanged")}</p>
          <ul className="list-disc pl-5">
            {diff.profiles.map((p) => (
              <li key={p.id}>
                {p.name}: {p.fields.map(field).join(", ")}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
