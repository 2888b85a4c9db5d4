"use client";

import { Columns3 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { columnLabel } from "./columns";
import { COLUMN_IDS, type ColumnId } from "./view-state";

/**
 * Which columns show. A disclosure with checkboxes: keyboard and screen-reader friendly without
 * a menu widget's focus juggling. The name column is what a row is, so it cannot be hidden.
 */
export function ColumnMenu({ visible, onChange }: { visible: ColumnId[]; onChange: (visible: ColumnId[]) => void }) {
  const t = useTranslations();
  const ref = useRef<HTMLDetailsElement>(null);
  // Like a menu, it closes on a click elsewhere or on Escape (focus back on its button).
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !ref.current?.open) return;
      ref.current.open = false;
      ref.current.querySelector("summary")?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  return (
    <details ref={ref} className="relative" data-testid="column-menu">
      <summary className="inline-flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600">
        <Columns3 aria-hidden className="size-4" />
        {t("innovationList.columns.menu")}
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-60 space-y-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">{t("innovationList.columns.menuLabel")}</legend>
        {COLUMN_IDS.map((id) => (
          <label key={id} className="flex min-h-8 items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-brand-700"
              checked={visible.includes(id)}
              disabled={id === "name"}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? COLUMN_IDS.filter((c) => c === id || visible.includes(c))
                    : visible.filter((c) => c !== id),
                )
              }
            />
            {columnLabel(t, id)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
