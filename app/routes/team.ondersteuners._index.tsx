import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { formatDayNumber } from '~/domain/days';
import { themeLabel } from '~/domain/themes';
import { amsterdamYear } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { supporterOverview } from '~/services/oversight.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Ondersteuners', 'Supporters');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const lang = await getLanguage(request);
  const year = amsterdamYear(Date.now());
  const done = new URL(request.url).searchParams.get('klaar');
  return { lang, year, supporters: supporterOverview(getDb(), year), created: done === 'toegevoegd' };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCoordinator(request);
  throw new Response('Method Not Allowed', { status: 405 });
}

export default function SupportersPage() {
  const { lang, year, supporters, created } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1>{t('supporters.title')}</h1>
          <p className="mt-2">{t('supporters.intro', { year })}</p>
        </div>
        <Link to="/team/ondersteuners/nieuw" className="btn">
          {t('supporters.add')}
        </Link>
      </div>
      {created ? (
        <p role="status" className="notice">
          {t('supporters.created')}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="table">
          <caption className="sr-only">{t('supporters.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supporters.colName')}</th>
              <th scope="col">{t('supporters.colHome')}</th>
              <th scope="col">{t('supporters.colThemes')}</th>
              <th scope="col">{t('supporters.colPlanned')}</th>
              <th scope="col">{t('supporters.colUsed')}</th>
              <th scope="col">{t('supporters.colVisits')}</th>
              <th scope="col">{t('supporters.colActive')}</th>
            </tr>
          </thead>
          <tbody>
            {supporters.map((s) => (
              <tr key={s.supporterId} className={s.active ? undefined : 'bg-slate-50'}>
                <th scope="row" className="font-normal">
                  <Link to={`/team/ondersteuners/${s.supporterId}`} aria-label={t('supporters.edit', { name: s.name })} className="font-semibold">
                    {s.name}
                  </Link>
                  <span className="block text-xs text-slate-700">{s.email}</span>
                </th>
                <td>{s.homeRegionName ?? t('none')}</td>
                <td>
                  {s.themes.length === 0 ? (
                    t('none')
                  ) : (
                    <ul className="flex flex-wrap gap-1">
                      {s.themes.map((k) => (
                        <li key={k} className="badge">
                          {themeLabel(k, lang)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{formatDayNumber(s.plannedHalfDays, lang)}</td>
                <td>{formatDayNumber(s.usedHalfDays, lang)}</td>
                <td>
                  {s.plannedVisits} / {s.heldVisits}
                </td>
                <td>{s.active ? t('yes') : <span className="badge">{t('supporters.inactive')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
