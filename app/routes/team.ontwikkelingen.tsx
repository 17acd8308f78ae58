import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireCoordinator } from '~/auth/session.server';
import { parseId } from '~/components/admin-params';
import { publishSchema } from '~/components/development-schema';
import { useErrorText } from '~/components/form';
import { pageTitle } from '~/components/meta';
import { amsterdamDate } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { decideDevelopment, developmentsForTeam, publishDevelopment, unpublishDevelopment } from '~/services/developments.server';
import { regionChoices } from '~/services/oversight.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Laatste ontwikkelingen', 'Latest developments');

const DONE = ['published', 'rejected', 'unpublished'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const db = getDb();
  const done = new URL(request.url).searchParams.get('klaar');
  return {
    lang: await getLanguage(request),
    today: amsterdamDate(Date.now()),
    regions: regionChoices(db),
    ...developmentsForTeam(db),
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
  };
}

const decideSchema = z.object({ intent: z.enum(['approve', 'reject', 'unpublish']), id: z.string() });

type ActionData = { errors: Record<string, string[] | null>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requireCoordinator(request);
  const db = getDb();
  const formData = await request.formData();
  const actor = { actorUserId: user.id, now: Date.now() };
  if (formData.get('intent') === 'publish') {
    const submission = parseWithZod(formData, { schema: publishSchema });
    const values = Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    if (submission.status !== 'success') return { errors: submission.error ?? {}, values };
    const result = publishDevelopment(db, { ...actor, ...submission.value });
    if (!result.ok) return { errors: { regionId: [`map:problems.${result.problem}`] }, values };
    throw redirect('/team/ontwikkelingen?klaar=published');
  }
  const decision = decideSchema.safeParse(Object.fromEntries(formData));
  const id = decision.success ? parseId(decision.data.id) : null;
  if (!decision.success || id === null) throw new Response('Bad Request', { status: 400 });
  const intent = decision.data.intent;
  const result =
    intent === 'unpublish'
      ? unpublishDevelopment(db, { ...actor, developmentId: id })
      : decideDevelopment(db, { ...actor, developmentId: id, decision: intent === 'approve' ? 'publish' : 'reject' });
  if (!result.ok) return { errors: { '': [`map:problems.${result.problem}`] }, values: {} };
  throw redirect(`/team/ontwikkelingen?klaar=${intent === 'approve' ? 'published' : intent === 'reject' ? 'rejected' : 'unpublished'}`);
}

export default function TeamDevelopments() {
  const { today, regions, proposals, published, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('map');
  const errorText = useErrorText();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const fields = ['regionId', 'title', 'body', 'link', 'date'] as const;
  const labels: Record<(typeof fields)[number], string> = {
    regionId: t('teamDevelopments.region'),
    title: t('propose.titleLabel'),
    body: t('propose.bodyLabel'),
    link: t('propose.linkLabel'),
    date: t('teamDevelopments.date'),
  };
  const summary = fields.flatMap((f) => (errors[f] ?? []).map((e) => ({ field: f, text: errorText(e) })));
  const aria = (f: (typeof fields)[number]) =>
    errors[f]?.length ? { 'aria-invalid': true as const, 'aria-describedby': `nieuw-${f}-error` } : {};
  const fieldError = (f: (typeof fields)[number]) =>
    errors[f]?.length ? (
      <p id={`nieuw-${f}-error`} className="field-error">
        {errors[f]!.map(errorText).join(' ')}
      </p>
    ) : null;
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('teamDevelopments.title')}</h1>
        <p className="mt-2">{t('teamDevelopments.intro')}</p>
      </div>
      {done ? (
        <p role="status" className="notice">
          {t(`teamDevelopments.done.${done}`)}
        </p>
      ) : null}
      {errors['']?.length ? (
        <p role="alert" className="alert">
          {errors['']!.map(errorText).join(' ')}
        </p>
      ) : null}

      <section aria-labelledby="voorstellen" className="card">
        <h2 id="voorstellen">{t('teamDevelopments.proposalsTitle')}</h2>
        <p className="mt-1">{proposals.length ? t('teamDevelopments.proposalsCount', { count: proposals.length }) : t('teamDevelopments.noProposals')}</p>
        <ul className="mt-3 space-y-4">
          {proposals.map((p) => (
            <li key={p.id} className="rounded-md border border-slate-200 p-4">
              <h3>{p.title}</h3>
              <p className="text-sm text-slate-700">
                {p.regionName} · {t('teamDevelopments.proposedOn', { date: p.date })}
              </p>
              <p className="mt-2 whitespace-pre-line">{p.body}</p>
              {p.linkUrl ? <p className="mt-1 break-all text-sm">{p.linkUrl}</p> : null}
              <div className="mt-3 flex flex-wrap gap-3">
                <Form method="post">
                  <input type="hidden" name="id" value={p.id} />
                  <button type="submit" name="intent" value="approve" className="btn" aria-label={t('teamDevelopments.publishLabel', { title: p.title })}>
                    {t('teamDevelopments.publish')}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="id" value={p.id} />
                  <button type="submit" name="intent" value="reject" className="btn-secondary" aria-label={t('teamDevelopments.rejectLabel', { title: p.title })}>
                    {t('teamDevelopments.reject')}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="nieuw" className="card">
        <h2 id="nieuw">{t('teamDevelopments.newTitle')}</h2>
        {summary.length > 0 ? (
          <div role="alert" className="alert mt-3" aria-labelledby="nieuw-fouten">
            <h3 id="nieuw-fouten" className="text-base">
              {t('propose.errorSummary')}
            </h3>
            <ul className="mt-1 list-disc pl-5">
              {summary.map((s) => (
                <li key={s.field}>
                  <a href={`#nieuw-${s.field}`}>
                    {labels[s.field]}: {s.text}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" className="mt-3 space-y-3" noValidate>
          <input type="hidden" name="intent" value="publish" />
          <div>
            <label htmlFor="nieuw-regionId">{labels.regionId}</label>
            <select id="nieuw-regionId" name="regionId" className="input mt-1" defaultValue={values.regionId ?? ''} {...aria('regionId')}>
              <option value="">{t('teamDevelopments.chooseRegion')}</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.registrationNumber})
                </option>
              ))}
            </select>
            {fieldError('regionId')}
          </div>
          <div>
            <label htmlFor="nieuw-title">{labels.title}</label>
            <input id="nieuw-title" name="title" className="input mt-1" defaultValue={values.title} {...aria('title')} />
            {fieldError('title')}
          </div>
          <div>
            <label htmlFor="nieuw-body">{labels.body}</label>
            <textarea id="nieuw-body" name="body" rows={4} className="input mt-1" defaultValue={values.body} {...aria('body')} />
            {fieldError('body')}
          </div>
          <div>
            <label htmlFor="nieuw-link">{labels.link}</label>
            <input id="nieuw-link" name="link" type="url" className="input mt-1" defaultValue={values.link} {...aria('link')} />
            {fieldError('link')}
          </div>
          <div>
            <label htmlFor="nieuw-date">{labels.date}</label>
            <input id="nieuw-date" name="date" type="date" className="input mt-1 max-w-xs" defaultValue={values.date ?? today} {...aria('date')} />
            {fieldError('date')}
          </div>
          <button type="submit" className="btn">
            {t('teamDevelopments.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="gepubliceerd" className="card">
        <h2 id="gepubliceerd">{t('teamDevelopments.publishedTitle')}</h2>
        {published.length === 0 ? <p className="mt-2">{t('teamDevelopments.noPublished')}</p> : null}
        <ul className="mt-3 space-y-3">
          {published.map((p) => (
            <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 pb-3">
              <div>
                <p className="font-semibold">{p.title}</p>
                <p className="text-sm text-slate-700">
                  {p.regionName} · {p.date}
                  {p.fromContact ? ` · ${t('teamDevelopments.fromContact')}` : ''}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="id" value={p.id} />
                <button type="submit" name="intent" value="unpublish" className="btn-secondary" aria-label={t('teamDevelopments.unpublishLabel', { title: p.title })}>
                  {t('teamDevelopments.unpublish')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
