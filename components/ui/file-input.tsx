"use client";

import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ComponentProps, useRef, useState } from "react";
import { cn } from "@/lib/cn";

/**
 * A file picker worded in the UI's language: the browser's own button says "Choose File" in the
 * browser's language whatever the page's, so the native input is visually hidden (still focusable
 * and announced) and a button in the UI's language opens it, with the chosen file's name beside it.
 */
export function FileInput({
  id,
  className,
  onChange,
  disabled,
  ...props
}: Omit<ComponentProps<"input">, "type"> & { id: string }) {
  const t = useTranslations("ux.file");
  const [name, setName] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={cn("flex min-w-0 flex-wrap items-center gap-2", className)}>
      <input
        ref={input}
        id={id}
        type="file"
        className="peer sr-only"
        disabled={disabled}
        onChange={(e) => {
          setName(e.currentTarget.files?.[0]?.name ?? null);
          onChange?.(e);
        }}
        {...props}
      />
      {/* Not a second <label>: the field keeps its one accessible name; keyboard users reach the input itself. */}
      <button
        type="button"
        tabIndex={-1}
        aria-hidden
        disabled={disabled}
        onClick={() => input.current?.click()}
        className={cn(
          "inline-flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50",
          "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600",
          disabled && "cursor-not-allowed opacity-60",
        )}
      >
        <FileUp aria-hidden className="size-4" />
        {t("choose")}
      </button>
      <span className="min-w-0 break-words text-sm text-slate-700" data-testid={`${id}-name`}>
        {name ?? t("none")}
      </span>
    </div>
  );
}
