import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { faqCategoryLabel } from '~/domain/faq';
import { getLanguage } from '~/i18n/i18n.server';
import { faqForTeam } from '~/services/faq.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Veelgestelde vragen', 'Questions and answers');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const done = new URL(request.url).searchParams.get('klaar');
  return { lang: await getLanguage(request), entries: faqForTeam(getDb()), done: done === 'opgeslagen' ? ('opgeslagen' as const) : done === 'verwijderd' ? ('verwijderd' as const) : null };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCoordinator(request);
  throw new Response('Method Not Allowed', { status: 405 });
}

export default function TeamFaq() {
  const { lang, entries, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation('faq');
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1>{t('title')}</h1>
          <p className="mt-2">{t('team.intro')}</p>
        </div>
        <Link to="/team/vragen/nieuw" className="btn">
          {t('team.new')}
        </Link>
      </div>
      {done ? (
        <p role="status" className="notice">
          {t(`team.done.${done}`)}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('team.question')}</th>
                <th scope="col">{t('team.category')}</th>
                <th scope="col">{t('team.order')}</th>
                <th scope="col">{t('team.state')}</th>
                <th scope="col">{t('team.english')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/team/vragen/${e.id}`}>{e.questionNl}</Link>
                  </td>
                  <td>{faqCategoryLabel(e.category, lang)}</td>
                  <td>{e.sortOrder}</td>
                  <td>{e.published ? t('team.published') : t('team.draft')}</td>
                  <td>{e.hasEnglish ? t('team.yes') : t('team.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
