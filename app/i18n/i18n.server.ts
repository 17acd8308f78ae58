import { createCookie } from '@remix-run/node';
import { RemixI18Next } from 'remix-i18next/server';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, i18nOptions, isLang, type Lang } from './config';

/** Remembers the chosen language for a year. Not secret, so not signed; anything else reads as Dutch. */
export const languageCookie = createCookie('sto_lang', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: process.env.NODE_ENV === 'production',
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    // Dutch first: only an explicit choice (the cookie) switches to English, not the browser's header.
    order: ['custom'],
    findLocale: async (request) => getLanguage(request),
  },
  i18next: { ...i18nOptions },
});

export async function getLanguage(request: Request): Promise<Lang> {
  const value: unknown = await languageCookie.parse(request.headers.get('Cookie'));
  return isLang(value) ? value : DEFAULT_LANGUAGE;
}
