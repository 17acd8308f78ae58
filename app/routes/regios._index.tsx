import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '~/components/filter-select';
import { pageTitle } from '~/components/meta';
import { RegionMap } from '~/components/region-map';
import { parseMapFilters, PUBLIC_PLAN_STATUSES } from '~/domain/public-regions';
import { THEMES } from '~/domain/themes';
import { provinceShapes } from '~/geo/national-map.server';
import { getLanguage } from '~/i18n/i18n.server';
import { publicMap, publicProvinces } from '~/services/public-regions.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Regio’s in beeld', 'Regions at a glance');

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const db = getDb();
  const provinces = publicProvinces(db);
  const filters = parseMapFilters(new URL(request.url).searchParams, provinces);
  const { regions, total } = publicMap(db, filters);
  return {
    lang,
    filters,
    provinces,
    total,
    shapes: provinceShapes(),
    regions: regions.map((r) => ({ id: r.id, number: r.registrationNumber, name: r.name, province: r.province, point: r.point })),
  };
}

export default function RegionsInView() {
  const { lang, filters, provinces, total, shapes, regions } = useLoaderData<typeof loader>();
  const { t } = useTranslation('map');
  const filtered = Boolean(filters.theme || filters.province || filters.planStatus);
  const markers = regions.flatMap((r) =>
    r.point
      ? [{ id: r.id, ...r.point, href: `/regios/${r.number}`, label: t('markerLabel', { name: r.name, number: r.number, province: r.province }) }]
      : [],
  );
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('title')}</h1>
        <p className="mt-2 max-w-3xl">{t('intro')}</p>
      </div>

      <section aria-labelledby="kaart-filters" className="card">
        <h2 id="kaart-filters">{t('filtersTitle')}</h2>
        <Form method="get" className="mt-3 grid gap-4 sm:grid-cols-3">
          <FilterSelect
            id="speerpunt"
            name="speerpunt"
            label={t('theme')}
            value={filters.theme}
            emptyLabel={t('allThemes')}
            options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
          />
          <FilterSelect
            id="provincie"
            name="provincie"
            label={t('province')}
            value={filters.province}
            emptyLabel={t('allProvinces')}
            options={provinces.map((p) => ({ value: p, label: p }))}
          />
          <FilterSelect
            id="status"
            name="status"
            label={t('planStatus')}
            value={filters.planStatus}
            emptyLabel={t('allStatuses')}
            options={PUBLIC_PLAN_STATUSES.map((s) => ({ value: s, label: t(`planStatusName.${s}`) }))}
          />
          <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
            <button type="submit" className="btn">
              {t('show')}
            </button>
            {filtered ? <Link to="/regios">{t('reset')}</Link> : null}
          </div>
        </Form>
      </section>

      <p role="status" className="font-semibold">
        {t('count', { count: regions.length, total })}
      </p>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <RegionMap
          shapes={shapes}
          markers={markers}
          title={t('mapTitle', { count: markers.length })}
          insetLabel={t('insetLabel')}
          titleId="kaart-titel"
        />
        <section aria-labelledby="kaart-lijst">
          <h2 id="kaart-lijst">{t('listTitle')}</h2>
          {regions.length === 0 ? (
            <p className="mt-3">{t('none')}</p>
          ) : (
            <ul className="mt-3 space-y-1" data-testid="region-list">
              {regions.map((r) => (
                <li key={r.id}>
                  <Link to={`/regios/${r.number}`}>{r.name}</Link> <span className="text-sm text-slate-700">({r.province})</span>
                  {r.point ? null : <span className="text-sm text-slate-700">, {t('notOnMap')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
