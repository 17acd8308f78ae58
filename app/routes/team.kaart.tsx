import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { parseChoice } from '~/components/admin-params';
import { FilterSelect } from '~/components/filter-select';
import { pageTitle } from '~/components/meta';
import { RegionMap } from '~/components/region-map';
import { formatDayNumber } from '~/domain/days';
import { criticalFriendTone, daysTone, TEAM_MAP_COLOURINGS, type Tone } from '~/domain/public-regions';
import { THEMES, THEME_KEYS } from '~/domain/themes';
import { amsterdamYear } from '~/domain/time';
import { provinceShapes } from '~/geo/national-map.server';
import { getLanguage } from '~/i18n/i18n.server';
import { allProvinces, teamMap } from '~/services/public-regions.server';
import { getDb } from '~db/client';
import { PLAN_STATUSES } from '~db/schema';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Kaart van de regio’s', 'Map of the regions');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const lang = await getLanguage(request);
  const db = getDb();
  const params = new URL(request.url).searchParams;
  const provinces = allProvinces(db);
  const province = params.get('provincie') ?? '';
  const filters = {
    theme: parseChoice(params.get('speerpunt'), THEME_KEYS),
    province: provinces.includes(province) ? province : undefined,
    planStatus: parseChoice(params.get('status'), PLAN_STATUSES),
  };
  const colouring = parseChoice(params.get('kleur'), TEAM_MAP_COLOURINGS) ?? 'days';
  const year = amsterdamYear(Date.now());
  const regions = teamMap(db, year, filters as Parameters<typeof teamMap>[2]);
  return {
    lang,
    year,
    filters,
    colouring,
    provinces,
    shapes: provinceShapes(),
    regions: regions.map((r) => ({
      id: r.id,
      number: r.registrationNumber,
      name: r.name,
      point: r.point,
      remaining: r.remaining,
      allotted: r.allotted,
      criticalFriendUsed: r.criticalFriendUsed,
      criticalFriendCap: r.criticalFriendCap,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCoordinator(request);
  throw new Response('Method Not Allowed', { status: 405 });
}

const TONE_CLASS: Record<Tone, string> = {
  full: 'bg-[#0b5c8a]',
  some: 'bg-[#b45309]',
  low: 'bg-[#b45309]',
  none: 'bg-[#b91c1c]',
};

export default function TeamMap() {
  const { lang, year, filters, colouring, provinces, shapes, regions } = useLoaderData<typeof loader>();
  const { t } = useTranslation('map');
  const { t: ta } = useTranslation('admin');
  const rows = regions.map((r) => {
    const tone = colouring === 'days' ? daysTone(r.remaining) : criticalFriendTone(r.criticalFriendUsed, r.criticalFriendCap);
    const figure =
      colouring === 'days'
        ? t('team.daysLeft', { days: formatDayNumber(r.remaining, lang), allotted: formatDayNumber(r.allotted, lang) })
        : r.criticalFriendCap === null
          ? t('team.criticalFriendUsedNoCap', { used: r.criticalFriendUsed })
          : t('team.criticalFriendUsed', { used: r.criticalFriendUsed, cap: r.criticalFriendCap });
    return { ...r, tone, figure };
  });
  const markers = rows.flatMap((r) =>
    r.point
      ? [{ id: r.id, ...r.point, tone: r.tone, href: `/team/regios/${r.id}`, label: t('team.markerLabel', { name: r.name, number: r.number, figure: r.figure }) }]
      : [],
  );
  const legendTones: Tone[] = colouring === 'days' ? ['full', 'low', 'none'] : ['full', 'some', 'none'];
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('team.title')}</h1>
        <p className="mt-2">{t('team.intro', { year })}</p>
      </div>
      <section aria-labelledby="team-kaart-filters" className="card">
        <h2 id="team-kaart-filters">{t('filtersTitle')}</h2>
        <Form method="get" className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect
            id="kleur"
            name="kleur"
            label={t('team.colouring')}
            value={colouring}
            options={TEAM_MAP_COLOURINGS.map((c) => ({ value: c, label: t(`team.colourings.${c}`, { year }) }))}
          />
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
            emptyLabel={t('team.allStatuses')}
            options={PLAN_STATUSES.map((s) => ({ value: s, label: ta(`planStatus.${s}`) }))}
          />
          <div className="sm:col-span-2 lg:col-span-4">
            <button type="submit" className="btn">
              {t('show')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="legenda">
        <h2 id="legenda" className="text-base">
          {t('team.legendTitle')}
        </h2>
        <ul className="mt-2 flex flex-wrap gap-4 text-sm">
          {legendTones.map((tone) => (
            <li key={tone} className="flex items-center gap-2">
              <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-full ${TONE_CLASS[tone]}`} />
              {t(`team.legend.${colouring}.${tone}`)}
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <RegionMap shapes={shapes} markers={markers} title={t('mapTitle', { count: markers.length })} insetLabel={t('insetLabel')} titleId="team-kaart-titel" />
        <section aria-labelledby="team-kaart-lijst">
          <h2 id="team-kaart-lijst">{t('listTitle')}</h2>
          {rows.length === 0 ? (
            <p className="mt-3">{t('none')}</p>
          ) : (
            <ul className="mt-3 space-y-1 text-sm">
              {rows.map((r) => (
                <li key={r.id}>
                  <Link to={`/team/regios/${r.id}`}>{r.name}</Link> ({r.number}): {r.figure}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
