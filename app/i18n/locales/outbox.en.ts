import type { outbox as nl } from './outbox.nl';
import type { Translation } from './types';

export const outbox: Translation<typeof nl> = {
  title: '',
};
