import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { parseId } from '~/components/admin-params';
import { useErrorText } from '~/components/form';
import { pageTitle } from '~/components/meta';
import { toolTextSchema } from '~/components/tool-schema';
import { THEMES, themeLabel } from '~/domain/themes';
import { TOOL_ACCEPT, TOOL_MAX_BYTES, toolKindLabel, extensionOf } from '~/domain/tools';
import { getLanguage } from '~/i18n/i18n.server';
import { listTools, publishToolFile, publishToolLink, removeTool } from '~/services/tools.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Tools', 'Tools');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const done = new URL(request.url).searchParams.get('klaar');
  return { lang: await getLanguage(request), tools: listTools(getDb()), done: done === 'gepubliceerd' ? ('gepubliceerd' as const) : done === 'verwijderd' ? ('verwijderd' as const) : null };
}

type ActionData = { errors: Record<string, string[] | null>; values: Record<string, string> };

async function readForm(request: Request): Promise<FormData | 'too_large'> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data')) return request.formData();
  try {
    // The server's body limit lets this route's uploads through (server/security.ts); each part is capped here.
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: TOOL_MAX_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return 'too_large';
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requireCoordinator(request);
  const lang = await getLanguage(request);
  const db = getDb();
  const actor = { actorUserId: user.id, now: Date.now() };
  const formData = await readForm(request);
  if (formData === 'too_large') return { errors: { file: ['tools:problems.file_too_large'] }, values: {} };
  if (formData.get('intent') === 'remove') {
    const id = parseId(String(formData.get('id') ?? ''));
    if (id === null) throw new Response('Bad Request', { status: 400 });
    const result = removeTool(db, { ...actor, id });
    if (!result.ok) throw new Response('Not Found', { status: 404 });
    throw redirect('/team/tools?klaar=verwijderd');
  }
  const values = Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const parsed = toolTextSchema.safeParse(values);
  const file = formData.get('file');
  const upload = file instanceof File && (file.size > 0 || file.name) ? file : null;
  const errors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? '')] ??= []).push(issue.message);
  }
  const link = parsed.success ? parsed.data.link : undefined;
  if (!upload && !link && !errors.link) errors.file = ['tools:errors.fileOrLink'];
  if (upload && link) errors.link = ['tools:errors.notBoth'];
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors, values };
  const text = { title: parsed.data.title, description: parsed.data.description, theme: parsed.data.theme };
  if (link) {
    publishToolLink(db, { ...actor, ...text, linkUrl: link });
    throw redirect('/team/tools?klaar=gepubliceerd');
  }
  const result = await publishToolFile(db, { ...actor, ...text, fileName: upload!.name, bytes: Buffer.from(await upload!.arrayBuffer()) });
  if (!result.ok) {
    if (result.problem === 'not_found') throw new Response('Not Found', { status: 404 });
    const detected = result.detected ? result.detected.toUpperCase() : lang === 'en' ? 'unknown' : 'onbekend';
    return { errors: { file: [`tools:problems.${result.problem}?${new URLSearchParams({ name: result.fileName, detected, ext: extensionOf(result.fileName) || '–' })}`] }, values };
  }
  throw redirect('/team/tools?klaar=gepubliceerd');
}

const FIELDS = ['title', 'description', 'theme', 'file', 'link'] as const;
type Field = (typeof FIELDS)[number];

export default function TeamTools() {
  const { lang, tools, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('tools');
  const errorText = useErrorText();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const labels: Record<Field, string> = {
    title: t('form.title'),
    description: t('form.description'),
    theme: t('form.theme'),
    file: t('form.file'),
    link: t('form.link'),
  };
  const summary = FIELDS.flatMap((f) => (errors[f] ?? []).map((e) => ({ field: f, text: errorText(e) })));
  const aria = (f: Field, hint?: boolean) => {
    const ids = [hint ? `tool-${f}-hint` : '', errors[f]?.length ? `tool-${f}-error` : ''].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[f]?.length ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const fieldError = (f: Field) =>
    errors[f]?.length ? (
      <p id={`tool-${f}-error`} className="field-error">
        {errors[f]!.map(errorText).join(' ')}
      </p>
    ) : null;
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('title')}</h1>
        <p className="mt-2">{t('team.intro')}</p>
      </div>
      {done ? (
        <p role="status" className="notice">
          {t(`team.done.${done}`)}
        </p>
      ) : null}
      <section aria-labelledby="tool-nieuw" className="card">
        <h2 id="tool-nieuw">{t('team.newTitle')}</h2>
        {summary.length > 0 ? (
          <div role="alert" className="alert mt-3" aria-labelledby="tool-fouten">
            <h3 id="tool-fouten" className="text-base">
              {t('team.errorSummary')}
            </h3>
            <ul className="mt-1 list-disc pl-5">
              {summary.map((s) => (
                <li key={`${s.field}-${s.text}`}>
                  <a href={`#tool-${s.field}`}>
                    {labels[s.field]}: {s.text}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="mt-3 space-y-4" noValidate>
          <div>
            <label htmlFor="tool-title">{labels.title}</label>
            <input id="tool-title" name="title" className="input mt-1" defaultValue={values.title} {...aria('title')} />
            {fieldError('title')}
          </div>
          <div>
            <label htmlFor="tool-description">{labels.description}</label>
            <textarea id="tool-description" name="description" rows={3} className="input mt-1" defaultValue={values.description} {...aria('description')} />
            {fieldError('description')}
          </div>
          <div>
            <label htmlFor="tool-theme">{labels.theme}</label>
            <select id="tool-theme" name="theme" className="input mt-1" defaultValue={values.theme ?? ''} {...aria('theme')}>
              <option value="">{t('form.chooseTheme')}</option>
              {THEMES.map((th) => (
                <option key={th.key} value={th.key}>
                  {th[lang]}
                </option>
              ))}
            </select>
            {fieldError('theme')}
          </div>
          <div>
            <label htmlFor="tool-file">{labels.file}</label>
            <p id="tool-file-hint" className="text-sm text-slate-700">
              {t('form.fileHint')}
            </p>
            <input id="tool-file" name="file" type="file" accept={TOOL_ACCEPT} className="mt-1 block" {...aria('file', true)} />
            {fieldError('file')}
          </div>
          <div>
            <label htmlFor="tool-link">{labels.link}</label>
            <p id="tool-link-hint" className="text-sm text-slate-700">
              {t('form.linkHint')}
            </p>
            <input id="tool-link" name="link" type="url" className="input mt-1" defaultValue={values.link} {...aria('link', true)} />
            {fieldError('link')}
          </div>
          <button type="submit" className="btn">
            {t('team.publish')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="tool-lijst" className="card">
        <h2 id="tool-lijst">{t('team.listTitle')}</h2>
        {tools.length === 0 ? <p className="mt-2">{t('none')}</p> : null}
        <ul className="mt-3 space-y-3">
          {tools.map((tool) => (
            <li key={tool.id} className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 pb-3">
              <div>
                <p className="font-semibold">{tool.title}</p>
                <p className="text-sm text-slate-700">
                  {themeLabel(tool.theme, lang)} · {tool.fileName ? `${toolKindLabel(extensionOf(tool.fileName))}, ${tool.fileName}` : tool.linkUrl}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="id" value={tool.id} />
                <button type="submit" className="btn-secondary" aria-label={t('team.removeLabel', { title: tool.title })}>
                  {t('team.remove')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
