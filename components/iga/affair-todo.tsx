import { getFormatter, getTranslations } from "next-intl/server";
import { gainText } from "@/lib/i18n/points";
import { Alert } from "@/components/ui/alert";
import type { AffairGain } from "@/lib/iga/gate-gains";
import type { IndexResult } from "@/lib/iga/score";
import { affairName } from "@/lib/reference/affairs";

/**
 * A year with a basic-service gate (2026): how many of its affairs the counted innovations cover,
 * and, while it is shut, the points one more innovation in each missing affair would add.
 */
export async function AffairTodo({ gains, result }: { gains: AffairGain[]; result: IndexResult }) {
  const gate = result.basicServiceAffairs;
  if (gate.required === null) return null;
  const [t, format, tPoints] = await Promise.all([
    getTranslations("igaYears.gate"),
    getFormatter(),
    getTranslations("ux.points"),
  ]);
  return (
    <div className="space-y-2" data-testid="affair-todo">
      <Alert tone={gate.met ? "success" : "warning"}>
        {t(gate.met ? "met" : "shut", {
          covered: gate.covered.length,
          required: gate.required,
          affairs: gate.covered.map(affairName).join(", ") || "—",
        })}
      </Alert>
      {gains.length > 0 && (
        <ol className="space-y-2">
          {gains.map((g) => (
            <li
              key={g.affair}
              className="flex flex-col gap-1 rounded-md border border-amber-300 bg-white p-3 text-sm sm:flex-row sm:items-baseline sm:gap-3"
              data-testid="affair-item"
            >
              <span className="shrink-0 text-lg font-semibold tabular-nums text-emerald-800 sm:w-36">
                {g.indexGain > 0 ? gainText(g.indexGain, format.number, tPoints) : "—"}
              </span>
              <span>
                {t(g.stillMissing > 0 ? "addStill" : "add", { affair: affairName(g.affair), more: g.stillMissing })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
