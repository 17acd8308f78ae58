import type { Submission, SubmissionResult } from '@conform-to/react';
import { data } from '@remix-run/node';
import { message } from '~/components/form';
import { retryAfterSeconds } from '~/domain/throttle';
import { HIDE_PASSWORDS, type PasswordChangeValues } from './password-change';

/** The reply for a refused change: wrong current password (200 with the field error) or too many tries (429). */
export function refusedPasswordChange<T>(
  submission: Submission<PasswordChangeValues>,
  result: { problem: 'wrong_password' } | { problem: 'too_many'; waitMs: number },
  wrap: (reply: SubmissionResult<string[]>) => T,
) {
  if (result.problem === 'too_many') {
    const seconds = retryAfterSeconds(result.waitMs);
    const minutes = Math.ceil(seconds / 60);
    const formErrors = [minutes === 1 ? 'signIn.tooManyMinute' : message('signIn.tooMany', { minutes })];
    return data(wrap(submission.reply({ ...HIDE_PASSWORDS, formErrors })), { status: 429, headers: { 'Retry-After': String(seconds) } });
  }
  return data(wrap(submission.reply({ ...HIDE_PASSWORDS, fieldErrors: { currentPassword: ['supporter:errors.currentPasswordWrong'] } })));
}
