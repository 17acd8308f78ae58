import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { AuditChanges } from '~/components/admin-audit-changes';
import { parseId } from '~/components/admin-params';
import { pageTitle } from '~/components/meta';
import { formatDateTime } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { auditFilterOptions, auditLog } from '~/services/oversight.server';
import { getDb } from '~db/client';
import { FilterSelect } from '~/components/filter-select';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Logboek', 'Audit log');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const lang = await getLanguage(request);
  const params = new URL(request.url).searchParams;
  const db = getDb();
  const options = auditFilterOptions(db);
  const kind = params.get('soort') ?? '';
  const filters = {
    regionId: parseId(params.get('regio')) ?? undefined,
    actorUserId: parseId(params.get('gebruiker')) ?? undefined,
    kind: options.kinds.includes(kind) ? kind : undefined,
    page: parseId(params.get('pagina')) ?? 1,
  };
  return { lang, filters, options, log: auditLog(db, filters) };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCoordinator(request);
  throw new Response('Method Not Allowed', { status: 405 });
}

export default function AuditLogPage() {
  const { lang, filters, options, log } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const label = t as unknown as (key: string, options: { defaultValue: string }) => string;
  const pageLink = (page: number) => {
    const p = new URLSearchParams();
    if (filters.regionId) p.set('regio', String(filters.regionId));
    if (filters.actorUserId) p.set('gebruiker', String(filters.actorUserId));
    if (filters.kind) p.set('soort', filters.kind);
    p.set('pagina', String(page));
    return `/team/logboek?${p}`;
  };
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('audit.title')}</h1>
        <p className="mt-2">{t('audit.intro')}</p>
      </div>
      <section aria-labelledby="logboek-filters" className="card">
        <h2 id="logboek-filters">{t('audit.filtersTitle')}</h2>
        <Form method="get" className="mt-3 grid gap-4 sm:grid-cols-3">
          <FilterSelect
            id="regio"
            name="regio"
            label={t('audit.region')}
            value={filters.regionId ?? ''}
            emptyLabel={t('audit.allRegions')}
            options={options.regions.map((r) => ({ value: r.id, label: `${r.name} (${r.registrationNumber})` }))}
          />
          <FilterSelect
            id="gebruiker"
            name="gebruiker"
            label={t('audit.user')}
            value={filters.actorUserId ?? ''}
            emptyLabel={t('audit.allUsers')}
            options={options.actors.map((a) => ({ value: a.id, label: a.name }))}
          />
          <FilterSelect
            id="soort"
            name="soort"
            label={t('audit.kind')}
            value={filters.kind ?? ''}
            emptyLabel={t('audit.allKinds')}
            options={options.kinds.map((k) => ({ value: k, label: label(`audit.kinds.${k}`, { defaultValue: k }) }))}
          />
          <div className="flex gap-3 sm:col-span-3">
            <button type="submit" className="btn">
              {t('show')}
            </button>
            <Link to="/team/logboek" className="btn-secondary">
              {t('resetFilters')}
            </Link>
          </div>
        </Form>
      </section>

      <section aria-labelledby="regels">
        <h2 id="regels" className="sr-only">
          {t('audit.caption', { page: log.page, pages: log.pages })}
        </h2>
        <p role="status" className="font-medium">
          {t('audit.total', { count: log.total })}
        </p>
        {log.rows.length === 0 ? (
          <p className="notice mt-3">{t('audit.empty')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="table">
              <caption className="sr-only">{t('audit.caption', { page: log.page, pages: log.pages })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.colWhen')}</th>
                  <th scope="col">{t('audit.colWho')}</th>
                  <th scope="col">{t('audit.colWhat')}</th>
                  <th scope="col">{t('audit.colRegion')}</th>
                  <th scope="col">{t('audit.colDetails')}</th>
                </tr>
              </thead>
              <tbody>
                {log.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="whitespace-nowrap">{formatDateTime(row.at, lang)}</td>
                    <td>{row.actorLabel === 'system' ? t('audit.system') : row.actorLabel}</td>
                    <td>
                      {label(`audit.actions.${row.action}`, { defaultValue: row.action })}
                      <span className="block text-xs text-slate-700">
                        {row.entityType}
                        {row.entityId !== null ? ` ${row.entityId}` : ''}
                      </span>
                    </td>
                    <td>{row.regionId !== null ? <Link to={`/team/regios/${row.regionId}`}>{row.regionName}</Link> : t('none')}</td>
                    <td className="space-y-1">
                      {row.reason ? (
                        <p className="text-sm">
                          <span className="font-semibold">{t('audit.reason')}:</span> {row.reason}
                        </p>
                      ) : null}
                      <AuditChanges before={row.before} after={row.after} lang={lang} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log.pages > 1 ? (
          <nav aria-label={t('audit.pagination')} className="mt-4 flex flex-wrap items-center gap-3">
            {log.page > 1 ? (
              <Link to={pageLink(log.page - 1)} className="btn-secondary" rel="prev">
                {t('audit.prev')}
              </Link>
            ) : null}
            <span>{t('audit.pageOf', { page: log.page, pages: log.pages })}</span>
            {log.page < log.pages ? (
              <Link to={pageLink(log.page + 1)} className="btn-secondary" rel="next">
                {t('audit.next')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
