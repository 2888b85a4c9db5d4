import { sourceUrl } from "@/lib/trends/series";

/** A source as a link when it is a web address (the host shown), else the decree number as text. */
export function SourceCell({ source, empty }: { source: string | null; empty: string }) {
  if (!source) return <span className="text-slate-500">{empty}</span>;
  const url = sourceUrl(source);
  if (!url) return <span className="break-words">{source}</span>;
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      className="break-all text-brand-700 underline underline-offset-2"
    >
      {new URL(url).host}
    </a>
  );
}
