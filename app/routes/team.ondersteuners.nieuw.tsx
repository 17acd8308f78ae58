import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { SupporterForm, newSupporterSchema } from '~/components/admin-supporter-form';
import { message } from '~/components/form';
import { pageTitle } from '~/components/meta';
import { getLanguage } from '~/i18n/i18n.server';
import { createSupporter, regionChoices } from '~/services/oversight.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Ondersteuner toevoegen', 'Add a supporter');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  return { lang: await getLanguage(request), regions: regionChoices(getDb()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCoordinator(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: newSupporterSchema });
  if (submission.status !== 'success') return submission.reply({ hideFields: ['temporaryPassword'] });
  const v = submission.value;
  const result = await createSupporter(getDb(), {
    actorUserId: user.id,
    now: Date.now(),
    name: v.name,
    email: v.email,
    language: v.language,
    themes: v.themes,
    homeRegionId: v.homeRegionId ?? null,
    active: v.active,
    temporaryPassword: v.temporaryPassword,
  });
  if (result.ok) throw redirect('/team/ondersteuners?klaar=toegevoegd');
  const fieldErrors: Record<string, string[]> =
    result.problem === 'email_taken'
      ? { email: [message('admin:errors.emailTaken', { email: v.email.toLowerCase() })] }
      : result.problem === 'unknown_region'
        ? { homeRegionId: ['admin:errors.regionUnknown'] }
        : { themes: ['admin:errors.themeUnknown'] };
  return submission.reply({ fieldErrors, hideFields: ['temporaryPassword'] });
}

export default function NewSupporter() {
  const { lang, regions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/team/ondersteuners">{t('supporters.back')}</Link>
      </p>
      <h1>{t('supporters.newTitle')}</h1>
      <div className="card">
        <SupporterForm
          mode="new"
          lastResult={lastResult}
          lang={lang}
          regions={regions}
          defaults={{ name: '', email: '', language: lang, themes: [], homeRegionId: null, active: true }}
        />
      </div>
    </div>
  );
}
