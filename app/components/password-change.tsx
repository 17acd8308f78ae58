/**
 * The password change form, shared by the supporter's profile and /wachtwoord (where a temporary
 * password is replaced): one schema, the same three fields, and one way to answer the service's
 * refusals (password-change.server.ts).
 */
import type { FieldMetadata } from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TextField, message } from '~/components/form';

export const MIN_PASSWORD = 12;

export const passwordChangeSchema = z
  .object({
    currentPassword: z
      .string({ required_error: 'supporter:errors.currentPasswordRequired' })
      .max(200, message('supporter:errors.tooLong', { max: 200 })),
    newPassword: z
      .string({ required_error: 'supporter:errors.newPasswordRequired' })
      .min(MIN_PASSWORD, 'supporter:errors.newPasswordShort')
      .max(200, message('supporter:errors.tooLong', { max: 200 })),
    confirmPassword: z.string({ required_error: 'supporter:errors.confirmPasswordMismatch' }).max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'supporter:errors.confirmPasswordMismatch' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'account:errors.samePassword' });

export type PasswordChangeValues = z.infer<typeof passwordChangeSchema>;

/** Passwords never come back into the form. */
export const HIDE_PASSWORDS = { hideFields: ['currentPassword', 'newPassword', 'confirmPassword'] };

/** The three fields; `currentLabel` names what the current password is (on /wachtwoord: the temporary one). */
export function PasswordChangeFields({
  fields,
  currentLabel,
}: {
  fields: { currentPassword: FieldMetadata<string>; newPassword: FieldMetadata<string>; confirmPassword: FieldMetadata<string> };
  currentLabel?: string;
}) {
  const { t } = useTranslation('supporter');
  return (
    <>
      <TextField field={fields.currentPassword} label={currentLabel ?? t('profile.currentPassword')} type="password" autoComplete="current-password" required />
      <TextField
        field={fields.newPassword}
        label={t('profile.newPassword')}
        hint={t('profile.newPasswordHint')}
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField field={fields.confirmPassword} label={t('profile.confirmPassword')} type="password" autoComplete="new-password" required />
    </>
  );
}
