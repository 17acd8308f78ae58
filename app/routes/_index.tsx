import { langFromMatches } from '~/components/meta';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getDb } from '~db/client';
import { formatDayNumber } from '~/domain/days';
import { defaultHalfDaysPerYear } from '~/services/common.server';
import { getLanguage } from '~/i18n/i18n.server';
import { latestFaq } from '~/services/faq.server';
import { faqAnchor } from '~/domain/faq';

export const meta: MetaFunction = ({ matches }) => [{ title: langFromMatches(matches) === 'en' ? 'STO Support' : 'STO Ondersteuning' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  return { days: formatDayNumber(defaultHalfDaysPerYear(getDb()), lang), lang, faq: latestFaq(getDb(), lang) };
}

export default function Home() {
  const { days, lang, faq } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { t: tf } = useTranslation('faq');
  return (
    <div className="space-y-8">
      <section className="rounded-xl bg-brand-800 p-8 text-white">
        <h1 className="text-white">{t('home.title')}</h1>
        <p className="mt-4 max-w-3xl text-lg">{t('home.intro')}</p>
        <Link to="/aanvragen" className="btn mt-6 bg-accent-500 text-slate-950 hover:bg-white hover:text-slate-950">
          {t('home.cta')}
        </Link>
      </section>
      <section aria-labelledby="aanbod">
        <h2 id="aanbod">{t('home.offerTitle')}</h2>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <article className="card">
            <h3>{t('home.criticalFriendTitle')}</h3>
            <p className="mt-2">{t('home.criticalFriend')}</p>
          </article>
          <article className="card">
            <h3>{t('home.themesTitle')}</h3>
            <p className="mt-2">{t('home.themes')}</p>
          </article>
          <article className="card">
            <h3>{t('home.daysTitle')}</h3>
            <p className="mt-2">{t('home.days', { days })}</p>
          </article>
        </div>
      </section>
      {faq.length > 0 ? (
        <section aria-labelledby="home-vragen" className="card">
          <h2 id="home-vragen">{tf('homeTitle')}</h2>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {faq.map((q) => (
              <li key={q.id} lang={q.lang !== lang ? q.lang : undefined}>
                <Link to={`/vragen#${faqAnchor(q.id)}`}>{q.question}</Link>
              </li>
            ))}
          </ul>
          <p className="mt-3">
            <Link to="/vragen">{tf('homeAll')}</Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="werkwijze" className="card">
        <h2 id="werkwijze">{t('home.howTitle')}</h2>
        <ol className="mt-3 list-decimal space-y-1 pl-6">
          <li>{t('home.how1')}</li>
          <li>{t('home.how2')}</li>
          <li>{t('home.how3')}</li>
        </ol>
        <p className="mt-6 text-sm">
          {t('home.staff')} <Link to="/inloggen">{t('nav.signIn')}</Link>
        </p>
      </section>
    </div>
  );
}
