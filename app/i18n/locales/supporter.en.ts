import type { supporter as nl } from './supporter.nl';
import type { Translation } from './types';

export const supporter: Translation<typeof nl> = {
  title: '',
};
