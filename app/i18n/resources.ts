/**
 * All UI texts, per language and namespace. Dutch is the source; English must have the same keys.
 * To add a namespace: write locales/<ns>.nl.ts and locales/<ns>.en.ts and register both here.
 */
import { account as accountEn } from './locales/account.en';
import { account as accountNl } from './locales/account.nl';
import { regionImport as regionImportEn } from './locales/regionImport.en';
import { regionImport as regionImportNl } from './locales/regionImport.nl';
import { admin as adminEn } from './locales/admin.en';
import { admin as adminNl } from './locales/admin.nl';
import { common as commonEn } from './locales/common.en';
import { common as commonNl } from './locales/common.nl';
import { faq as faqEn } from './locales/faq.en';
import { faq as faqNl } from './locales/faq.nl';
import { tools as toolsEn } from './locales/tools.en';
import { tools as toolsNl } from './locales/tools.nl';
import { map as mapEn } from './locales/map.en';
import { map as mapNl } from './locales/map.nl';
import { holidays as holidaysEn } from './locales/holidays.en';
import { holidays as holidaysNl } from './locales/holidays.nl';
import { outbox as outboxEn } from './locales/outbox.en';
import { outbox as outboxNl } from './locales/outbox.nl';
import { request as requestEn } from './locales/request.en';
import { request as requestNl } from './locales/request.nl';
import { security as securityEn } from './locales/security.en';
import { security as securityNl } from './locales/security.nl';
import { supporter as supporterEn } from './locales/supporter.en';
import { supporter as supporterNl } from './locales/supporter.nl';
import { triage as triageEn } from './locales/triage.en';
import { triage as triageNl } from './locales/triage.nl';

export const resources = {
  nl: { common: commonNl, request: requestNl, triage: triageNl, admin: adminNl, supporter: supporterNl, outbox: outboxNl, map: mapNl, faq: faqNl, tools: toolsNl, security: securityNl, holidays: holidaysNl, account: accountNl, regionImport: regionImportNl },
  en: { common: commonEn, request: requestEn, triage: triageEn, admin: adminEn, supporter: supporterEn, outbox: outboxEn, map: mapEn, faq: faqEn, tools: toolsEn, security: securityEn, holidays: holidaysEn, account: accountEn, regionImport: regionImportEn },
} as const;

export type Namespace = keyof (typeof resources)['nl'];
