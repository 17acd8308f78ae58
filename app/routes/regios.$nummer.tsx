import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { langFromMatches } from '~/components/meta';
import { themeLabel } from '~/domain/themes';
import { getLanguage } from '~/i18n/i18n.server';
import { publishedDevelopments } from '~/services/developments.server';
import { publicRegionPage } from '~/services/public-regions.server';
import { formatIsoDate } from '~/domain/developments';
import { getDb } from '~db/client';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const en = langFromMatches(matches) === 'en';
  const name = data?.page.region.name ?? (en ? 'Region' : 'Regio');
  return [{ title: `${name} – ${en ? 'STO Support' : 'STO Ondersteuning'}` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = params.nummer ?? '';
  const page = /^sto19\d{3}$/i.test(number) ? publicRegionPage(getDb(), number) : null;
  if (!page) throw new Response('Not Found', { status: 404 });
  return { lang: await getLanguage(request), page, developments: publishedDevelopments(getDb(), page.region.id) };
}

export default function PublicRegion() {
  const { lang, page, developments } = useLoaderData<typeof loader>();
  const { t } = useTranslation('map');
  const { region, alsoOn } = page;
  return (
    <div className="space-y-6">
      <p>
        <Link to="/regios">{t('region.back')}</Link>
      </p>
      <h1>{region.name}</h1>
      <dl className="card grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('region.number')}</dt>
        <dd>{region.registrationNumber}</dd>
        <dt className="font-semibold">{t('region.province')}</dt>
        <dd>{region.province}</dd>
        <dt className="font-semibold">{t('region.planStatus')}</dt>
        <dd>{t(`planStatusName.${region.planStatus}`)}</dd>
      </dl>

      <section aria-labelledby="speerpunten" className="card">
        <h2 id="speerpunten">{t('region.speerpunten')}</h2>
        {region.speerpunten.length === 0 ? (
          <p className="mt-2">{t('region.noSpeerpunten')}</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {region.speerpunten.map((key) => (
              <li key={key}>{themeLabel(key, lang)}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ontwikkelingen" className="space-y-3">
        <h2 id="ontwikkelingen">{t('developments.title')}</h2>
        {developments.length === 0 ? <p>{t('developments.none')}</p> : null}
        {developments.map((d) => (
          <article key={d.id} aria-labelledby={`ontwikkeling-${d.id}`} className="card">
            <h3 id={`ontwikkeling-${d.id}`}>{d.title}</h3>
            <p className="text-sm text-slate-700">
              <time dateTime={d.date}>{formatIsoDate(d.date, lang)}</time>
            </p>
            <p className="mt-2 whitespace-pre-line">{d.body}</p>
            {d.linkUrl ? (
              <p className="mt-2">
                <a href={d.linkUrl} rel="noopener noreferrer nofollow" aria-label={t('developments.moreAbout', { title: d.title })}>
                  {t('developments.more')}
                </a>
              </p>
            ) : null}
          </article>
        ))}
      </section>

      {alsoOn.length > 0 ? (
        <section aria-labelledby="ook" className="space-y-4">
          <h2 id="ook">{t('region.alsoTitle')}</h2>
          {alsoOn.map(({ theme, regions }) => (
            <section key={theme} aria-labelledby={`ook-${theme}`} className="card">
              <h3 id={`ook-${theme}`}>{t('region.alsoOn', { theme: themeLabel(theme, lang) })}</h3>
              {regions.length === 0 ? (
                <p className="mt-2">{t('region.alsoNone')}</p>
              ) : (
                <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                  {regions.map((r) => (
                    <li key={r.registrationNumber}>
                      <Link to={`/regios/${r.registrationNumber}`}>{r.name}</Link>
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-3 text-sm">
                <Link to={`/regios?speerpunt=${theme}`}>{t('region.alsoAll', { theme: themeLabel(theme, lang) })}</Link>
              </p>
            </section>
          ))}
        </section>
      ) : null}
    </div>
  );
}
