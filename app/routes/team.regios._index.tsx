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
import { FilterSelect } from '~/components/filter-select';

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
  const { t: tImport } = useTranslation('regionImport');
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('regions.title')}</h1>
        <p className="mt-2">{t('regions.intro', { year })}</p>
        <p className="mt-2">
          <Link to="/team/regios/importeren">{tImport('link')}</Link>
        </p>
      </div>

      <section aria-labelledby="filters" className="card">
        <h2 id="filters">{t('regions.filtersTitle')}</h2>
        <Form method="get" className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <FilterSelect
            id="provincie"
            name="provincie"
            label={t('regions.province')}
            value={filters.province ?? ''}
            emptyLabel={t('regions.allProvinces')}
            options={provinces.map((p) => ({ value: p, label: p }))}
          />
          <FilterSelect
            id="status"
            name="status"
            label={t('regions.planStatus')}
            value={filters.planStatus ?? ''}
            emptyLabel={t('regions.allStatuses')}
            options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`planStatus.${s}`) }))}
          />
          <FilterSelect
            id="speerpunt"
            name="speerpunt"
            label={t('regions.theme')}
            value={filters.theme ?? ''}
            emptyLabel={t('regions.allThemes')}
            hint={t('regions.themeHint')}
            options={THEMES.map((theme) => ({ value: theme.key, label: theme[lang] }))}
          />
          <FilterSelect
            id="dagen"
            name="dagen"
            label={t('regions.daysLeft')}
            value={filters.daysLeft ?? ''}
            emptyLabel={t('regions.daysLeftAny')}
            options={DAYS_LEFT_FILTERS.map((d) => ({ value: d, label: t(`regions.daysLeftOptions.${d}`) }))}
          />
          <FilterSelect
            id="sorteer"
            name="sorteer"
            label={t('regions.sort')}
            value={filters.sort ?? 'number'}
            options={REGION_SORTS.map((s) => ({ value: s, label: t(`regions.sorts.${s}`) }))}
          />
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
