import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { parseId } from '~/components/admin-params';
import { faqSchema } from '~/components/faq-schema';
import { useErrorText } from '~/components/form';
import { pageTitle } from '~/components/meta';
import { FAQ_CATEGORIES } from '~/domain/faq';
import { getLanguage } from '~/i18n/i18n.server';
import { createFaqEntry, deleteFaqEntry, faqEntry, updateFaqEntry } from '~/services/faq.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Vraag en antwoord', 'Question and answer');

/** 'nieuw' for a new entry, else the id of an existing one. */
function target(param: string | undefined): 'new' | number {
  if (param === 'nieuw') return 'new';
  const id = parseId(param);
  if (id === null) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const which = target(params.id);
  const entry = which === 'new' ? null : faqEntry(getDb(), which);
  if (which !== 'new' && !entry) throw new Response('Not Found', { status: 404 });
  return { lang: await getLanguage(request), entry };
}

type ActionData = { errors: Record<string, string[] | null>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requireCoordinator(request);
  const which = target(params.id);
  const db = getDb();
  const formData = await request.formData();
  const actor = { actorUserId: user.id, now: Date.now() };
  if (formData.get('intent') === 'delete') {
    if (which === 'new') throw new Response('Bad Request', { status: 400 });
    const result = deleteFaqEntry(db, { ...actor, id: which });
    if (!result.ok) throw new Response('Not Found', { status: 404 });
    throw redirect('/team/vragen?klaar=verwijderd');
  }
  const submission = parseWithZod(formData, { schema: faqSchema });
  const values = Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  if (submission.status !== 'success') return { errors: submission.error ?? {}, values };
  const input = { ...actor, ...submission.value };
  const result = which === 'new' ? createFaqEntry(db, input) : updateFaqEntry(db, { ...input, id: which });
  if (!result.ok) throw new Response('Not Found', { status: 404 });
  throw redirect('/team/vragen?klaar=opgeslagen');
}

const FIELDS = ['category', 'sortOrder', 'questionNl', 'answerNl', 'questionEn', 'answerEn', 'published'] as const;
type Field = (typeof FIELDS)[number];

export default function FaqEntryPage() {
  const { lang, entry } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('faq');
  const errorText = useErrorText();
  const errors = actionData?.errors ?? {};
  const v = actionData?.values;
  const value = (f: Field): string =>
    v ? (v[f] ?? '') : entry ? String(f === 'published' ? (entry.published ? 'on' : '') : (entry[f] ?? '')) : f === 'sortOrder' ? '10' : '';
  const labels: Record<Field, string> = {
    category: t('team.category'),
    sortOrder: t('team.order'),
    questionNl: t('team.questionNl'),
    answerNl: t('team.answerNl'),
    questionEn: t('team.questionEn'),
    answerEn: t('team.answerEn'),
    published: t('team.publishLabel'),
  };
  const summary = FIELDS.flatMap((f) => (errors[f] ?? []).map((e) => ({ field: f, text: errorText(e) })));
  const aria = (f: Field, hint?: boolean) => {
    const ids = [hint ? `faq-${f}-hint` : '', errors[f]?.length ? `faq-${f}-error` : ''].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[f]?.length ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const fieldError = (f: Field) =>
    errors[f]?.length ? (
      <p id={`faq-${f}-error`} className="field-error">
        {errors[f]!.map(errorText).join(' ')}
      </p>
    ) : null;
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link to="/team/vragen">{t('team.back')}</Link>
      </p>
      <h1>{entry ? t('team.editTitle') : t('team.newTitle')}</h1>
      {summary.length > 0 ? (
        <div role="alert" className="alert" aria-labelledby="faq-fouten">
          <h2 id="faq-fouten" className="text-base">
            {t('team.errorSummary')}
          </h2>
          <ul className="mt-1 list-disc pl-5">
            {summary.map((s) => (
              <li key={`${s.field}-${s.text}`}>
                <a href={`#faq-${s.field}`}>
                  {labels[s.field]}: {s.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" className="card space-y-4" noValidate key={entry?.updatedAt ?? 'new'}>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="faq-category">{labels.category}</label>
            <select id="faq-category" name="category" className="input mt-1" defaultValue={value('category')} {...aria('category')}>
              <option value="">{t('team.chooseCategory')}</option>
              {FAQ_CATEGORIES.map((c) => (
                <option key={c.key} value={c.key}>
                  {c[lang]}
                </option>
              ))}
            </select>
            {fieldError('category')}
          </div>
          <div>
            <label htmlFor="faq-sortOrder">{labels.sortOrder}</label>
            <p id="faq-sortOrder-hint" className="text-sm text-slate-700">
              {t('team.orderHint')}
            </p>
            <input id="faq-sortOrder" name="sortOrder" inputMode="numeric" className="input mt-1" defaultValue={value('sortOrder')} {...aria('sortOrder', true)} />
            {fieldError('sortOrder')}
          </div>
        </div>
        <p id="faq-markdown-hint" className="text-sm text-slate-700">
          {t('team.markdownHint')}
        </p>
        <div>
          <label htmlFor="faq-questionNl">{labels.questionNl}</label>
          <input id="faq-questionNl" name="questionNl" className="input mt-1" defaultValue={value('questionNl')} {...aria('questionNl')} />
          {fieldError('questionNl')}
        </div>
        <div>
          <label htmlFor="faq-answerNl">{labels.answerNl}</label>
          <textarea id="faq-answerNl" name="answerNl" rows={6} className="input mt-1" defaultValue={value('answerNl')} {...aria('answerNl')} aria-describedby={['faq-markdown-hint', errors.answerNl?.length ? 'faq-answerNl-error' : ''].filter(Boolean).join(' ')} />
          {fieldError('answerNl')}
        </div>
        <div>
          <label htmlFor="faq-questionEn">{labels.questionEn}</label>
          <input id="faq-questionEn" name="questionEn" lang="en" className="input mt-1" defaultValue={value('questionEn')} {...aria('questionEn')} />
          {fieldError('questionEn')}
        </div>
        <div>
          <label htmlFor="faq-answerEn">{labels.answerEn}</label>
          <textarea id="faq-answerEn" name="answerEn" lang="en" rows={6} className="input mt-1" defaultValue={value('answerEn')} {...aria('answerEn')} />
          {fieldError('answerEn')}
        </div>
        <div className="flex items-center gap-2">
          <input id="faq-published" name="published" type="checkbox" className="h-5 w-5" defaultChecked={value('published') === 'on'} />
          <label htmlFor="faq-published">{labels.published}</label>
        </div>
        <button type="submit" className="btn">
          {t('team.save')}
        </button>
      </Form>
      {entry ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="btn-danger">
            {t('team.delete')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
