import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { redirect, type data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { destroyOtherSessions, requireSupporter } from '~/auth/session.server';
import { FieldErrors, FormErrors, message, TextField } from '~/components/form';
import { pageTitle } from '~/components/meta';
import { HIDE_PASSWORDS, PasswordChangeFields, passwordChangeSchema } from '~/components/password-change';
import { refusedPasswordChange } from '~/components/password-change.server';
import { replyFor, SupporterNotice, type IntentReply } from '~/components/supporter-forms';
import { THEME_KEYS } from '~/domain/themes';
import { languageCookie } from '~/i18n/i18n.server';
import { changePassword } from '~/services/password-change.server';
import { myProfile, updateMyProfile } from '~/services/supporter-work.server';
import { getDb } from '~db/client';
import { ThemeCheckboxes } from '~/components/theme-checkboxes';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Mijn profiel', 'My profile');

const profileSchema = z.object({
  name: z
    .string({ required_error: 'supporter:errors.nameRequired' })
    .trim()
    .min(1, 'supporter:errors.nameRequired')
    .max(100, message('supporter:errors.tooLong', { max: 100 })),
  language: z.enum(['nl', 'en'], { errorMap: () => ({ message: 'supporter:errors.languageRequired' }) }),
  themes: z.array(z.enum(THEME_KEYS)).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSupporter(request);
  const profile = myProfile(getDb(), user.id);
  if (!profile) throw new Response('Not Found', { status: 404 });
  const done = new URL(request.url).searchParams.get('klaar');
  return { profile, saved: done === 'gegevens', passwordChanged: done === 'wachtwoord' };
}

/** A refused password try says when to come back (the action's Retry-After). */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs): Promise<IntentReply | Response | ReturnType<typeof data<IntentReply>>> {
  const user = await requireSupporter(request);
  const db = getDb();
  const now = Date.now();
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');

  if (intent === 'profile') {
    const submission = parseWithZod(formData, { schema: profileSchema });
    if (submission.status !== 'success') return { intent, result: submission.reply() };
    const v = submission.value;
    updateMyProfile(db, { userId: user.id, name: v.name, language: v.language, themes: v.themes ?? [], now });
    return redirect('/ondersteuner/profiel?klaar=gegevens', { headers: { 'Set-Cookie': await languageCookie.serialize(v.language) } });
  }
  if (intent === 'password') {
    const submission = parseWithZod(formData, { schema: passwordChangeSchema });
    if (submission.status !== 'success') return { intent, result: submission.reply(HIDE_PASSWORDS) };
    const v = submission.value;
    const result = await changePassword(db, {
      userId: user.id,
      currentPassword: v.currentPassword,
      newPassword: v.newPassword,
      ip: context.clientIp ?? 'unknown',
      now,
    });
    if (!result.ok) return refusedPasswordChange(submission, result, (reply): IntentReply => ({ intent, result: reply }));
    await destroyOtherSessions(request, user.id, db);
    return redirect('/ondersteuner/profiel?klaar=wachtwoord');
  }
  throw new Response('Bad Request', { status: 400 });
}

export default function MyProfile() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('supporter');
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const p = data.profile;
  const busy = navigation.state === 'submitting';

  const [profileForm, profileFields] = useForm({
    id: 'profile',
    lastResult: replyFor(actionData, 'profile'),
    defaultValue: { name: p.name, language: p.language, themes: p.themes },
    constraint: getZodConstraint(profileSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  const [passwordForm, passwordFields] = useForm({
    id: 'password',
    lastResult: replyFor(actionData, 'password'),
    constraint: getZodConstraint(passwordChangeSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordChangeSchema }),
  });
  const chosenLanguage = profileFields.language.initialValue ?? p.language;
  const initialThemes = profileFields.themes.initialValue;
  const chosenThemes = new Set<string>(Array.isArray(initialThemes) ? initialThemes.filter((x): x is string => typeof x === 'string') : p.themes);

  return (
    <div className="space-y-6">
      <h1>{t('profile.title')}</h1>
      {data.saved ? <SupporterNotice>{t('profile.savedNotice')}</SupporterNotice> : null}
      {data.passwordChanged ? <SupporterNotice>{t('profile.passwordChangedNotice')}</SupporterNotice> : null}

      <section className="card space-y-4" aria-labelledby="gegevens">
        <h2 id="gegevens">{t('profile.detailsTitle')}</h2>
        <Form method="post" {...getFormProps(profileForm)} className="space-y-5">
          <FormErrors id={profileForm.errorId} errors={profileForm.errors} />
          <input type="hidden" name="intent" value="profile" />
          <TextField field={profileFields.name} label={t('profile.name')} autoComplete="name" required />
          <div>
            <p className="font-medium">{t('profile.email')}</p>
            <p>{p.email}</p>
            <p className="text-sm text-slate-700">{t('profile.emailHint')}</p>
          </div>

          <fieldset aria-describedby="taal-hint">
            <legend className="font-medium">{t('profile.language')}</legend>
            <p id="taal-hint" className="text-sm text-slate-700">
              {t('profile.languageHint')}
            </p>
            <div className="mt-2 flex flex-wrap gap-6">
              {(['nl', 'en'] as const).map((code) => (
                <div key={code} className="flex items-center gap-2">
                  <input
                    type="radio"
                    id={`taal-${code}`}
                    name={profileFields.language.name}
                    value={code}
                    defaultChecked={chosenLanguage === code}
                    className="size-4"
                  />
                  <label htmlFor={`taal-${code}`} className="font-normal" lang={code}>
                    {t(`profile.languages.${code}`)}
                  </label>
                </div>
              ))}
            </div>
            <FieldErrors id={profileFields.language.errorId} errors={profileFields.language.errors} />
          </fieldset>

          <ThemeCheckboxes
            name={profileFields.themes.name}
            legend={t('profile.themes')}
            hint={t('profile.themesHint')}
            chosen={chosenThemes}
            lang={lang}
            errorId={profileFields.themes.errorId}
            errors={profileFields.themes.errors}
          />

          <button type="submit" className="btn" disabled={busy}>
            {t('profile.save')}
          </button>
        </Form>
      </section>

      <section className="card space-y-4" aria-labelledby="wachtwoord">
        <div>
          <h2 id="wachtwoord">{t('profile.passwordTitle')}</h2>
          <p className="mt-1">{t('profile.passwordIntro')}</p>
        </div>
        <Form method="post" {...getFormProps(passwordForm)} className="max-w-md space-y-4">
          <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
          <input type="hidden" name="intent" value="password" />
          <PasswordChangeFields fields={passwordFields} />
          <button type="submit" className="btn" disabled={busy}>
            {t('profile.changePassword')}
          </button>
        </Form>
      </section>
    </div>
  );
}
