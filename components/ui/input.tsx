import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const field =
  "block w-full min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 " +
  "placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-brand-600 aria-[invalid=true]:border-red-700";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(field, className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(field, className)} {...props} />;
}
