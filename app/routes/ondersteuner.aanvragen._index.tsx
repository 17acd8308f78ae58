import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { readOnlyAction, requireSupporter } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { SupporterNotice } from '~/components/supporter-forms';
import { formatDate, type Lang } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { myRequests, type MyRequestRow } from '~/services/supporter-work.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Mijn aanvragen', 'My requests');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSupporter(request);
  const rows = myRequests(getDb(), user.id);
  const isOpen = (r: MyRequestRow) => r.status === 'submitted' || r.status === 'accepted';
  return {
    lang: await getLanguage(request),
    declined: new URL(request.url).searchParams.get('afgewezen') === '1',
    open: rows.filter(isOpen),
    ended: rows.filter((r) => !isOpen(r)),
  };
}

export default function MyRequests() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('supporter');
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('requests.title')}</h1>
        <p className="mt-2 text-slate-700">{t('requests.intro')}</p>
      </div>
      {data.declined ? <SupporterNotice>{t('requests.declinedNotice')}</SupporterNotice> : null}

      <section className="card" aria-labelledby="lopend">
        <h2 id="lopend">{t('requests.openTitle')}</h2>
        {data.open.length === 0 ? <p className="mt-2">{t('requests.none')}</p> : <RequestTable rows={data.open} lang={data.lang} labelledBy="lopend" />}
      </section>

      <section className="card" aria-labelledby="afgerond">
        <h2 id="afgerond">{t('requests.endedTitle')}</h2>
        {data.ended.length === 0 ? (
          <p className="mt-2">{t('requests.noneEnded')}</p>
        ) : (
          <RequestTable rows={data.ended} lang={data.lang} labelledBy="afgerond" />
        )}
      </section>
    </div>
  );
}

function RequestTable({ rows, lang, labelledBy }: { rows: MyRequestRow[]; lang: Lang; labelledBy: string }) {
  const { t } = useTranslation('supporter');
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('common.region')}</th>
            <th scope="col">{t('common.type')}</th>
            <th scope="col">{t('common.contact')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('requests.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/ondersteuner/aanvragen/${r.id}`}>
                  {r.regionName} ({r.registrationNumber})
                </Link>
              </td>
              <td>{lang === 'nl' ? r.typeNameNl : r.typeNameEn}</td>
              <td>{r.contactName}</td>
              <td>
                <span className="badge">
                  {r.assignmentStatus && (r.status === 'submitted' || r.status === 'accepted')
                    ? t(`assignmentStatus.${r.assignmentStatus}`)
                    : t(`requestStatus.${r.status}`)}
                </span>
              </td>
              <td>{formatDate(r.updatedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const action = readOnlyAction('supporter');
