import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CHANGE_PASSWORD_PATH, destroyOtherSessions, getSessionUser, homeFor, type SessionUser } from '~/auth/session.server';
import { FormErrors } from '~/components/form';
import { pageTitle } from '~/components/meta';
import { HIDE_PASSWORDS, PasswordChangeFields, passwordChangeSchema } from '~/components/password-change';
import { refusedPasswordChange } from '~/components/password-change.server';
import { changePassword } from '~/services/password-change.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Wachtwoord', 'Password');

/**
 * Any signed-in user may change their password here; one with a temporary password is sent here
 * by every signed-in page (requireUser) and may do nothing else but this and signing out. It is
 * guarded by the session alone, not by requireUser, which would send them here again.
 */
async function signedIn(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw redirect(`/inloggen?${new URLSearchParams({ redirectTo: CHANGE_PASSWORD_PATH })}`);
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await signedIn(request);
  return { temporary: user.mustChangePassword };
}

/** A refused password try says when to come back (the action's Retry-After). */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await signedIn(request);
  const db = getDb();
  const submission = parseWithZod(await request.formData(), { schema: passwordChangeSchema });
  if (submission.status !== 'success') return submission.reply(HIDE_PASSWORDS);
  const result = await changePassword(db, {
    userId: user.id,
    currentPassword: submission.value.currentPassword,
    newPassword: submission.value.newPassword,
    ip: context.clientIp ?? 'unknown',
    now: Date.now(),
  });
  if (!result.ok) return refusedPasswordChange(submission, result, (reply) => reply);
  await destroyOtherSessions(request, user.id, db);
  return redirect(homeFor({ role: user.role, mustChangePassword: false }));
}

export default function ChangePasswordPage() {
  const { temporary } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('account');
  const [form, fields] = useForm({
    id: 'wachtwoord',
    lastResult,
    constraint: getZodConstraint(passwordChangeSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordChangeSchema }),
  });
  return (
    <div className="mx-auto max-w-md">
      <div className="card space-y-4">
        <h1>{temporary ? t('password.title') : t('password.titleVoluntary')}</h1>
        <p>{temporary ? t('password.intro') : t('password.introVoluntary')}</p>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors id={form.errorId} errors={form.errors} />
          <PasswordChangeFields fields={fields} currentLabel={temporary ? t('password.temporaryPassword') : undefined} />
          <button type="submit" className="btn w-full" disabled={navigation.state === 'submitting'}>
            {t('password.submit')}
          </button>
        </Form>
        {temporary ? <p className="text-sm text-slate-700">{t('password.signOutHint')}</p> : null}
      </div>
    </div>
  );
}
