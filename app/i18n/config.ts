import { resources } from './resources';

export const SUPPORTED_LANGUAGES = ['nl', 'en'] as const;
export type Lang = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Lang = 'nl';

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

/** Options shared by the server and the browser i18next instances. */
export const i18nOptions = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: 'common',
  ns: Object.keys(resources.nl),
  resources,
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
