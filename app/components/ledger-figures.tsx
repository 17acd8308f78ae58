import { formatDayNumber } from '~/domain/days';
import type { Ledger } from '~/domain/ledger';
import type { Lang } from '~/domain/time';

/** A region's days for a year as four figures: allotted, planned, used, left (in days). */
export function LedgerFigures({
  ledger,
  lang,
  labels,
}: {
  ledger: Ledger;
  lang: Lang;
  labels: { allotted: string; planned: string; used: string; left: string };
}) {
  const figures = [
    [labels.allotted, ledger.allotted],
    [labels.planned, ledger.planned],
    [labels.used, ledger.used],
    [labels.left, ledger.remaining],
  ] as const;
  return (
    <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
      {figures.map(([label, value]) => (
        <div key={label} className="rounded-md bg-brand-50 p-3">
          <dt className="text-sm">{label}</dt>
          <dd className="text-xl font-bold">{formatDayNumber(value, lang)}</dd>
        </div>
      ))}
    </dl>
  );
}
