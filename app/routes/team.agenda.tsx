import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { parseChoice, parseId } from '~/components/admin-params';
import { pageTitle } from '~/components/meta';
import { amsterdamDate, formatDate, formatRange, formatTime, ZONE, type Lang } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { CALENDAR_VIEWS, calendarPeriod, type CalendarView } from '~/domain/oversight';
import { feedUrl, replaceFeed } from '~/services/feeds.server';
import { calendarVisits, filterOptions } from '~/services/oversight.server';
import { getDb } from '~db/client';
import { FilterSelect } from '~/components/filter-select';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Agenda', 'Calendar');

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const lang = await getLanguage(request);
  const params = new URL(request.url).searchParams;
  const now = Date.now();
  const view: CalendarView = parseChoice(params.get('view'), CALENDAR_VIEWS) ?? 'month';
  const period = calendarPeriod(view, params.get('date'), now);
  const filters = {
    supporterId: parseId(params.get('ondersteuner')) ?? undefined,
    regionId: parseId(params.get('regio')) ?? undefined,
    supportTypeId: parseId(params.get('soort')) ?? undefined,
    includeCancelled: params.get('geannuleerd') === '1',
  };
  const db = getDb();
  const visits = calendarVisits(db, period.from, period.to, filters);

  const gridStart = DateTime.fromISO(period.gridStart, { zone: ZONE });
  const today = amsterdamDate(now);
  const days = Array.from({ length: period.gridDays }, (_, i) => {
    const d = gridStart.plus({ days: i });
    const iso = d.toISODate()!;
    return { iso, day: d.day, inPeriod: d.toFormat('yyyy-MM') === period.month || view === 'week', isToday: iso === today, label: formatDate(d.toMillis(), lang) };
  });
  const weekdays = Array.from({ length: 7 }, (_, i) => {
    const d = gridStart.plus({ days: i }).setLocale(LOCALE[lang]);
    return { long: d.toFormat('cccc'), short: d.toFormat('ccc') };
  });
  const anchor = DateTime.fromMillis(period.from, { zone: ZONE }).setLocale(LOCALE[lang]);
  const lastDay = DateTime.fromMillis(period.to - 1, { zone: ZONE });
  return {
    lang,
    view,
    period,
    filters,
    title: view === 'week' ? null : anchor.toFormat('LLLL yyyy'),
    week: view === 'week' ? { number: anchor.weekNumber, from: formatDate(period.from, lang), to: formatDate(lastDay.toMillis(), lang) } : null,
    days,
    weekdays,
    todayParam: view === 'week' ? today : today.slice(0, 7),
    visits: visits.map((v) => ({ ...v, day: amsterdamDate(v.startsAt) })),
    options: filterOptions(db),
  };
}

/** The one thing to post here: a new calendar link for the team (all visits); the old one stops working. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCoordinator(request);
  const form = await request.formData();
  if (form.get('intent') !== 'feed') throw new Response('Bad Request', { status: 400 });
  const token = replaceFeed(getDb(), { ownerKind: 'team', ownerId: 0, actorUserId: user.id, now: Date.now() });
  return { feedUrl: feedUrl(token) };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Visit = Data['visits'][number];

export default function CalendarPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const { lang, view, period, filters, options } = data;

  const query = (changes: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const values: Record<string, string | undefined> = {
      view,
      date: period.date,
      ondersteuner: filters.supporterId?.toString(),
      regio: filters.regionId?.toString(),
      soort: filters.supportTypeId?.toString(),
      geannuleerd: filters.includeCancelled ? '1' : undefined,
      ...changes,
    };
    for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
    return `/team/agenda?${p}`;
  };
  const heading = data.week ? t('calendar.weekTitle', { week: data.week.number, from: data.week.from, to: data.week.to }) : data.title!;

  return (
    <div className="space-y-6">
      <div>
        <h1>{t('calendar.title')}</h1>
        <p className="mt-2">{t('calendar.intro')}</p>
      </div>

      <nav aria-label={t('calendar.viewsLabel')}>
        <ul className="flex flex-wrap gap-2">
          {CALENDAR_VIEWS.map((v) => (
            <li key={v}>
              <Link
                to={query({ view: v, date: v === 'week' ? (view === 'week' ? period.date : `${period.month}-01`) : period.month })}
                aria-current={v === view ? 'page' : undefined}
                className={v === view ? 'btn' : 'btn-secondary'}
              >
                {t(`calendar.views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="agenda-filters" className="card">
        <h2 id="agenda-filters">{t('calendar.filtersTitle')}</h2>
        <Form method="get" className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <input type="hidden" name="view" value={view} />
          <input type="hidden" name="date" value={period.date} />
          <FilterSelect
            id="ondersteuner"
            name="ondersteuner"
            label={t('calendar.supporter')}
            value={filters.supporterId ?? ''}
            emptyLabel={t('calendar.allSupporters')}
            options={options.supporters.map((s) => ({ value: s.id, label: s.active ? s.name : t('calendar.inactive', { name: s.name }) }))}
          />
          <FilterSelect
            id="regio"
            name="regio"
            label={t('calendar.region')}
            value={filters.regionId ?? ''}
            emptyLabel={t('calendar.allRegions')}
            options={options.regions.map((r) => ({ value: r.id, label: `${r.name} (${r.registrationNumber})` }))}
          />
          <FilterSelect
            id="soort"
            name="soort"
            label={t('calendar.kind')}
            value={filters.supportTypeId ?? ''}
            emptyLabel={t('calendar.allKinds')}
            options={options.types.map((k) => ({ value: k.id, label: lang === 'en' ? k.nameEn : k.nameNl }))}
          />
          <div className="flex items-center gap-2 self-end pb-2">
            <input type="checkbox" id="geannuleerd" name="geannuleerd" value="1" defaultChecked={filters.includeCancelled} className="size-4" />
            <label htmlFor="geannuleerd" className="font-normal">
              {t('calendar.showCancelled')}
            </label>
          </div>
          <div className="flex gap-3 sm:col-span-2 lg:col-span-4">
            <button type="submit" className="btn">
              {t('show')}
            </button>
            <Link to={`/team/agenda?view=${view}&date=${period.date}`} className="btn-secondary">
              {t('resetFilters')}
            </Link>
          </div>
        </Form>
      </section>

      <section aria-labelledby="periode" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="periode" className="first-letter:uppercase">
            {heading}
          </h2>
          <nav aria-label={t('calendar.periodNav')}>
            <ul className="flex flex-wrap gap-2">
              <li>
                <Link to={query({ date: period.prev })} className="btn-secondary" rel="prev">
                  {view === 'week' ? t('calendar.prevWeek') : t('calendar.prevMonth')}
                </Link>
              </li>
              <li>
                <Link to={query({ date: data.todayParam })} className="btn-secondary">
                  {t('calendar.today')}
                </Link>
              </li>
              <li>
                <Link to={query({ date: period.next })} className="btn-secondary" rel="next">
                  {view === 'week' ? t('calendar.nextWeek') : t('calendar.nextMonth')}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
        <p role="status">{t('calendar.count', { count: data.visits.length })}</p>
        {view === 'month' ? <MonthGrid data={data} heading={heading} /> : null}
        {view === 'week' ? <WeekView data={data} /> : null}
        {view === 'list' ? <ListView data={data} heading={heading} /> : null}
      </section>
      <TeamFeed />
    </div>
  );
}

/** The team's private calendar link (every visit), shown once when it is made. */
function TeamFeed() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  return (
    <section aria-labelledby="team-feed" className="card">
      <h2 id="team-feed">{t('calendar.feedTitle')}</h2>
      <p className="mt-2">{t('calendar.feedText')}</p>
      {actionData?.feedUrl ? (
        <div className="mt-3" role="status">
          <p>{t('calendar.feedReady')}</p>
          <p className="mt-1 break-all rounded bg-slate-100 p-2 font-mono text-sm">{actionData.feedUrl}</p>
        </div>
      ) : null}
      <Form method="post" className="mt-3">
        <input type="hidden" name="intent" value="feed" />
        <button type="submit" className="btn-secondary">
          {t('calendar.feedButton')}
        </button>
      </Form>
    </section>
  );
}

function VisitLink({ visit, lang, withDate = false }: { visit: Visit; lang: Lang; withDate?: boolean }) {
  const { t } = useTranslation('admin');
  const cancelled = visit.status === 'cancelled';
  const label = t('calendar.visitLabel', {
    time: withDate ? formatRange(visit.startsAt, visit.endsAt, lang) : `${formatTime(visit.startsAt, lang)}–${formatTime(visit.endsAt, lang)}`,
    region: visit.regionName,
    supporter: visit.supporterName,
  });
  return (
    <Link to={`/team/aanvragen/${visit.requestId}`} className={cancelled ? 'line-through' : undefined}>
      {label}
      <span className="block text-xs text-slate-700 no-underline">
        {lang === 'en' ? visit.typeNameEn : visit.typeNameNl}
        {cancelled ? ` (${t('calendar.cancelled')})` : ''}
      </span>
    </Link>
  );
}

function groupByDay(visits: Visit[]): Map<string, Visit[]> {
  const map = new Map<string, Visit[]>();
  for (const v of visits) map.set(v.day, [...(map.get(v.day) ?? []), v]);
  return map;
}

function MonthGrid({ data, heading }: { data: Data; heading: string }) {
  const { t } = useTranslation('admin');
  const byDay = groupByDay(data.visits);
  const weeks = Array.from({ length: data.days.length / 7 }, (_, w) => data.days.slice(w * 7, w * 7 + 7));
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] table-fixed border-collapse text-sm">
        <caption className="sr-only">{t('calendar.monthCaption', { month: heading })}</caption>
        <thead>
          <tr>
            {data.weekdays.map((d) => (
              <th key={d.long} scope="col" className="border border-slate-300 bg-slate-100 px-2 py-1 text-left font-semibold">
                <abbr title={d.long} className="no-underline">
                  {d.short}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.iso}>
              {week.map((day) => {
                const list = day.inPeriod ? (byDay.get(day.iso) ?? []) : [];
                return (
                  <td
                    key={day.iso}
                    className={`h-24 border border-slate-300 p-1 align-top ${day.inPeriod ? 'bg-white' : 'bg-slate-100 text-slate-700'} ${day.isToday ? 'outline-2 -outline-offset-2 outline-brand-600' : ''}`}
                  >
                    <span className="font-semibold">
                      <span aria-hidden="true">{day.day}</span>
                      <span className="sr-only">{day.label}</span>
                    </span>
                    {list.length > 0 ? (
                      <ul className="mt-1 space-y-1">
                        {list.map((v) => (
                          <li key={v.id}>
                            <VisitLink visit={v} lang={data.lang} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WeekView({ data }: { data: Data }) {
  const { t } = useTranslation('admin');
  const byDay = groupByDay(data.visits);
  return (
    <ol className="grid gap-3 md:grid-cols-7">
      {data.days.map((day) => {
        const list = byDay.get(day.iso) ?? [];
        return (
          <li key={day.iso} className={`rounded-md border p-2 ${day.isToday ? 'border-brand-600 border-2' : 'border-slate-300'} bg-white`}>
            <h3 className="text-base first-letter:uppercase">{day.label}</h3>
            {list.length === 0 ? (
              <p className="mt-1 text-sm text-slate-700">{t('calendar.noVisitsDay')}</p>
            ) : (
              <ul className="mt-1 space-y-2 text-sm">
                {list.map((v) => (
                  <li key={v.id}>
                    <VisitLink visit={v} lang={data.lang} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function ListView({ data, heading }: { data: Data; heading: string }) {
  const { t } = useTranslation('admin');
  if (data.visits.length === 0) return <p className="notice">{t('calendar.noVisits')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">{t('calendar.listCaption', { period: heading })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.colWhen')}</th>
            <th scope="col">{t('calendar.colRegion')}</th>
            <th scope="col">{t('calendar.colKind')}</th>
            <th scope="col">{t('calendar.colSupporter')}</th>
            <th scope="col">{t('calendar.colStatus')}</th>
            <th scope="col">{t('calendar.colRequest')}</th>
          </tr>
        </thead>
        <tbody>
          {data.visits.map((v) => (
            <tr key={v.id}>
              <td>{formatRange(v.startsAt, v.endsAt, data.lang)}</td>
              <td>
                <Link to={`/team/regios/${v.regionId}`}>{v.regionName}</Link>
              </td>
              <td>{data.lang === 'en' ? v.typeNameEn : v.typeNameNl}</td>
              <td>{v.supporterName}</td>
              <td>{t(`visitStatus.${v.status}`)}</td>
              <td>
                <Link to={`/team/aanvragen/${v.requestId}`}>{t('requestLink', { id: v.requestId })}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
