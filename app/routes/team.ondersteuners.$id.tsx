import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireCoordinator } from '~/auth/session.server';
import { parseId } from '~/components/admin-params';
import { SupporterForm, editSupporterSchema, temporaryPasswordField } from '~/components/admin-supporter-form';
import { FormErrors, TextField, message } from '~/components/form';
import { langFromMatches } from '~/components/meta';
import { getLanguage } from '~/i18n/i18n.server';
import { NotFoundError } from '~/services/common.server';
import { getSupporter, regionChoices, setTemporaryPassword, updateSupporter } from '~/services/oversight.server';
import { getDb } from '~db/client';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const en = langFromMatches(matches) === 'en';
  const name = data?.supporter.name ?? (en ? 'Supporter' : 'Ondersteuner');
  return [{ title: `${name} – ${en ? 'STO Support' : 'STO Ondersteuning'}` }];
};

const passwordSchema = z.object({ intent: z.literal('password'), password: temporaryPasswordField });

function supporterIdOf(params: { id?: string }): number {
  const id = parseId(params.id);
  if (id === null) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const id = supporterIdOf(params);
  const db = getDb();
  const supporter = getSupporter(db, id, Date.now());
  if (!supporter) throw new Response('Not Found', { status: 404 });
  const done = new URL(request.url).searchParams.get('klaar');
  return {
    lang: await getLanguage(request),
    supporter,
    regions: regionChoices(db),
    done: done === 'opgeslagen' || done === 'wachtwoord' ? done : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCoordinator(request);
  const id = supporterIdOf(params);
  const formData = await request.formData();
  const db = getDb();
  const actor = { actorUserId: user.id, now: Date.now() };
  const intent = formData.get('intent');
  try {
    if (intent === 'profile') {
      const submission = parseWithZod(formData, { schema: editSupporterSchema });
      if (submission.status !== 'success') return { intent, result: submission.reply() };
      const v = submission.value;
      const result = updateSupporter(db, {
        ...actor,
        supporterId: id,
        name: v.name,
        email: v.email,
        language: v.language,
        themes: v.themes,
        homeRegionId: v.homeRegionId ?? null,
        active: v.active,
      });
      if (result.ok) throw redirect(`/team/ondersteuners/${id}?klaar=opgeslagen`);
      const fieldErrors: Record<string, string[]> =
        result.problem === 'email_taken'
          ? { email: [message('admin:errors.emailTaken', { email: v.email.toLowerCase() })] }
          : result.problem === 'unknown_region'
            ? { homeRegionId: ['admin:errors.regionUnknown'] }
            : { themes: ['admin:errors.themeUnknown'] };
      return { intent, result: submission.reply({ fieldErrors }) };
    }
    if (intent === 'password') {
      const submission = parseWithZod(formData, { schema: passwordSchema });
      if (submission.status !== 'success') return { intent, result: submission.reply({ hideFields: ['password'] }) };
      await setTemporaryPassword(db, { ...actor, supporterId: id, password: submission.value.password });
      throw redirect(`/team/ondersteuners/${id}?klaar=wachtwoord`);
    }
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response('Not Found', { status: 404 });
    throw error;
  }
  throw new Response('Bad Request', { status: 400 });
}

export default function EditSupporter() {
  const { lang, supporter, regions, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/team/ondersteuners">{t('supporters.back')}</Link>
      </p>
      <h1>{t('supporters.editTitle', { name: supporter.name })}</h1>
      {done ? (
        <p role="status" className="notice">
          {done === 'opgeslagen' ? t('supporters.saved') : t('supporters.passwordSet')}
        </p>
      ) : null}
      {!supporter.active && supporter.plannedVisitsAhead > 0 ? (
        <p className="alert">{t('supporters.aheadWarning', { name: supporter.name, count: supporter.plannedVisitsAhead })}</p>
      ) : null}
      <section aria-labelledby="profiel-kop" className="card">
        <h2 id="profiel-kop">{t('supporters.profileTitle')}</h2>
        <div className="mt-4">
          <SupporterForm
            key={`${supporter.email}-${supporter.active}-${done ?? ''}`}
            mode="edit"
            lastResult={data?.intent === 'profile' ? data.result : undefined}
            lang={lang}
            regions={regions}
            defaults={supporter}
          />
        </div>
      </section>
      <PasswordForm lastResult={data?.intent === 'password' ? data.result : undefined} />
    </div>
  );
}

function PasswordForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('admin');
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'wachtwoord',
    lastResult,
    constraint: getZodConstraint(passwordSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema }),
  });
  return (
    <section aria-labelledby="wachtwoord-kop" className="card">
      <h2 id="wachtwoord-kop">{t('supporters.passwordTitle')}</h2>
      <p className="mt-2">{t('supporters.passwordIntro')}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="password" />
        <TextField
          field={fields.password}
          label={t('supporters.temporaryPassword')}
          hint={t('supporters.temporaryPasswordHint')}
          type="text"
          autoComplete="new-password"
        />
        <button type="submit" className="btn-secondary" disabled={navigation.state === 'submitting'}>
          {t('supporters.passwordSubmit')}
        </button>
      </Form>
    </section>
  );
}
