import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { readOnlyAction, requireCoordinator } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { formatDateTime } from '~/domain/time';
import { isErrorKind } from '~/mail/delivery-rules';
import { getLanguage } from '~/i18n/i18n.server';
import { listOutbox } from '~/services/outbox-view.server';
import { getDb } from '~db/client';
import { OUTBOX_STATUSES } from '~db/schema';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Berichten', 'Messages');

const query = z.object({
  status: z.enum(OUTBOX_STATUSES).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const url = new URL(request.url);
  const { status, page } = query.parse({ status: url.searchParams.get('status') || null, page: url.searchParams.get('pagina') ?? 1 });
  return { ...listOutbox(getDb(), { status, page }), status, page, lang: await getLanguage(request) };
}

export default function Outbox() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('outbox');
  const pageLink = (page: number) => `?${new URLSearchParams({ ...(data.status ? { status: data.status } : {}), pagina: String(page) })}`;
  return (
    <div className="space-y-5">
      <div>
        <h1>{t('title')}</h1>
        <p className="mt-2 max-w-3xl">{t('intro')}</p>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="status">{t('filter')}</label>
          <select id="status" name="status" defaultValue={data.status ?? ''} className="input mt-1">
            <option value="">
              {t('all')} ({Object.values(data.counts).reduce((a, b) => a + (b ?? 0), 0)})
            </option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)} ({data.counts[s] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('apply')}
        </button>
      </Form>
      {data.rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('columns.created')}</th>
                <th scope="col">{t('columns.to')}</th>
                <th scope="col">{t('columns.subject')}</th>
                <th scope="col">{t('columns.status')}</th>
                <th scope="col">{t('columns.attempts')}</th>
                <th scope="col">{t('columns.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap">{formatDateTime(row.createdAt, data.lang)}</td>
                  <td>
                    {row.toName ? <span className="block">{row.toName}</span> : null}
                    <span className="text-slate-700">{row.toEmail}</span>
                  </td>
                  <td>
                    <Link to={`/team/berichten/${row.id}`}>{row.subject}</Link>
                  </td>
                  <td>
                    <span className={`badge ${row.status === 'failed' ? 'bg-red-100 text-red-900' : ''}`}>{t(`statuses.${row.status}`)}</span>
                  </td>
                  <td>{row.attempts}</td>
                  <td className="max-w-xs break-words text-sm">
                    {isErrorKind(row.errorKind) && row.status !== 'delivered' ? <span className="block">{t(`errorKinds.${row.errorKind}`)}</span> : null}
                    {row.lastError ? <span className="block text-slate-700">{row.lastError}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('page', { page: data.page, pages: data.pages })} className="flex items-center gap-4">
        {data.page > 1 ? <Link to={pageLink(data.page - 1)}>{t('previous')}</Link> : null}
        <span>{t('page', { page: data.page, pages: data.pages })}</span>
        {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>{t('next')}</Link> : null}
      </nav>
    </div>
  );
}

export const action = readOnlyAction('coordinator');
