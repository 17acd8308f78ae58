import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { monthNames } from '~/components/admin-params';
import { VisitsChart } from '~/components/admin-visits-chart';
import { pageTitle } from '~/components/meta';
import { amsterdamYear } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { suspectedFloods } from '~/services/flood-watch.server';
import { attentionCounts, visitsPerMonthByKind } from '~/services/oversight.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Overzicht', 'Overview');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCoordinator(request);
  const lang = await getLanguage(request);
  const db = getDb();
  const now = Date.now();
  return {
    name: user.name,
    lang,
    attention: attentionCounts(db, now),
    chart: visitsPerMonthByKind(db, amsterdamYear(now)),
    monthLabels: monthNames(lang),
    floods: suspectedFloods(db, now),
  };
}

/** No form posts here; the guard still answers first. */
export async function action({ request }: ActionFunctionArgs) {
  await requireCoordinator(request);
  throw new Response('Method Not Allowed', { status: 405 });
}

export default function TeamStart() {
  const { name, lang, attention, chart, monthLabels, floods } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const { t: ts } = useTranslation('security');
  const items = [
    { label: t('start.newRequests'), count: attention.newRequests, to: '/team/inbox?status=submitted', link: t('start.newRequestsLink') },
    { label: t('start.openQuestions'), count: attention.openQuestions, to: '/team/inbox#vragen', link: t('start.openQuestionsLink') },
    { label: t('start.visitsThisWeek'), count: attention.visitsThisWeek, to: '/team/agenda?view=week', link: t('start.visitsThisWeekLink') },
    { label: t('start.failedEmails'), count: attention.failedEmails, to: '/team/berichten?status=failed', link: t('start.failedEmailsLink') },
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('start.title', { name })}</h1>
        <p className="mt-2">{t('start.intro')}</p>
      </div>
      {floods.length > 0 ? (
        <section aria-labelledby="misbruik" className="card border-red-700">
          <h2 id="misbruik">{ts('flood.title')}</h2>
          <p className="mt-2">{ts('flood.intro')}</p>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {floods.map((f) => (
              <li key={f.regionId}>
                {ts('flood.line', { region: f.regionName, number: f.registrationNumber, count: f.requests })}{' '}
                <Link to={`/team/inbox?regio=${f.regionId}&status=submitted`}>{ts('flood.link')}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="aandacht">
        <h2 id="aandacht">{t('start.attentionTitle')}</h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {items.map((item) => (
            <li key={item.to} className={`card ${item.count > 0 && item.to.startsWith('/team/berichten') ? 'border-red-700' : ''}`}>
              <p className="text-sm font-medium text-slate-800">{item.label}</p>
              <p className="mt-1 text-3xl font-bold text-slate-900">{item.count}</p>
              <p className="mt-2 text-sm">
                <Link to={item.to}>{item.link}</Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <VisitsChart data={chart} monthLabels={monthLabels} lang={lang} />
    </div>
  );
}
