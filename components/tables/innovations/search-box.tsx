"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const DELAY_MS = 350;

/**
 * The text search. It follows typing (after a short pause) rather than waiting for Enter, and
 * keeps what is typed even when an older search's answer arrives; a change of the URL from
 * elsewhere (back button, "clear filters") replaces the text.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useTranslations("innovationList.filters");
  const [text, setText] = useState(value);
  // What this box last asked for, and the URL value it last saw: adjusting state during render
  // (not in an effect) is React's way to follow a prop without a flash of the old value.
  const [sent, setSent] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent) {
      setText(value);
      setSent(value);
    }
  }

  useEffect(() => {
    if (text.trim() === sent.trim()) return;
    const timer = setTimeout(() => {
      setSent(text);
      onSearch(text.trim());
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, sent, onSearch]);

  return (
    <div className="space-y-1 sm:col-span-2">
      <Label htmlFor="q">{t("searchLabel")}</Label>
      <Input
        id="q"
        name="q"
        type="search"
        value={text}
        placeholder={t("searchPlaceholder")}
        aria-describedby="q-hint"
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          setSent(text);
          if (text.trim() !== value) onSearch(text.trim());
        }}
      />
      <p id="q-hint" className="text-xs text-slate-600">
        {t("searchHint")}
      </p>
    </div>
  );
}
