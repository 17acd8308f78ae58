import { useTranslation } from 'react-i18next';
import { formatDayNumber } from '~/domain/days';
import type { Lang } from '~/domain/time';

export type DaysFigures = { allotted: number; planned: number; used: number; remaining: number };

/**
 * A region's days as a bar (used, planned, left) with the figures as text beside it. The bar is
 * decoration only (aria-hidden): the text carries the figures. Amounts are half-days.
 */
export function DaysBar({ figures, lang, compact = false }: { figures: DaysFigures; lang: Lang; compact?: boolean }) {
  const { t } = useTranslation('admin');
  const { allotted, planned, used, remaining } = figures;
  const whole = Math.max(allotted, planned + used, 1);
  const pct = (n: number) => `${Math.max(0, Math.min(100, (n / whole) * 100))}%`;
  const d = (n: number) => formatDayNumber(n, lang);
  return (
    <div className={compact ? 'min-w-40' : 'max-w-xl'}>
      <div className="flex h-3 w-full overflow-hidden rounded-full border border-slate-500 bg-white" aria-hidden="true">
        <div className="h-full bg-brand-800" style={{ width: pct(used) }} />
        <div className="h-full bg-brand-600/60" style={{ width: pct(planned) }} />
      </div>
      <p className={`mt-1 ${compact ? 'text-xs' : 'text-sm'} ${remaining < 0 ? 'font-semibold text-red-700' : 'text-slate-800'}`}>
        {t('days.summary', { allotted: d(allotted), planned: d(planned), used: d(used), remaining: d(remaining) })}
      </p>
    </div>
  );
}
