import Link from "next/link";

/** Previous/next links that keep the other query parameters. */
export function Pagination({
  page,
  pageSize,
  total,
  params,
  labels,
}: {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string | undefined>;
  labels: { previous: string; next: string; status: string };
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v) as [string, string][]);
    q.set("page", String(p));
    return `?${q}`;
  };
  const link =
    "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600";
  return (
    <nav className="flex items-center justify-between gap-2" aria-label={labels.status}>
      {page > 1 ? (
        <Link className={link} href={href(page - 1)} rel="prev">
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">{labels.status}</span>
      {page < pages ? (
        <Link className={link} href={href(page + 1)} rel="next">
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
