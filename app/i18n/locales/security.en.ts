import type { security as nl } from './security.nl';
import type { Translation } from './types';

export const security: Translation<typeof nl> = {
  flood: {
    title: 'Possible misuse of the request form',
    intro: 'These regions received unusually many requests in the last day. The form stays open; check whether the requests are real and decline those that are not.',
    line: '{{region}} ({{number}}): {{count}} requests in 24 hours',
    link: 'See the requests in the inbox',
  },
};
