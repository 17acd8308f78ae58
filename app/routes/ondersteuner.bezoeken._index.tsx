import { feedUrl } from '~/services/feeds.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireSupporter } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { SupporterVisitTable } from '~/components/supporter-visit-table';
import { formatDate } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { myFeedCreatedAt, myVisits, replaceMyFeed } from '~/services/supporter-work.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Mijn bezoeken', 'My visits');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSupporter(request);
  const db = getDb();
  const now = Date.now();
  return { lang: await getLanguage(request), ...myVisits(db, user.id, now), feedCreatedAt: myFeedCreatedAt(db, user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSupporter(request);
  const formData = await request.formData();
  if (formData.get('intent') !== 'feed') throw new Response('Bad Request', { status: 400 });
  const db = getDb();
  const replaced = myFeedCreatedAt(db, user.id) !== null;
  const token = replaceMyFeed(db, user.id, Date.now());
  return { feedUrl: feedUrl(token), replaced };
}

export default function MyVisits() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('supporter');
  const lang = data.lang;
  return (
    <div className="space-y-6">
      <h1>{t('visits.title')}</h1>

      <section className="card" aria-labelledby="komend">
        <h2 id="komend">{t('visits.upcomingTitle')}</h2>
        {data.upcoming.length === 0 ? (
          <p className="mt-2">{t('visits.upcomingNone')}</p>
        ) : (
          <SupporterVisitTable visits={data.upcoming} lang={lang} labelledBy="komend" />
        )}
      </section>

      <section className="card" aria-labelledby="eerder">
        <h2 id="eerder">{t('visits.pastTitle')}</h2>
        {data.past.length === 0 ? <p className="mt-2">{t('visits.pastNone')}</p> : <SupporterVisitTable visits={data.past} lang={lang} labelledBy="eerder" />}
      </section>

      <section className="card space-y-3" aria-labelledby="agenda-link">
        <h2 id="agenda-link">{t('visits.feedTitle')}</h2>
        <p>{t('visits.feedIntro')}</p>
        {actionData?.feedUrl ? (
          <div role="status" className="notice space-y-2">
            <p>{t('visits.feedReady')}</p>
            <label htmlFor="agenda-url" className="block">
              {t('visits.feedUrl')}
            </label>
            <input id="agenda-url" className="input font-mono text-sm" readOnly value={actionData.feedUrl} />
            {actionData.replaced ? <p>{t('visits.feedOldStopped')}</p> : null}
          </div>
        ) : data.feedCreatedAt !== null ? (
          <p>{t('visits.feedExists', { date: formatDate(data.feedCreatedAt, lang) })}</p>
        ) : (
          <p>{t('visits.feedNone')}</p>
        )}
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="feed" />
          {data.feedCreatedAt !== null ? (
            <p id="agenda-waarschuwing" className="text-sm text-slate-700">
              {t('visits.feedReplaceWarning')}
            </p>
          ) : null}
          <button
            type="submit"
            className="btn-secondary"
            disabled={navigation.state === 'submitting'}
            aria-describedby={data.feedCreatedAt !== null ? 'agenda-waarschuwing' : undefined}
          >
            {data.feedCreatedAt !== null ? t('visits.feedReplace') : t('visits.feedMake')}
          </button>
        </Form>
      </section>
    </div>
  );
}
