import type { triage as nl } from './triage.nl';
import type { Translation } from './types';

export const triage: Translation<typeof nl> = {
  title: '',
};
