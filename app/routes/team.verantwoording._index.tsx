import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { monthNames, parseYear } from '~/components/admin-params';
import { VisitsChart } from '~/components/admin-visits-chart';
import { pageTitle } from '~/components/meta';
import { formatHalfDays } from '~/domain/days';
import { amsterdamYear } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { regionsReport, selectableYears, visitsPerMonthByKind } from '~/services/oversight.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Verantwoording', 'Accountability');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const lang = await getLanguage(request);
  const now = Date.now();
  const db = getDb();
  const year = parseYear(new URL(request.url).searchParams.get('jaar'), amsterdamYear(now));
  const report = regionsReport(db, year);
  const sum = (pick: (r: (typeof report.rows)[number]) => number) => report.rows.reduce((n, r) => n + pick(r), 0);
  return {
    lang,
    year,
    years: selectableYears(db, now),
    totals: {
      allotted: sum((r) => r.allotted),
      planned: sum((r) => r.planned),
      used: sum((r) => r.used),
      remaining: sum((r) => r.remaining),
      visits: sum((r) => r.visitsByType.reduce((a, b) => a + b, 0)),
      minutes: sum((r) => r.minutesSpent),
      regionsWithVisits: report.rows.filter((r) => r.visitsByType.some((n) => n > 0)).length,
    },
    chart: visitsPerMonthByKind(db, year),
    monthLabels: monthNames(lang),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCoordinator(request);
  throw new Response('Method Not Allowed', { status: 405 });
}

export default function AccountabilityPage() {
  const { lang, year, years, totals, chart, monthLabels } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const hours = (minutes: number) => (Math.round((minutes / 60) * 100) / 100).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL');
  const figures: Array<[string, string]> = [
    [t('accountability.totalAllotted'), formatHalfDays(totals.allotted, lang)],
    [t('accountability.totalPlanned'), formatHalfDays(totals.planned, lang)],
    [t('accountability.totalUsed'), formatHalfDays(totals.used, lang)],
    [t('accountability.totalRemaining'), formatHalfDays(totals.remaining, lang)],
    [t('accountability.totalVisits'), String(totals.visits)],
    [t('accountability.totalHours'), hours(totals.minutes)],
    [t('accountability.regionsWithVisits'), String(totals.regionsWithVisits)],
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('accountability.title')}</h1>
        <p className="mt-2">{t('accountability.intro')}</p>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="jaar">{t('accountability.yearLabel')}</label>
          <select id="jaar" name="jaar" defaultValue={year} className="input mt-1">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('accountability.chooseYear')}
        </button>
      </Form>

      <section aria-labelledby="downloads" className="card">
        <h2 id="downloads">{t('accountability.downloadsTitle', { year })}</h2>
        <ul className="mt-3 space-y-4">
          <li>
            <a href={`/team/verantwoording/regios.csv?jaar=${year}`} download className="font-semibold" aria-describedby="regios-csv-hint">
              {t('accountability.regionsCsv', { year })}
            </a>
            <p id="regios-csv-hint" className="text-sm text-slate-700">
              {t('accountability.regionsCsvHint')}
            </p>
          </li>
          <li>
            <a href={`/team/verantwoording/bezoeken.csv?jaar=${year}`} download className="font-semibold" aria-describedby="bezoeken-csv-hint">
              {t('accountability.visitsCsv', { year })}
            </a>
            <p id="bezoeken-csv-hint" className="text-sm text-slate-700">
              {t('accountability.visitsCsvHint')}
            </p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="totalen" className="card">
        <h2 id="totalen">{t('accountability.totalsTitle', { year })}</h2>
        <table className="table mt-3 max-w-xl">
          <caption className="sr-only">{t('accountability.totalsCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accountability.colFigure')}</th>
              <th scope="col">{t('accountability.colValue')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className="font-normal">
                  {label}
                </th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <VisitsChart data={chart} monthLabels={monthLabels} lang={lang} />
    </div>
  );
}
