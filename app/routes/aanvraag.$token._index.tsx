import { pageTitle } from '~/components/meta';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useErrorText } from '~/components/form';
import { formatHalfDays } from '~/domain/days';
import { themeLabel } from '~/domain/themes';
import { formatDate, formatDateTime, formatRange, parseLocalDateTime } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { feedUrl, replaceFeed } from '~/services/feeds.server';
import { askQuestion, findRequestIdByToken, requestStatusView } from '~/services/requests.server';
import { getDb } from '~db/client';
import { LedgerFigures } from '~/components/ledger-figures';
import { DevelopmentProposalForm } from '~/components/development-proposal-form';
import { proposalFields } from '~/components/development-schema';
import { proposalsOfRequest, proposeDevelopment, regionIsPublic } from '~/services/developments.server';
import { calendarDate } from '~/components/date-schema';

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, 'Uw aanvraag', 'Your request'), { name: 'robots', content: 'noindex' }];

function requireRequestId(token: string | undefined): number {
  const id = token ? findRequestIdByToken(getDb(), token) : null;
  if (id === null) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const requestId = requireRequestId(params.token);
  const view = requestStatusView(getDb(), requestId, Date.now());
  if (!view) throw new Response('Not Found', { status: 404 });
  const db = getDb();
  return {
    ...view,
    lang: await getLanguage(request),
    token: params.token!,
    proposals: proposalsOfRequest(db, requestId),
    regionPublic: regionIsPublic(db, view.request.regionId),
  };
}

const reason = z.string({ required_error: 'request:errors.reasonRequired' }).trim().min(1, 'request:errors.reasonRequired').max(1000, 'request:errors.tooLong?max=1000');
const hhmm = z.string({ required_error: 'request:errors.proposalRequired' }).regex(/^\d{2}:\d{2}$/, 'request:errors.timeInvalid');

const questionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('withdraw'), reason }),
  z.object({ intent: z.literal('cancel'), visitId: z.coerce.number().int().positive(), reason }),
  z.object({
    intent: z.literal('move'),
    visitId: z.coerce.number().int().positive(),
    reason,
    date: calendarDate('request:errors.dateInvalid', 'request:errors.proposalRequired'),
    start: hhmm,
    end: hhmm,
  }),
  z.object({ intent: z.literal('feed') }),
  z.object({ intent: z.literal('development'), ...proposalFields }),
]);

type ActionData = {
  intent: string;
  errors?: Record<string, string[] | null>;
  done?: boolean;
  feedUrl?: string;
  values?: { title?: string; body?: string; link?: string };
};

export async function action({ request, params }: ActionFunctionArgs): Promise<ActionData> {
  const requestId = requireRequestId(params.token);
  const db = getDb();
  const now = Date.now();
  const submission = parseWithZod(await request.formData(), { schema: questionSchema });
  if (submission.status !== 'success') {
    const intent = String(submission.payload.intent ?? '');
    const values = intent === 'development' ? developmentValues(submission.payload) : undefined;
    return { intent, errors: submission.error ?? {}, values };
  }
  const v = submission.value;
  if (v.intent === 'development') {
    const result = proposeDevelopment(db, requestId, { title: v.title, body: v.body, link: v.link ?? null }, now);
    if (!result.ok) return { intent: v.intent, errors: { '': [`map:problems.${result.problem}`] }, values: developmentValues(v) };
    return { intent: v.intent, done: true };
  }
  if (v.intent === 'feed') {
    const token = replaceFeed(db, { ownerKind: 'request', ownerId: requestId, actorUserId: null, now });
    return { intent: 'feed', done: true, feedUrl: feedUrl(token) };
  }
  let input: Parameters<typeof askQuestion>[2];
  if (v.intent === 'move') {
    const start = parseLocalDateTime(`${v.date}T${v.start}`);
    const end = parseLocalDateTime(`${v.date}T${v.end}`);
    if (!start.ok) return { intent: v.intent, errors: { start: ['request:errors.timeInvalid'] } };
    if (!end.ok) return { intent: v.intent, errors: { end: ['request:errors.timeInvalid'] } };
    if (end.ms <= start.ms) return { intent: v.intent, errors: { end: ['request:errors.endBeforeStart'] } };
    input = { kind: 'move', visitId: v.visitId, reason: v.reason, proposedStartsAt: start.ms, proposedEndsAt: end.ms };
  } else if (v.intent === 'cancel') {
    input = { kind: 'cancel', visitId: v.visitId, reason: v.reason };
  } else {
    input = { kind: 'withdraw', reason: v.reason };
  }
  const result = askQuestion(db, requestId, input, now);
  if (!result.ok) return { intent: v.intent, errors: { '': [`request:errors.${result.problem}`] } };
  return { intent: v.intent, done: true };
}

function developmentValues(payload: Record<string, unknown>): ActionData['values'] {
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : undefined);
  return { title: text('title'), body: text('body'), link: text('link') };
}

export default function RequestStatus() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('request');
  const lang = data.lang;
  const r = data.request;
  const typeName = lang === 'nl' ? r.typeNameNl : r.typeNameEn;
  const open = r.status === 'submitted' || r.status === 'accepted';
  const planned = data.visits.filter((v) => v.status === 'planned');
  const eventText = (kind: string) => {
    const key = `status.events.${kind}`;
    return t(key as 'status.events.other', { defaultValue: t('status.events.other') });
  };

  return (
    <div className="space-y-6">
      <div>
        <h1>
          {t('status.title')}: {typeName}
        </h1>
        <p className="mt-2 text-slate-700">{t('status.private')}</p>
      </div>

      {actionData?.done && actionData.intent !== 'feed' && actionData.intent !== 'development' ? (
        <p role="status" className="notice">
          {t('status.questionSent')}
        </p>
      ) : null}

      <section className="card" aria-labelledby="gegevens">
        <h2 id="gegevens" className="sr-only">
          {t('status.title')}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t('status.statusLabel')}</dt>
          <dd>
            <span className="badge">{t(`status.statuses.${r.status}`)}</span>
          </dd>
          <dt className="font-semibold">{t('status.region')}</dt>
          <dd>
            {r.regionName} ({r.registrationNumber})
          </dd>
          <dt className="font-semibold">{t('status.type')}</dt>
          <dd>{typeName}</dd>
          {r.theme ? (
            <>
              <dt className="font-semibold">{t('status.theme')}</dt>
              <dd>{themeLabel(r.theme, lang)}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t('status.question')}</dt>
          <dd className="whitespace-pre-line">{r.question}</dd>
          {r.preferredPeriod ? (
            <>
              <dt className="font-semibold">{t('status.preferredPeriod')}</dt>
              <dd>{r.preferredPeriod}</dd>
            </>
          ) : null}
          {r.location ? (
            <>
              <dt className="font-semibold">{t('status.location')}</dt>
              <dd>{r.location}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t('status.expectedDays')}</dt>
          <dd>{formatHalfDays(r.expectedHalfDays, lang)}</dd>
          <dt className="font-semibold">{t('status.submittedAt')}</dt>
          <dd>{formatDate(r.createdAt, lang)}</dd>
          <dt className="font-semibold">{t('status.supporter')}</dt>
          <dd>{r.supporterName ?? t('status.noSupporter')}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="bezoeken">
        <h2 id="bezoeken">{t('status.visitsTitle')}</h2>
        {data.visits.length === 0 ? (
          <p className="mt-2">{t('status.noVisits')}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {data.visits.map((v) => {
              const when = formatRange(v.startsAt, v.endsAt, lang);
              return (
                <li key={v.id} className="rounded-md border border-slate-200 p-4">
                  <p className="font-semibold">
                    {when} <span className="badge ml-2">{t(`status.visitStatuses.${v.status}`)}</span>
                  </p>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="font-semibold">{t('status.where')}</dt>
                    <dd>{v.location || '–'}</dd>
                    <dt className="font-semibold">{t('status.who')}</dt>
                    <dd>{v.supporterName}</dd>
                    <dt className="font-semibold">{t('status.days')}</dt>
                    <dd>{formatHalfDays(v.halfDays, lang)}</dd>
                    {v.cancelReason && v.status === 'cancelled' ? (
                      <>
                        <dt className="font-semibold">{t('status.cancelReason')}</dt>
                        <dd>{v.cancelReason}</dd>
                      </>
                    ) : null}
                    {v.report ? (
                      <>
                        <dt className="font-semibold">{t('status.report')}</dt>
                        <dd className="whitespace-pre-line">{v.report}</dd>
                      </>
                    ) : null}
                  </dl>
                  {v.status !== 'cancelled' ? (
                    <p className="mt-2 text-sm">
                      <a href={`/aanvraag/${data.token}/bezoek/${v.id}.ics`} aria-label={t('status.downloadIcsLabel', { when })} download>
                        {t('status.downloadIcs')}
                      </a>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="dagen">
        <h2 id="dagen">{t('status.ledgerTitle', { region: r.regionName, year: data.year })}</h2>
        <LedgerFigures
          ledger={data.ledger}
          lang={lang}
          labels={{ allotted: t('status.allotted'), planned: t('status.planned'), used: t('status.used'), left: t('status.left') }}
        />
        {data.criticalFriend ? <p className="mt-3">{t('status.criticalFriend', data.criticalFriend)}</p> : null}
      </section>

      <section className="card" aria-labelledby="verloop">
        <h2 id="verloop">{t('status.historyTitle')}</h2>
        <ol className="mt-3 space-y-2">
          {data.history.map((h, i) => (
            <li key={i}>
              <span className="text-sm text-slate-700">{formatDateTime(h.at, lang)}</span> – {eventText(h.kind)}
              {h.message ? <span className="block text-sm text-slate-800">{h.message}</span> : null}
            </li>
          ))}
        </ol>
        {data.questions.length > 0 ? (
          <>
            <h3 className="mt-5">{t('status.questionsTitle')}</h3>
            <ul className="mt-2 space-y-2">
              {data.questions.map((q) => (
                <li key={q.id}>
                  {eventText(`question_${q.kind}`)} ({formatDate(q.createdAt, lang)}): <span className="badge">{t(`status.questionStatuses.${q.status}`)}</span>
                  {q.answer ? <span className="block text-sm">{q.answer}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="agenda">
        <h2 id="agenda">{t('status.feedTitle')}</h2>
        <p className="mt-2">{t('status.feedText')}</p>
        {actionData?.intent === 'feed' && actionData.feedUrl ? (
          <div className="mt-3" role="status">
            <p>{t('status.feedReady')}</p>
            <p className="mt-1 break-all rounded bg-slate-100 p-2 font-mono text-sm">{actionData.feedUrl}</p>
          </div>
        ) : null}
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="feed" />
          <button type="submit" className="btn-secondary">
            {t('status.feedButton')}
          </button>
        </Form>
      </section>

      <DevelopmentProposalForm actionData={actionData} proposals={data.proposals} regionPublic={data.regionPublic} />

      {open ? (
        <section className="card space-y-6" aria-labelledby="wijzigen">
          <div>
            <h2 id="wijzigen">{t('status.askTitle')}</h2>
            <p className="mt-1">{t('status.askIntro')}</p>
          </div>
          {planned.length > 0 ? (
            <>
              <QuestionForm intent="move" title={t('status.moveTitle')} submit={t('status.sendMove')} visits={planned} lang={lang} actionData={actionData} />
              <QuestionForm intent="cancel" title={t('status.cancelTitle')} submit={t('status.sendCancel')} visits={planned} lang={lang} actionData={actionData} />
            </>
          ) : null}
          <QuestionForm intent="withdraw" title={t('status.withdrawTitle')} submit={t('status.sendWithdraw')} visits={[]} lang={lang} actionData={actionData} />
        </section>
      ) : null}
    </div>
  );
}

function QuestionForm({
  intent,
  title,
  submit,
  visits,
  lang,
  actionData,
}: {
  intent: 'move' | 'cancel' | 'withdraw';
  title: string;
  submit: string;
  visits: Array<{ id: number; startsAt: number; endsAt: number }>;
  lang: 'nl' | 'en';
  actionData: ActionData | undefined;
}) {
  const { t } = useTranslation('request');
  const errorText = useErrorText();
  const errors = actionData?.intent === intent ? (actionData.errors ?? {}) : {};
  const id = (name: string) => `${intent}-${name}`;
  const fieldError = (name: string) => {
    const list = errors[name];
    return list?.length ? (
      <p id={id(`${name}-error`)} className="field-error">
        {list.map(errorText).join(' ')}
      </p>
    ) : null;
  };
  const invalid = (name: string) => (errors[name]?.length ? { 'aria-invalid': true, 'aria-describedby': id(`${name}-error`) } : {});
  return (
    <Form method="post" className="space-y-3 border-t border-slate-200 pt-4" aria-labelledby={id('title')}>
      <h3 id={id('title')}>{title}</h3>
      {errors['']?.length ? (
        <p role="alert" className="alert">
          {errors[''].map(errorText).join(' ')}
        </p>
      ) : null}
      <input type="hidden" name="intent" value={intent} />
      {intent !== 'withdraw' ? (
        <div>
          <label htmlFor={id('visit')}>{t('status.visit')}</label>
          <select id={id('visit')} name="visitId" className="input mt-1">
            {visits.map((v) => (
              <option key={v.id} value={v.id}>
                {formatRange(v.startsAt, v.endsAt, lang)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {intent === 'move' ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor={id('date')}>{t('status.proposedDate')}</label>
            <input id={id('date')} name="date" type="date" className="input mt-1" {...invalid('date')} />
            {fieldError('date')}
          </div>
          <div>
            <label htmlFor={id('start')}>{t('status.proposedStart')}</label>
            <input id={id('start')} name="start" type="time" className="input mt-1" {...invalid('start')} />
            {fieldError('start')}
          </div>
          <div>
            <label htmlFor={id('end')}>{t('status.proposedEnd')}</label>
            <input id={id('end')} name="end" type="time" className="input mt-1" {...invalid('end')} />
            {fieldError('end')}
          </div>
        </div>
      ) : null}
      <div>
        <label htmlFor={id('reason')}>{t('status.reason')}</label>
        <textarea id={id('reason')} name="reason" rows={3} maxLength={1000} className="input mt-1" {...invalid('reason')} />
        {fieldError('reason')}
      </div>
      <button type="submit" className="btn-secondary">
        {submit}
      </button>
    </Form>
  );
}
