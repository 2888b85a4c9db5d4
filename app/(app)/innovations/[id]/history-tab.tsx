import { getFormatter, getTranslations } from "next-intl/server";
import type { Ctx } from "@/lib/auth/context";
import { innovationHistory } from "@/lib/innovations/history";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.join(", ") || "—";
  const text = String(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** Who changed what and when, as before → after per field. */
export async function HistoryTab({ ctx, id }: { ctx: Ctx; id: string }) {
  const [entries, t, format] = await Promise.all([innovationHistory({ ctx, id }), getTranslations(), getFormatter()]);
  if (entries.length === 0) return <p className="text-slate-700">{t("catalogue.history.none")}</p>;
  return (
    <ol className="space-y-4" data-testid="history">
      {entries.map((e) => (
        <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm">
            <span className="font-semibold">
              {t.has(`catalogue.history.actions.${e.action}`) ? t(`catalogue.history.actions.${e.action}`) : e.action}
            </span>
            {" · "}
            {e.actor ?? t(`audit.actorKind.${e.actorKind}`)}
            {" · "}
            <time dateTime={e.at.toISOString()}>
              {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </p>
          {e.changes.length > 0 && (
            <dl className="mt-2 space-y-1 text-sm">
              {e.changes.map((c) => (
                <div key={c.field} className="grid gap-1 sm:grid-cols-[12rem_1fr]">
                  <dt className="text-slate-600">
                    {t.has(`catalogue.fields.${c.field}`) ? t(`catalogue.fields.${c.field}`) : c.field}
                  </dt>
                  <dd>
                    <del className="text-red-800">{show(c.before)}</del> →{" "}
                    <ins className="text-emerald-800 no-underline">{show(c.after)}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}
