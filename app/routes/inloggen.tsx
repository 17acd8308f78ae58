import { pageTitle } from '~/components/meta';
import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createSession, destroySession, getSessionUser, homeFor, safeRedirect } from '~/auth/session.server';
import { FormErrors, TextField, message } from '~/components/form';
import { retryAfterSeconds } from '~/domain/throttle';
import { languageCookie } from '~/i18n/i18n.server';
import { signIn } from '~/services/sign-in.server';
import { getDb } from '~db/client';
import { users } from '~db/schema';
import { eq } from 'drizzle-orm';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Inloggen', 'Sign in');

const schema = z.object({
  email: z
    .string({ required_error: 'signIn.emailRequired' })
    .trim()
    .max(254, message('signIn.tooLong', { max: 254 }))
    .email('signIn.emailInvalid'),
  password: z.string({ required_error: 'signIn.passwordRequired' }).max(200, message('signIn.tooLong', { max: 200 })),
  redirectTo: z.string().max(500).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(homeFor(user));
  return null;
}

/** A refused password try says when to come back (the action's Retry-After). */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== 'success') return submission.reply({ hideFields: ['password'] });
  const db = getDb();
  const now = Date.now();
  const result = await signIn(db, { ...submission.value, ip: context.clientIp ?? 'unknown', now });
  if (!result.ok && result.reason === 'tooMany') {
    const seconds = retryAfterSeconds(result.waitMs);
    const minutes = Math.ceil(seconds / 60);
    return data(
      submission.reply({ formErrors: [minutes === 1 ? 'signIn.tooManyMinute' : message('signIn.tooMany', { minutes })], hideFields: ['password'] }),
      { status: 429, headers: { 'Retry-After': String(seconds) } },
    );
  }
  if (!result.ok) return submission.reply({ formErrors: ['signIn.invalid'], hideFields: ['password'] });
  const user = db.select({ role: users.role, language: users.language, mustChangePassword: users.mustChangePassword }).from(users).where(eq(users.id, result.userId)).get()!;
  const headers = new Headers();
  // Whoever was signed in in this browser before (another account too) is signed out server-side.
  await destroySession(request, db);
  headers.append('Set-Cookie', await createSession(db, result.userId, { now, userAgent: request.headers.get('User-Agent') ?? '' }));
  headers.append('Set-Cookie', await languageCookie.serialize(user.language));
  // A temporary password is changed before anything else (every signed-in page would send them there).
  if (user.mustChangePassword) return redirect(homeFor(user), { headers });
  const fallback = homeFor(user);
  const target = safeRedirect(submission.value.redirectTo, fallback);
  // Never send someone to the other role's pages after signing in.
  const allowed = user.role === 'coordinator' ? !target.startsWith('/ondersteuner') : !target.startsWith('/team');
  return redirect(allowed ? target : fallback, { headers });
}

export default function SignIn() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1>{t('signIn.title')}</h1>
        <p className="mt-2 text-slate-700">{t('signIn.intro')}</p>
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <TextField field={fields.email} label={t('signIn.email')} type="email" autoComplete="username" />
          <TextField field={fields.password} label={t('signIn.password')} type="password" autoComplete="current-password" />
          <button type="submit" className="btn w-full" disabled={navigation.state === 'submitting'}>
            {t('signIn.submit')}
          </button>
        </Form>
      </div>
    </div>
  );
}
