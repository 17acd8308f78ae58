import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { DaysBar } from '~/components/admin-days-bar';
import { parseChoice } from '~/components/admin-params';
import { pageTitle } from '~/components/meta';
import { THEMES, THEME_KEYS } from '~/domain/themes';
import { amsterdamYear } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { DAYS_LEFT_FILTERS, REGION_SORTS } from '~/domain/oversight';
import { regionsOverview } from '~/services/oversight.server';
import { getDb } from '~db/client';
import { PLAN_STATUSES } from '~db/schema';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Regio’s', 'Regions');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const lang = await getLanguage(request);
  const params = new URL(request.url).searchParams;
  const year = amsterdamYear(Date.now());
  const filters = {
    province: (params.get('provincie') ?? '').slice(0, 100) || undefined,
    planStatus: parseChoice(params.get('status'), PLAN_STATUSES),
    theme: parseChoice(params.get('speerpunt'), THEME_KEYS),
    daysLeft: parseChoice(params.get('dagen'), DAYS_LEFT_FILTERS),
    sort: parseChoice(params.get('sorteer'), REGION_SORTS),
  };
  const overview = regionsOverview(getDb(), year, filters);
  return {
    lang,
    year,
    filters,
    provinces: overview.provinces,
    total: overview.total,
    rows: overview.rows.map((r) => ({
      id: r.regionId,
      name: r.regionName,
      registrationNumber: r.registrationNumber,
      province: r.province,
      planStatus: r.planStatus,
      allotted: r.allotted,
      planned: r.planned,
      used: r.used,
      remaining: r.remaining,
      criticalFriendUsed: r.criticalFriendUsed,
      criticalFriendCap: r.criticalFriendCap,
      openRequests: r.openRequests,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCoordinator(request);
  throw new Response('Method Not Allowed', { status: 405 });
}

export default function RegionsOverview() {
  const { lang, year, filters, provinces, total, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('regions.title')}</h1>
        <p className="mt-2">{t('regions.intro', { year })}</p>
      </div>

      <section aria-labelledby="filters" className="card">
        <h2 id="filters">{t('regions.filtersTitle')}</h2>
        <Form method="get" className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="provincie">{t('regions.province')}</label>
            <select id="provincie" name="provincie" defaultValue={filters.province ?? ''} className="input mt-1">
              <option value="">{t('regions.allProvinces')}</option>
              {provinces.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="status">{t('regions.planStatus')}</label>
            <select id="status" name="status" defaultValue={filters.planStatus ?? ''} className="input mt-1">
              <option value="">{t('regions.allStatuses')}</option>
              {PLAN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`planStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="speerpunt">{t('regions.theme')}</label>
            <p id="speerpunt-hint" className="text-sm text-slate-700">
              {t('regions.themeHint')}
            </p>
            <select id="speerpunt" name="speerpunt" defaultValue={filters.theme ?? ''} aria-describedby="speerpunt-hint" className="input mt-1">
              <option value="">{t('regions.allThemes')}</option>
              {THEMES.map((theme) => (
                <option key={theme.key} value={theme.key}>
                  {theme[lang]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="dagen">{t('regions.daysLeft')}</label>
            <select id="dagen" name="dagen" defaultValue={filters.daysLeft ?? ''} className="input mt-1">
              <option value="">{t('regions.daysLeftAny')}</option>
              {DAYS_LEFT_FILTERS.map((d) => (
                <option key={d} value={d}>
                  {t(`regions.daysLeftOptions.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="sorteer">{t('regions.sort')}</label>
            <select id="sorteer" name="sorteer" defaultValue={filters.sort ?? 'number'} className="input mt-1">
              {REGION_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`regions.sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-end gap-3">
            <button type="submit" className="btn">
              {t('show')}
            </button>
            <Link to="/team/regios" className="btn-secondary">
              {t('resetFilters')}
            </Link>
          </div>
        </Form>
      </section>

      <section aria-labelledby="lijst">
        <h2 id="lijst" className="sr-only">
          {t('regions.caption', { year })}
        </h2>
        <p role="status" className="font-medium">
          {t('regions.count', { shown: rows.length, total })}
        </p>
        {rows.length === 0 ? (
          <p className="notice mt-3">{t('regions.noMatch')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="table">
              <caption className="sr-only">{t('regions.caption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('regions.colRegion')}</th>
                  <th scope="col">{t('regions.colProvince')}</th>
                  <th scope="col">{t('regions.colPlanStatus')}</th>
                  <th scope="col">{t('regions.colDays', { year })}</th>
                  <th scope="col">{t('regions.colCriticalFriend')}</th>
                  <th scope="col">{t('regions.colOpen')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="font-normal">
                      <Link to={`/team/regios/${r.id}`} className="font-semibold">
                        {r.name}
                      </Link>
                      <span className="block text-xs text-slate-700">{r.registrationNumber}</span>
                    </th>
                    <td>{r.province}</td>
                    <td>{t(`planStatus.${r.planStatus}`)}</td>
                    <td>
                      <DaysBar figures={r} lang={lang} compact />
                    </td>
                    <td>
                      {r.criticalFriendCap === null
                        ? t('regions.noCap', { used: r.criticalFriendUsed })
                        : t('regions.criticalFriendOf', { used: r.criticalFriendUsed, cap: r.criticalFriendCap })}
                    </td>
                    <td>{r.openRequests}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
