import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/components/meta';
import { THEMES } from '~/domain/themes';
import { extensionOf, toolKindLabel } from '~/domain/tools';
import { getLanguage } from '~/i18n/i18n.server';
import { listTools } from '~/services/tools.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Tools', 'Tools');

export async function loader({ request }: LoaderFunctionArgs) {
  return { lang: await getLanguage(request), tools: listTools(getDb()) };
}

function formatSize(bytes: number, lang: 'nl' | 'en'): string {
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${n.format(bytes / 1024 / 1024)} MB` : `${n.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

export default function Tools() {
  const { lang, tools } = useLoaderData<typeof loader>();
  const { t } = useTranslation('tools');
  const themes = THEMES.filter((th) => tools.some((tool) => tool.theme === th.key));
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('title')}</h1>
        <p className="mt-2 max-w-3xl">{t('intro')}</p>
      </div>
      {tools.length === 0 ? <p>{t('none')}</p> : null}
      {themes.length > 1 ? (
        <nav aria-labelledby="tool-themas">
          <h2 id="tool-themas" className="text-base">
            {t('themes')}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {themes.map((th) => (
              <li key={th.key}>
                <a href={`#thema-${th.key}`}>{th[lang]}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {themes.map((th) => (
        <section key={th.key} aria-labelledby={`thema-${th.key}`} className="space-y-3">
          <h2 id={`thema-${th.key}`}>{th[lang]}</h2>
          <ul className="space-y-3">
            {tools
              .filter((tool) => tool.theme === th.key)
              .map((tool) => (
                <li key={tool.id} className="card">
                  <h3>{tool.title}</h3>
                  <p className="mt-1">{tool.description}</p>
                  <p className="mt-2">
                    {tool.fileName && tool.sizeBytes !== null ? (
                      <a href={`/tools/${tool.id}/bestand`} download={tool.fileName}>
                        {t('download', { title: tool.title, kind: toolKindLabel(extensionOf(tool.fileName)), size: formatSize(tool.sizeBytes, lang) })}
                      </a>
                    ) : tool.linkUrl ? (
                      <a href={tool.linkUrl} rel="noopener noreferrer nofollow">
                        {t('open', { title: tool.title })}
                      </a>
                    ) : null}
                  </p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
