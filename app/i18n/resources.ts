/**
 * All UI texts, per language and namespace. Dutch is the source; English must have the same keys.
 * To add a namespace: write locales/<ns>.nl.ts and locales/<ns>.en.ts and register both here.
 */
import { common as commonNl } from './locales/common.nl';
import { common as commonEn } from './locales/common.en';

export const resources = {
  nl: { common: commonNl },
  en: { common: commonEn },
} as const;

export type Namespace = keyof (typeof resources)['nl'];
