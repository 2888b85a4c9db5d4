import Link from "next/link";

/** A headline number; with `href` the whole tile is a link to the view behind the number. */
export function Stat({
  label,
  value,
  hint,
  href,
}: {
  label: string;
  value: string | number;
  hint?: string;
  href?: string;
}) {
  const body = (
    <>
      <p className="text-sm text-slate-700">{label}</p>
      {/* A rupiah total or a source address may be wider than a half-width tile on a phone: it wraps, not clips. */}
      <p className="mt-1 text-xl font-semibold tabular-nums text-slate-900 [overflow-wrap:anywhere] sm:text-2xl">
        {value}
      </p>
      {hint && <p className="mt-1 text-xs text-slate-600 [overflow-wrap:anywhere]">{hint}</p>}
    </>
  );
  const box = "block rounded-lg border border-slate-200 bg-white p-4";
  if (!href) return <div className={box}>{body}</div>;
  return (
    <Link
      href={href}
      className={`${box} hover:border-brand-600 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600`}
      data-testid="stat-link"
    >
      {body}
    </Link>
  );
}
