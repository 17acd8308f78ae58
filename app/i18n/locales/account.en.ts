import type { account as nl } from './account.nl';
import type { Translation } from './types';

export const account: Translation<typeof nl> = {
  password: {
    title: 'Choose your own password',
    titleVoluntary: 'Change password',
    intro: 'You signed in with a temporary password. Choose your own password first; then you continue to your start page.',
    introVoluntary: 'After the change you are signed out on all other devices.',
    temporaryPassword: 'Temporary password',
    submit: 'Save password',
    signOutHint: 'Not now? The Sign out button at the top stops without changing anything.',
  },
  errors: {
    samePassword: 'Choose a new password that differs from the current one.',
  },
};
