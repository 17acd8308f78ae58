/**
 * All UI texts, per language and namespace. Dutch is the source; English must have the same keys.
 * To add a namespace: write locales/<ns>.nl.ts and locales/<ns>.en.ts and register both here.
 */
import { common as commonNl } from './locales/common.nl';
import { common as commonEn } from './locales/common.en';
import { request as requestNl } from './locales/request.nl';
import { request as requestEn } from './locales/request.en';

export const resources = {
  nl: { common: commonNl, request: requestNl },
  en: { common: commonEn, request: requestEn },
} as const;

export type Namespace = keyof (typeof resources)['nl'];
