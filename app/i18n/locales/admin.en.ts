import type { admin as nl } from './admin.nl';
import type { Translation } from './types';

export const admin: Translation<typeof nl> = {
  title: '',
};
