import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getSessionUser } from './auth/session.server';
import { useNonce } from './components/nonce';
import { SiteHeader } from './components/site-header';
import { getLanguage } from './i18n/i18n.server';
import stylesheet from './tailwind.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

/** The title of the error pages and of any page without its own. */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const en = data?.lang === 'en';
  const status = isRouteErrorResponse(error) ? error.status : error ? 500 : 200;
  const titles: Record<number, [string, string]> = {
    200: ['STO Ondersteuning', 'STO Support'],
    400: ['Ongeldig verzoek', 'Invalid request'],
    403: ['Geen toegang', 'No access'],
    404: ['Pagina niet gevonden', 'Page not found'],
    405: ['Ongeldig verzoek', 'Invalid request'],
    413: ['Te veel gegevens', 'Too much data'],
    415: ['Formulier niet te lezen', 'Form could not be read'],
    429: ['Even geduld', 'Please wait'],
    500: ['Er ging iets mis', 'Something went wrong'],
  };
  const [nl, english] = titles[status] ?? titles[500]!;
  return [{ title: status === 200 ? (en ? english : nl) : `${en ? english : nl} – ${en ? 'STO Support' : 'STO Ondersteuning'}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, user] = await Promise.all([getLanguage(request), getSessionUser(request)]);
  return { lang, user };
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root');
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const { t, i18n } = useTranslation();
  const lang = data?.lang ?? (i18n.language === 'en' ? 'en' : 'nl');
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);
  return (
    <html lang={lang} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col bg-slate-50 text-slate-900">
        <a href="#inhoud" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t('skipToContent')}
        </a>
        <SiteHeader user={data?.user ?? null} />
        <main id="inhoud" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8" tabIndex={-1}>
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white py-4 text-center text-sm text-slate-700">{t('footer')}</footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason: unknown = isRouteErrorResponse(error) ? error.data : null;
  const [title, text] =
    status === 404
      ? [t('errors.notFoundTitle'), t('errors.notFound')]
      : status === 403 && reason === 'crossSite'
        ? [t('errors.crossSiteTitle'), t('errors.crossSite')]
        : status === 403
          ? [t('errors.forbiddenTitle'), t('errors.forbidden')]
          : status === 413
            ? [t('errors.tooLargeTitle'), t('errors.tooLarge')]
            : status === 415 || (status === 400 && reason === 'brokenBody')
              ? [t('errors.unreadableTitle'), t('errors.unreadable')]
              : status === 400 || status === 405
                ? [t('errors.badRequestTitle'), t('errors.badRequest')]
                : [t('errors.errorTitle'), t('errors.error')];
  return (
    <div className="card max-w-2xl">
      <h1>{title}</h1>
      <p className="mt-3">{text}</p>
      <p className="mt-6">
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </div>
  );
}
