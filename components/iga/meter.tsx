/**
 * One index component against its maximum, as a labelled bar (a native meter for screen readers).
 * `hideLabel`: in a table row that already names the thing, the label is for screen readers only.
 */
export function Meter({
  label,
  value,
  max,
  text,
  testId,
  hideLabel = false,
}: {
  label: string;
  value: number;
  max: number;
  text: string;
  testId?: string;
  hideLabel?: boolean;
}) {
  const percent = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div className="space-y-1" data-testid={testId}>
      <div className={hideLabel ? "text-right text-sm" : "flex flex-wrap items-baseline justify-between gap-2 text-sm"}>
        {!hideLabel && <span className="font-medium text-slate-800">{label}</span>}
        <span className="tabular-nums text-slate-700">{text}</span>
      </div>
      <div className="h-3 overflow-hidden rounded-full bg-slate-200" aria-hidden>
        <div className="h-full rounded-full bg-brand-700" style={{ width: `${percent}%` }} />
      </div>
      <meter className="sr-only" min={0} max={max} value={value} aria-label={label}>
        {text}
      </meter>
    </div>
  );
}
