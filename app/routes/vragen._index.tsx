import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/components/meta';
import { faqAnchor, faqCategoryLabel, FAQ_LIMITS } from '~/domain/faq';
import { getLanguage } from '~/i18n/i18n.server';
import { publicFaq } from '~/services/faq.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Veelgestelde vragen', 'Questions and answers');

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const q = (new URL(request.url).searchParams.get('zoek') ?? '').trim().slice(0, FAQ_LIMITS.search);
  return { lang, q, categories: publicFaq(getDb(), lang, q || undefined) };
}

export default function Faq() {
  const { lang, q, categories } = useLoaderData<typeof loader>();
  const { t } = useTranslation('faq');
  const count = categories.reduce((n, c) => n + c.entries.length, 0);
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('title')}</h1>
        <p className="mt-2 max-w-3xl">{t('intro')}</p>
      </div>
      <div className="card">
        <Form method="get" role="search" aria-label={t('searchTitle')} className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1">
            <label htmlFor="zoek">{t('searchLabel')}</label>
            <input id="zoek" name="zoek" type="search" className="input mt-1" defaultValue={q} maxLength={FAQ_LIMITS.search} />
          </div>
          <button type="submit" className="btn">
            {t('search')}
          </button>
          {q ? <Link to="/vragen">{t('all')}</Link> : null}
        </Form>
      </div>
      {q ? (
        <p role="status" className="font-semibold">
          {t('results', { count, q })}
        </p>
      ) : null}
      {categories.length === 0 ? <p>{q ? t('noResults') : t('none')}</p> : null}
      {categories.length > 1 ? (
        <nav aria-labelledby="categorieen">
          <h2 id="categorieen" className="text-base">
            {t('categories')}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {categories.map((c) => (
              <li key={c.category}>
                <a href={`#categorie-${c.category}`}>{faqCategoryLabel(c.category, lang)}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {categories.map((c) => (
        <section key={c.category} aria-labelledby={`categorie-${c.category}`} className="space-y-3">
          <h2 id={`categorie-${c.category}`}>{faqCategoryLabel(c.category, lang)}</h2>
          {c.entries.map((e) => (
            <article key={e.id} id={faqAnchor(e.id)} aria-labelledby={`${faqAnchor(e.id)}-vraag`} className="card scroll-mt-4" lang={e.lang !== lang ? e.lang : undefined}>
              <h3 id={`${faqAnchor(e.id)}-vraag`}>
                {e.question}{' '}
                <a href={`#${faqAnchor(e.id)}`} className="text-sm font-normal" aria-label={t('permalink', { question: e.question })}>
                  #
                </a>
              </h3>
              {/* Rendered by markdown-it with raw HTML off (services/faq.server.ts). */}
              <div className="prose-answer mt-2" dangerouslySetInnerHTML={{ __html: e.answerHtml }} />
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
