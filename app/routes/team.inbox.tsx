import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { readOnlyAction, requireCoordinator } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { Age } from '~/components/triage-age';
import { formatDateTime, formatRange } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { DEFAULT_INBOX_FILTERS, INBOX_AGES, INBOX_SORTS, INBOX_STATUSES, type InboxFilters } from '~/components/triage-schemas';
import { inboxView } from '~/services/triage.server';
import { getDb } from '~db/client';
import { FilterSelect } from '~/components/filter-select';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Inbox', 'Inbox');

const optionalId = z.coerce.number().int().positive().max(2_147_483_647).nullable().catch(null);

/** Reads the filters from the query string; anything unknown falls back to the default. */
function parseFilters(params: URLSearchParams): InboxFilters {
  const value = (name: string) => params.get(name) || null;
  const age = Number(value('wacht'));
  return {
    status: z.enum(INBOX_STATUSES).catch(DEFAULT_INBOX_FILTERS.status).parse(value('status') ?? undefined),
    regionId: value('regio') === null ? null : optionalId.parse(value('regio')),
    supportTypeId: value('soort') === null ? null : optionalId.parse(value('soort')),
    minAgeDays: (INBOX_AGES as readonly number[]).includes(age) ? age : null,
    sort: z.enum(INBOX_SORTS).catch(DEFAULT_INBOX_FILTERS.sort).parse(value('volgorde') ?? undefined),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const now = Date.now();
  const filters = parseFilters(new URL(request.url).searchParams);
  const view = inboxView(getDb(), filters, now);
  return { ...view, filters, now, lang: await getLanguage(request) };
}

export default function Inbox() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('triage');
  const { lang, now, filters } = data;
  const typeName = (r: { typeNameNl: string; typeNameEn: string }) => (lang === 'nl' ? r.typeNameNl : r.typeNameEn);
  const summary = (w: typeof data.newest, field: 'at' | 'createdAt') =>
    w ? (
      <>
        <Link to={`/team/aanvragen/${w.requestId}`}>
          {w.kind === 'request' ? t('inbox.summaryRequest', { region: w.regionName }) : t('inbox.summaryQuestion', { region: w.regionName })}
        </Link>{' '}
        (<Age at={w[field]} now={now} lang={lang} />)
      </>
    ) : (
      t('inbox.nothingWaiting')
    );

  return (
    <div className="space-y-6">
      <div>
        <h1>{t('inbox.title')}</h1>
        <p className="mt-2 text-slate-700">{t('inbox.intro')}</p>
      </div>

      <section className="card" aria-labelledby="in-het-kort">
        <h2 id="in-het-kort">{t('inbox.summaryTitle')}</h2>
        <dl className="mt-3 grid gap-3 sm:grid-cols-2">
          <div className="rounded-md bg-brand-50 p-3">
            <dt className="text-sm font-semibold">{t('inbox.newest')}</dt>
            <dd>{summary(data.newest, 'createdAt')}</dd>
          </div>
          <div className="rounded-md bg-brand-50 p-3">
            <dt className="text-sm font-semibold">{t('inbox.oldest')}</dt>
            <dd>{summary(data.oldest, 'at')}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="filters">
        <h2 id="filters">{t('inbox.filtersTitle')}</h2>
        <Form method="get" className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <div>
            <label htmlFor="filter-status">{t('inbox.status')}</label>
            <select id="filter-status" name="status" defaultValue={filters.status} className="input mt-1" aria-describedby="filter-status-hint">
              {INBOX_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`inbox.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <FilterSelect
            id="filter-region"
            name="regio"
            label={t('inbox.region')}
            value={filters.regionId ?? ''}
            emptyLabel={t('inbox.allRegions')}
            options={data.regions.map((r) => ({ value: r.id, label: `${r.name} (${r.registrationNumber})` }))}
          />
          <FilterSelect
            id="filter-kind"
            name="soort"
            label={t('inbox.kind')}
            value={filters.supportTypeId ?? ''}
            emptyLabel={t('inbox.allKinds')}
            options={data.supportTypes.map((s) => ({ value: s.id, label: lang === 'nl' ? s.nameNl : s.nameEn }))}
          />
          <FilterSelect
            id="filter-age"
            name="wacht"
            label={t('inbox.age')}
            value={filters.minAgeDays ?? ''}
            emptyLabel={t('inbox.anyAge')}
            options={INBOX_AGES.map((days) => ({ value: days, label: t(`inbox.ages.${days}`) }))}
          />
          <FilterSelect
            id="filter-sort"
            name="volgorde"
            label={t('inbox.sort')}
            value={filters.sort}
            options={INBOX_SORTS.map((s) => ({ value: s, label: t(`inbox.sorts.${s}`) }))}
          />
          <p id="filter-status-hint" className="text-sm text-slate-700 sm:col-span-2 lg:col-span-5">
            {t('inbox.statusHint')}
          </p>
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-5">
            <button type="submit" className="btn">
              {t('inbox.apply')}
            </button>
            <Link to="/team/inbox">{t('inbox.reset')}</Link>
          </div>
        </Form>
      </section>

      <section aria-labelledby="vragen" className="card">
        <h2 id="vragen">{t('inbox.questionsTitle', { count: data.questions.length })}</h2>
        {data.questions.length === 0 ? (
          <p className="mt-2">{t('inbox.noQuestions')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('inbox.columns.request')}</th>
                  <th scope="col">{t('inbox.columns.asked')}</th>
                  <th scope="col">{t('inbox.columns.region')}</th>
                  <th scope="col">{t('inbox.columns.question')}</th>
                  <th scope="col">{t('inbox.columns.visit')}</th>
                  <th scope="col">{t('inbox.columns.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {data.questions.map((q) => (
                  <tr key={q.id}>
                    <td>
                      <Link to={`/team/aanvragen/${q.requestId}`}>{t('inbox.requestLink', { id: q.requestId })}</Link>
                    </td>
                    <td>
                      <Age at={q.createdAt} now={now} lang={lang} />
                    </td>
                    <td>
                      {q.regionName} ({q.registrationNumber})
                    </td>
                    <td>{t(`questionKinds.${q.kind}`)}</td>
                    <td>
                      {q.visitStartsAt !== null && q.visitEndsAt !== null ? formatRange(q.visitStartsAt, q.visitEndsAt, lang) : '–'}
                      {q.proposedStartsAt !== null && q.proposedEndsAt !== null ? (
                        <span className="block text-slate-700">
                          {t('inbox.columns.proposed')}: {formatRange(q.proposedStartsAt, q.proposedEndsAt, lang)}
                        </span>
                      ) : null}
                    </td>
                    <td className="max-w-xs">{q.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="aanvragen" className="card">
        <h2 id="aanvragen">{t('inbox.requestsTitle', { count: data.requests.length })}</h2>
        {data.truncated ? <p className="notice mt-2">{t('inbox.truncated', { count: data.requests.length })}</p> : null}
        {data.requests.length === 0 ? (
          <p className="mt-2">{t('inbox.noRequests')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('inbox.columns.request')}</th>
                  <th scope="col">{t('inbox.columns.submitted')}</th>
                  <th scope="col">{t('inbox.columns.waiting')}</th>
                  <th scope="col">{t('inbox.columns.region')}</th>
                  <th scope="col">{t('inbox.columns.kind')}</th>
                  <th scope="col">{t('inbox.columns.status')}</th>
                  <th scope="col">{t('inbox.columns.supporter')}</th>
                </tr>
              </thead>
              <tbody>
                {data.requests.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/team/aanvragen/${r.id}`}>{t('inbox.requestLink', { id: r.id })}</Link>
                    </td>
                    <td>
                      <span className="block">{formatDateTime(r.createdAt, lang)}</span>
                    </td>
                    <td>{r.status === 'submitted' || r.status === 'accepted' ? <Age at={r.waitingSince} now={now} lang={lang} /> : '–'}</td>
                    <td>
                      {r.regionName} ({r.registrationNumber})
                    </td>
                    <td>{typeName(r)}</td>
                    <td>
                      <span className="badge">{t(`statuses.${r.status}`)}</span>
                      {r.openQuestions > 0 ? <span className="mt-1 block text-slate-700">{t('inbox.openQuestions', { count: r.openQuestions })}</span> : null}
                    </td>
                    <td>
                      {r.supporterName ?? t('inbox.nobody')}
                      {r.supporterName && r.assignmentStatus ? (
                        <span className="block text-slate-700">{t(`assignmentStatuses.${r.assignmentStatus}`)}</span>
                      ) : null}
                    </td>
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

export const action = readOnlyAction('coordinator');
