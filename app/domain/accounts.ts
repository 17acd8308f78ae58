/**
 * A new account as `npm run user:create` takes it: checked before anything is written. Pure.
 * The sentences are English and Dutch, like the refusals, for whoever runs the command.
 */
import type { Lang } from './time';

export const ACCOUNT_ROLES = ['coordinator', 'supporter'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export type NewAccount = { role: AccountRole; email: string; name: string; language: Lang };

export type AccountProblem =
  | { code: 'role_missing' }
  | { code: 'role_invalid'; value: string }
  | { code: 'email_missing' }
  | { code: 'email_invalid'; value: string }
  | { code: 'name_missing' }
  | { code: 'name_too_long' }
  | { code: 'language_invalid'; value: string }
  | { code: 'email_taken'; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_ACCOUNT_NAME = 120;

/** The account as stored (e-mail trimmed and lower-cased), or every problem with it. */
export function checkNewAccount(input: {
  role?: string;
  email?: string;
  name?: string;
  language?: string;
}): { ok: true; account: NewAccount } | { ok: false; problems: AccountProblem[] } {
  const problems: AccountProblem[] = [];
  const role = input.role?.trim() ?? '';
  if (role === '') problems.push({ code: 'role_missing' });
  else if (!(ACCOUNT_ROLES as readonly string[]).includes(role)) problems.push({ code: 'role_invalid', value: role });
  const email = input.email?.trim().toLowerCase() ?? '';
  if (email === '') problems.push({ code: 'email_missing' });
  else if (email.length > 254 || !EMAIL.test(email)) problems.push({ code: 'email_invalid', value: email });
  const name = input.name?.trim().replace(/\s+/g, ' ') ?? '';
  if (name === '') problems.push({ code: 'name_missing' });
  else if (name.length > MAX_ACCOUNT_NAME) problems.push({ code: 'name_too_long' });
  const language = input.language?.trim() || 'nl';
  if (language !== 'nl' && language !== 'en') problems.push({ code: 'language_invalid', value: language });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, account: { role: role as AccountRole, email, name, language: language as Lang } };
}

const MESSAGES: Record<AccountProblem['code'], Record<Lang, (value: string) => string>> = {
  role_missing: { en: () => '--role is missing: coordinator or supporter.', nl: () => '--role ontbreekt: coordinator of supporter.' },
  role_invalid: {
    en: (v) => `--role "${v}" is not a role: use coordinator or supporter.`,
    nl: (v) => `--role "${v}" is geen rol: gebruik coordinator of supporter.`,
  },
  email_missing: { en: () => '--email is missing.', nl: () => '--email ontbreekt.' },
  email_invalid: { en: (v) => `--email "${v}" is not an e-mail address.`, nl: (v) => `--email "${v}" is geen e-mailadres.` },
  name_missing: { en: () => '--name is missing.', nl: () => '--name ontbreekt.' },
  name_too_long: {
    en: () => `--name is longer than ${MAX_ACCOUNT_NAME} characters.`,
    nl: () => `--name is langer dan ${MAX_ACCOUNT_NAME} tekens.`,
  },
  language_invalid: { en: (v) => `--language "${v}" is not nl or en.`, nl: (v) => `--language "${v}" is geen nl of en.` },
  email_taken: {
    en: (v) => `There is already an account with e-mail ${v}; nothing was created.`,
    nl: (v) => `Er is al een account met e-mailadres ${v}; er is niets aangemaakt.`,
  },
};

export function accountProblemMessage(problem: AccountProblem, lang: Lang): string {
  return MESSAGES[problem.code][lang]('value' in problem ? problem.value : '');
}
