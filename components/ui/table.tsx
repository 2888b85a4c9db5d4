import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A table that scrolls sideways on a phone instead of breaking the layout. */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}
export const Th = ({ className, ...props }: ComponentProps<"th">) => (
  <th
    scope="col"
    className={cn("border-b border-slate-200 bg-slate-50 px-3 py-2 font-semibold text-slate-800", className)}
    {...props}
  />
);
export const Td = ({ className, ...props }: ComponentProps<"td">) => (
  <td className={cn("border-b border-slate-100 px-3 py-2 align-top text-slate-800", className)} {...props} />
);

/** A sortable column's direction: up, down, or both arrows greyed while unsorted. */
export function SortIcon({ sorted }: { sorted: false | "asc" | "desc" }) {
  if (sorted === "asc") return <ArrowUp aria-hidden className="size-4 shrink-0" />;
  if (sorted === "desc") return <ArrowDown aria-hidden className="size-4 shrink-0" />;
  return <ArrowUpDown aria-hidden className="size-4 shrink-0 text-slate-400" />;
}
