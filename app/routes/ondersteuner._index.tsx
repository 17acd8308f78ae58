import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { readOnlyAction, requireSupporter } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { SupporterVisitTable } from '~/components/supporter-visit-table';
import { formatDate, formatRange } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { supporterStart } from '~/services/supporter-work.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Mijn overzicht', 'My overview');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSupporter(request);
  return { name: user.name, lang: await getLanguage(request), ...supporterStart(getDb(), user.id, Date.now()) };
}

export default function SupporterStart() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('supporter');
  const lang = data.lang;
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('start.title', { name: data.name })}</h1>
        <p className="mt-2 text-slate-700">{t('start.intro')}</p>
      </div>

      <section className="card" aria-labelledby="wachtend">
        <h2 id="wachtend">
          {t('start.pendingTitle')} <span className="badge align-middle">{data.pending.length}</span>
        </h2>
        {data.pending.length === 0 ? (
          <p className="mt-2">{t('start.pendingNone')}</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {data.pending.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 p-3">
                <p className="font-semibold">
                  {r.regionName} ({r.registrationNumber}) – {lang === 'nl' ? r.typeNameNl : r.typeNameEn}
                </p>
                <p className="text-sm text-slate-700">
                  {t('common.contact')}: {r.contactName} · {formatDate(r.updatedAt, lang)}
                </p>
                <p className="mt-1">
                  <Link to={`/ondersteuner/aanvragen/${r.id}`} aria-label={`${t('start.pendingAction')}: ${r.regionName}`}>
                    {t('start.pendingAction')}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="deze-week">
        <h2 id="deze-week">{t('start.weekTitle')}</h2>
        {data.thisWeek.length === 0 ? (
          <p className="mt-2">{t('start.weekNone')}</p>
        ) : (
          <SupporterVisitTable visits={data.thisWeek} lang={lang} labelledBy="deze-week" />
        )}
      </section>

      <section className="card" aria-labelledby="vastleggen">
        <h2 id="vastleggen">{t('start.toRecordTitle')}</h2>
        {data.toRecord.length === 0 ? (
          <p className="mt-2">{t('start.toRecordNone')}</p>
        ) : (
          <>
            <p className="mt-2">{t('start.toRecordIntro')}</p>
            <ul className="mt-3 list-disc space-y-1 pl-6">
              {data.toRecord.map((v) => (
                <li key={v.id}>
                  <Link to={`/ondersteuner/bezoeken/${v.id}`}>
                    {formatRange(v.startsAt, v.endsAt, lang)} – {v.regionName}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="zonder-verslag">
        <h2 id="zonder-verslag">{t('start.withoutReportTitle')}</h2>
        {data.withoutReport.length === 0 ? (
          <p className="mt-2">{t('start.withoutReportNone')}</p>
        ) : (
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {data.withoutReport.map((v) => (
              <li key={v.id}>
                <Link to={`/ondersteuner/bezoeken/${v.id}`}>
                  {formatRange(v.startsAt, v.endsAt, lang)} – {v.regionName}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="flex flex-wrap gap-4">
        <Link to="/ondersteuner/aanvragen">{t('start.allRequests')}</Link>
        <Link to="/ondersteuner/bezoeken">{t('start.allVisits')}</Link>
      </p>
    </div>
  );
}

export const action = readOnlyAction('supporter');
