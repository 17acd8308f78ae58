import { useTranslation } from 'react-i18next';
import type { Lang } from '~/domain/time';

/** Colours for up to eight support types; each has at least 3:1 contrast on white. */
const COLOURS = ['#073a58', '#c2410c', '#15803d', '#6d28d9', '#a16207', '#be123c', '#0e7490', '#475569'];

export type ChartData = {
  year: number;
  types: Array<{ id: number; nameNl: string; nameEn: string }>;
  months: Array<{ month: number; counts: number[]; total: number }>;
  max: number;
  total: number;
};

/**
 * Visits per month by support type as stacked CSS columns, with a legend and the same figures as a
 * table (in a details element) for screen readers and anyone who prefers numbers.
 */
export function VisitsChart({ data, monthLabels, lang, headingLevel = 2 }: { data: ChartData; monthLabels: Array<{ long: string; short: string }>; lang: Lang; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('admin');
  const name = (type: { nameNl: string; nameEn: string }) => (lang === 'en' ? type.nameEn : type.nameNl);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `grafiek-${data.year}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <Heading id={headingId}>{t('chart.title', { year: data.year })}</Heading>
      {data.total === 0 ? (
        <p className="mt-3">{t('chart.empty', { year: data.year })}</p>
      ) : (
        <>
          <div role="img" aria-label={t('chart.summary', { count: data.total, year: data.year })} className="mt-4">
            <div className="flex h-48 items-end gap-1 border-b border-l border-slate-500 pl-1 sm:gap-2">
              {data.months.map((m) => (
                <div key={m.month} className="flex h-full flex-1 flex-col justify-end">
                  <span className="text-center text-xs text-slate-800" aria-hidden="true">
                    {m.total > 0 ? m.total : ''}
                  </span>
                  <div className="flex flex-col-reverse" style={{ height: `${data.max > 0 ? (m.total / data.max) * 85 : 0}%` }}>
                    {m.counts.map((n, i) =>
                      n > 0 ? (
                        <div key={data.types[i]!.id} style={{ height: `${(n / m.total) * 100}%`, backgroundColor: COLOURS[i % COLOURS.length] }} />
                      ) : null,
                    )}
                  </div>
                </div>
              ))}
            </div>
            <div className="flex gap-1 pl-1 sm:gap-2" aria-hidden="true">
              {data.months.map((m) => (
                <span key={m.month} className="flex-1 text-center text-xs text-slate-800">
                  {monthLabels[m.month - 1]?.short}
                </span>
              ))}
            </div>
          </div>
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t('chart.legend')}>
            {data.types.map((type, i) => (
              <li key={type.id} className="flex items-center gap-2">
                <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: COLOURS[i % COLOURS.length] }} aria-hidden="true" />
                {name(type)}
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="mt-4">
        <summary className="cursor-pointer font-medium text-brand-700">{t('chart.tableToggle')}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="table">
            <caption className="sr-only">{t('chart.tableCaption', { year: data.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.month')}</th>
                {data.types.map((type) => (
                  <th key={type.id} scope="col">
                    {name(type)}
                  </th>
                ))}
                <th scope="col">{t('chart.total')}</th>
              </tr>
            </thead>
            <tbody>
              {data.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthLabels[m.month - 1]?.long}</th>
                  {m.counts.map((n, i) => (
                    <td key={data.types[i]!.id}>{n}</td>
                  ))}
                  <td>{m.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('chart.total')}</th>
                {data.types.map((type, i) => (
                  <td key={type.id}>{data.months.reduce((sum, m) => sum + (m.counts[i] ?? 0), 0)}</td>
                ))}
                <td>{data.total}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </section>
  );
}
