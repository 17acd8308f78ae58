import type { Submission } from '@conform-to/dom';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { Age } from '~/components/triage-age';
import {
  AcceptForm,
  AnswerForm,
  CancelForm,
  CloseForm,
  DeclineForm,
  HeldForm,
  MoveForm,
  NoteForm,
  ScheduleForm,
  SectionNotice,
  SimpleFormErrors,
  type NoticeKey,
  type Section,
  type TriageActionData,
} from '~/components/triage-forms';
import { SCHEMAS, isIntent, type Intent } from '~/components/triage-schemas';
import { SuggestionsTable } from '~/components/triage-suggestions';
import { formatHalfDays } from '~/domain/days';
import { isHolidayWarning, refusalMessage } from '~/domain/refusals';
import { themeLabel } from '~/domain/themes';
import { formatDateTime, formatRange, toLocalInput, type Lang } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import {
  acceptRequest,
  addInternalNote,
  answerQuestion,
  assignSupporterToRequest,
  cancelVisitForRequest,
  closeRequest,
  declineRequest,
  recordVisitHeldForRequest,
  requestPage,
  rescheduleVisitForRequest,
  scheduleVisitForRequest,
  unassignSupporterFromRequest,
  type Problem,
} from '~/services/triage.server';
import type { Refused } from '~/services/common.server';
import { getDb } from '~db/client';
import { LedgerFigures } from '~/components/ledger-figures';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Aanvraag ${data.request.id}` : 'Aanvraag', data ? `Request ${data.request.id}` : 'Request');

/** The id from the URL, or a 404: never a 500 for whatever someone types there. */
function requestIdFrom(param: string | undefined): number {
  if (!param || !/^[1-9]\d{0,8}$/.test(param)) throw new Response('Not Found', { status: 404 });
  return Number(param);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const requestId = requestIdFrom(params.id);
  const now = Date.now();
  const view = requestPage(getDb(), requestId, now);
  if (!view) throw new Response('Not Found', { status: 404 });
  return { ...view, now, lang: await getLanguage(request) };
}

// ---------------------------------------------------------------------------------------------
// Actions: one small POST form per intent

type Outcome = { ok: true } | Problem | Refused;

function respond(
  formId: string,
  section: Section,
  submission: Submission<unknown>,
  result: Outcome,
  lang: Lang,
  notice: NoticeKey,
  noticeName?: string,
): TriageActionData {
  if (result.ok) return { formId, section, result: submission.reply({ resetForm: true }), notice, noticeName };
  const error = 'refusal' in result ? refusalMessage(result.refusal, lang) : `triage:problems.${result.problem}`;
  const holidayWarning = 'refusal' in result && isHolidayWarning(result.refusal);
  return { formId, section, result: submission.reply({ formErrors: [error] }), holidayWarning };
}

const SECTION_OF: Record<Intent, Section> = {
  accept: 'decide',
  decline: 'decide',
  close: 'decide',
  note: 'history',
  assign: 'assign',
  unassign: 'assign',
  schedule: 'schedule',
  move: 'visits',
  cancel: 'visits',
  held: 'visits',
  answer: 'questions',
};

/** The id of the form that was sent, so only that form shows the result. */
function formIdOf(intent: Intent, formData: FormData): string {
  const number = (name: string) => (/^\d{1,9}$/.test(String(formData.get(name) ?? '')) ? String(formData.get(name)) : '0');
  if (intent === 'move' || intent === 'cancel' || intent === 'held') return `${intent}-${number('visitId')}`;
  if (intent === 'answer') return `answer-${number('questionId')}`;
  return intent;
}

export async function action({ request, params }: ActionFunctionArgs): Promise<TriageActionData> {
  const user = await requireCoordinator(request);
  const requestId = requestIdFrom(params.id);
  const db = getDb();
  const lang = await getLanguage(request);
  const formData = await request.formData();
  const intent = formData.get('intent');
  if (!isIntent(intent)) throw new Response('Bad Request', { status: 400 });
  const formId = formIdOf(intent, formData);
  const section = SECTION_OF[intent];
  const actor = { actorUserId: user.id, now: Date.now(), requestId };

  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] });
  if (submission.status !== 'success') return { formId, section, result: submission.reply() };
  const v = submission.value;
  const reply = (result: Outcome, notice: NoticeKey, name?: string) => respond(formId, section, submission, result, lang, notice, name);

  switch (v.intent) {
    case 'accept':
      return reply(acceptRequest(db, actor), 'accepted');
    case 'decline':
      return reply(declineRequest(db, { ...actor, reason: v.reason }), 'declined');
    case 'close':
      return reply(closeRequest(db, { ...actor, message: v.message }), 'closed');
    case 'note':
      return reply(addInternalNote(db, { ...actor, text: v.text }), 'noted');
    case 'assign': {
      const result = assignSupporterToRequest(db, { ...actor, supporterId: v.supporterId });
      return reply(result, 'assigned', result.ok ? result.supporterName : undefined);
    }
    case 'unassign':
      return reply(unassignSupporterFromRequest(db, actor), 'unassigned');
    case 'schedule':
      return reply(
        scheduleVisitForRequest(db, {
          ...actor,
          supporterId: v.supporterId,
          when: { startLocal: `${v.date}T${v.start}`, endLocal: `${v.date}T${v.end}` },
          location: v.location,
          halfDays: v.halfDays,
          confirmHolidays: v.confirmHolidays === true,
        }),
        'scheduled',
      );
    case 'move': {
      const result = rescheduleVisitForRequest(db, {
        ...actor,
        visitId: v.visitId,
        supporterId: v.supporterId,
        when: { startLocal: `${v.date}T${v.start}`, endLocal: `${v.date}T${v.end}` },
        location: v.location,
        halfDays: v.halfDays,
        reason: v.reason,
        confirmHolidays: v.confirmHolidays === true,
      });
      return reply(result, result.ok && result.changed === false ? 'unchanged' : 'moved');
    }
    case 'cancel':
      return reply(cancelVisitForRequest(db, { ...actor, visitId: v.visitId, reason: v.reason }), 'cancelled');
    case 'held':
      return reply(
        recordVisitHeldForRequest(db, {
          ...actor,
          visitId: v.visitId,
          minutesSpent: Math.round(v.hours * 60),
          report: v.report ?? '',
          reportVisibleToRegion: v.reportVisible ?? false,
        }),
        'held',
      );
    case 'answer': {
      const grant = v.decision === 'grant';
      return reply(answerQuestion(db, { ...actor, questionId: v.questionId, grant, answer: v.answer ?? '' }), grant ? 'granted' : 'refused');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The page

export default function RequestPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('triage');
  const { lang, now, request: r } = data;
  const open = r.status === 'submitted' || r.status === 'accepted';
  const typeName = lang === 'nl' ? r.typeNameNl : r.typeNameEn;
  const eventText = (kind: string) =>
    t(`history.events.${kind}` as 'history.events.other', { defaultValue: t('history.events.other') });
  const hours = (minutes: number) => (minutes / 60).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  const visitById = new Map(data.visits.map((v) => [v.id, v]));
  const openQuestions = data.questions.filter((q) => q.status === 'open');

  return (
    <div className="space-y-6">
      <p>
        <Link to="/team/inbox">{t('request.backToInbox')}</Link>
      </p>
      <div>
        <h1>{t('request.title', { id: r.id, region: r.regionName })}</h1>
        <p className="mt-2">
          <span className="badge">{t(`statuses.${r.status}`)}</span> <span className="text-slate-700">{typeName}</span>
        </p>
      </div>

      <section className="card" aria-labelledby="gegevens">
        <h2 id="gegevens">{t('request.detailsTitle')}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t('request.region')}</dt>
          <dd>
            <Link to={`/team/regios/${r.regionId}`}>
              {r.regionName} ({r.registrationNumber})
            </Link>
            , {r.province}
          </dd>
          <dt className="font-semibold">{t('request.kind')}</dt>
          <dd>{typeName}</dd>
          <dt className="font-semibold">{t('request.theme')}</dt>
          <dd>{r.theme ? themeLabel(r.theme, lang) : t('request.noTheme')}</dd>
          <dt className="font-semibold">{t('request.speerpunten')}</dt>
          <dd>{r.speerpunten.length > 0 ? r.speerpunten.map((k) => themeLabel(k, lang)).join(', ') : '–'}</dd>
          <dt className="font-semibold">{t('request.question')}</dt>
          <dd className="whitespace-pre-line">{r.question}</dd>
          <dt className="font-semibold">{t('request.preferredPeriod')}</dt>
          <dd>{r.preferredPeriod || '–'}</dd>
          <dt className="font-semibold">{t('request.location')}</dt>
          <dd>{r.location || '–'}</dd>
          <dt className="font-semibold">{t('request.expectedDays')}</dt>
          <dd>{formatHalfDays(r.expectedHalfDays, lang)}</dd>
          <dt className="font-semibold">{t('request.submittedAt')}</dt>
          <dd>
            {formatDateTime(r.createdAt, lang)} (<Age at={r.createdAt} now={now} lang={lang} />)
          </dd>
          <dt className="font-semibold">{t('request.contact')}</dt>
          <dd>
            {r.contactName}, <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
            <span className="block text-sm text-slate-700">
              {t('request.contactRole')}: {t(`roles.${r.contactRole}`)} · {t('request.contactLanguage')}: {t(`languages.${r.contactLanguage}`)}
            </span>
          </dd>
          <dt className="font-semibold">{t('request.supporter')}</dt>
          <dd>
            {r.supporterName
              ? `${r.supporterName}${r.assignmentStatus ? ` (${t(`assignmentStatuses.${r.assignmentStatus}`)})` : ''}`
              : t('request.noSupporter')}
          </dd>
        </dl>
      </section>

      {open ? (
        <section className="card space-y-5" aria-labelledby="beslissen">
          <h2 id="beslissen">{t('request.decideTitle')}</h2>
          <SectionNotice section="decide" actionData={actionData} />
          {r.status === 'submitted' ? <AcceptForm actionData={actionData} /> : null}
          <DeclineForm actionData={actionData} />
          <CloseForm actionData={actionData} />
        </section>
      ) : (
        <div className="space-y-2">
          <SectionNotice section="decide" actionData={actionData} />
          <p className="notice">{t('request.ended', { status: t(`statuses.${r.status}`).toLowerCase() })}</p>
        </div>
      )}

      {data.questions.length > 0 ? (
        <section className="card" aria-labelledby="vragen">
          <h2 id="vragen">{t('questions.title')}</h2>
          <SectionNotice section="questions" actionData={actionData} />
          <ul className="mt-3 space-y-4">
            {[...openQuestions, ...data.questions.filter((q) => q.status !== 'open')].map((q) => {
              const visit = q.visitId === null ? undefined : visitById.get(q.visitId);
              const hint = t(q.kind === 'move' ? 'questions.grantMoveHint' : q.kind === 'cancel' ? 'questions.grantCancelHint' : 'questions.grantWithdrawHint');
              return (
                <li key={q.id} className="rounded-md border border-slate-200 p-4">
                  <h3>
                    {t(`questionKinds.${q.kind}`)} <span className="badge ml-2">{t(`questionStatuses.${q.status}`)}</span>
                  </h3>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="font-semibold">{t('questions.asked')}</dt>
                    <dd>
                      {formatDateTime(q.createdAt, lang)} (<Age at={q.createdAt} now={now} lang={lang} />)
                    </dd>
                    {q.kind !== 'withdraw' ? (
                      <>
                        <dt className="font-semibold">{t('questions.visit')}</dt>
                        <dd>{visit ? formatRange(visit.startsAt, visit.endsAt, lang) : t('questions.unknownVisit')}</dd>
                      </>
                    ) : null}
                    {q.proposedStartsAt !== null && q.proposedEndsAt !== null ? (
                      <>
                        <dt className="font-semibold">{t('questions.proposed')}</dt>
                        <dd>{formatRange(q.proposedStartsAt, q.proposedEndsAt, lang)}</dd>
                      </>
                    ) : null}
                    <dt className="font-semibold">{t('questions.reason')}</dt>
                    <dd className="whitespace-pre-line">{q.reason}</dd>
                    {q.status !== 'open' ? (
                      <>
                        <dt className="font-semibold">{t('questions.answer')}</dt>
                        <dd>
                          {q.answer || '–'}
                          {q.handledAt !== null ? (
                            <span className="block text-slate-700">
                              {t('questions.answered', {
                                status: t(`questionStatuses.${q.status}`),
                                name: q.handledByName ?? '–',
                                date: formatDateTime(q.handledAt, lang),
                              })}
                            </span>
                          ) : null}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  {q.status === 'open' ? <AnswerForm actionData={actionData} questionId={q.id} hint={hint} /> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="ondersteuner">
        <h2 id="ondersteuner">{t('assign.title')}</h2>
        <SectionNotice section="assign" actionData={actionData} />
        {r.supporterName ? (
          <div className="mt-3 flex flex-wrap items-center gap-4">
            <p>{t('assign.current', { name: r.supporterName, status: r.assignmentStatus ? t(`assignmentStatuses.${r.assignmentStatus}`) : '–' })}</p>
            {open ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="unassign" />
                <button type="submit" className="btn-secondary">
                  {t('assign.unassign')}
                </button>
              </Form>
            ) : null}
          </div>
        ) : (
          <p className="mt-3">{t('assign.none')}</p>
        )}
        <SimpleFormErrors formId="unassign" actionData={actionData} />
        {data.suggestions ? (
          <SuggestionsTable
            suggestions={data.suggestions.suggestions}
            period={data.suggestions.period}
            currentSupporterId={r.supporterId}
            lang={lang}
            actionData={actionData}
          />
        ) : null}
      </section>

      <section className="card" aria-labelledby="bezoeken">
        <h2 id="bezoeken">{t('visits.title')}</h2>
        <SectionNotice section="visits" actionData={actionData} />
        {data.visits.length === 0 ? (
          <p className="mt-2">{t('visits.none')}</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {data.visits.map((v) => {
              const when = formatRange(v.startsAt, v.endsAt, lang);
              const start = toLocalInput(v.startsAt);
              const end = toLocalInput(v.endsAt);
              const failed = (prefix: string) => actionData?.formId === `${prefix}-${v.id}` && Boolean(actionData.result.error);
              return (
                <li key={v.id} className="rounded-md border border-slate-200 p-4" data-testid="visit">
                  <h3>
                    {t('visits.visitTitle', { when })} <span className="badge ml-2">{t(`visits.statuses.${v.status}`)}</span>
                  </h3>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="font-semibold">{t('visits.where')}</dt>
                    <dd>{v.location || '–'}</dd>
                    <dt className="font-semibold">{t('visits.who')}</dt>
                    <dd>{v.supporterName}</dd>
                    <dt className="font-semibold">{t('visits.days')}</dt>
                    <dd>{formatHalfDays(v.halfDays, lang)}</dd>
                    {v.status === 'cancelled' && v.cancelReason ? (
                      <>
                        <dt className="font-semibold">{t('visits.cancelReason')}</dt>
                        <dd>{v.cancelReason}</dd>
                      </>
                    ) : null}
                    {v.status === 'held' ? (
                      <>
                        <dt className="font-semibold">{t('visits.hoursSpent')}</dt>
                        <dd>{v.minutesSpent !== null ? hours(v.minutesSpent) : '–'}</dd>
                        <dt className="font-semibold">{t('visits.report')}</dt>
                        <dd className="whitespace-pre-line">
                          {v.report || '–'}
                          <span className="block text-slate-700">{v.reportVisibleToRegion ? t('visits.reportVisible') : t('visits.reportInternal')}</span>
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  {v.status === 'planned' ? (
                    <div className="mt-3 space-y-2">
                      <details open={failed('move')} className="rounded-md border border-slate-200 p-3">
                        <summary className="cursor-pointer font-semibold">{t('visits.moveTitle')}</summary>
                        <div className="mt-3">
                          <MoveForm
                            key={`${v.id}-${v.sequence}`}
                            actionData={actionData}
                            supporters={data.supporters}
                            regionId={r.regionId}
                            visit={{
                              id: v.id,
                              supporterId: v.supporterId,
                              date: start.slice(0, 10),
                              start: start.slice(11, 16),
                              end: end.slice(11, 16),
                              location: v.location,
                            }}
                          />
                        </div>
                      </details>
                      <details open={failed('cancel')} className="rounded-md border border-slate-200 p-3">
                        <summary className="cursor-pointer font-semibold">{t('visits.cancelTitle')}</summary>
                        <div className="mt-3">
                          <CancelForm actionData={actionData} visitId={v.id} />
                        </div>
                      </details>
                      {v.startsAt <= now ? (
                        <details open={failed('held')} className="rounded-md border border-slate-200 p-3">
                          <summary className="cursor-pointer font-semibold">{t('visits.heldTitle')}</summary>
                          <div className="mt-3">
                            <HeldForm actionData={actionData} visitId={v.id} />
                          </div>
                        </details>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {open ? (
        <section className="card" aria-labelledby="plannen">
          <h2 id="plannen">{t('visits.scheduleTitle')}</h2>
          <p className="mt-1 text-sm text-slate-700">{t('visits.scheduleHint')}</p>
          <SectionNotice section="schedule" actionData={actionData} />
          <div className="mt-4">
            <ScheduleForm
              key={r.supporterId ?? 'none'}
              actionData={actionData}
              supporters={data.supporters}
              regionId={r.regionId}
              defaults={{ supporterId: r.supporterId, location: r.location }}
            />
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby="dagen">
        <h2 id="dagen">{t('ledger.title', { region: r.regionName, year: data.year })}</h2>
        <LedgerFigures
          ledger={data.ledger}
          lang={lang}
          labels={{ allotted: t('ledger.allotted'), planned: t('ledger.planned'), used: t('ledger.used'), left: t('ledger.left') }}
        />
        {data.criticalFriend ? <p className="mt-3">{t('ledger.criticalFriend', data.criticalFriend)}</p> : null}
      </section>

      <section className="card" aria-labelledby="verloop">
        <h2 id="verloop">{t('history.title')}</h2>
        <SectionNotice section="history" actionData={actionData} />
        <ol className="mt-3 space-y-3">
          {data.history.map((h) => (
            <li key={h.id} className={h.visibleToRegion ? '' : 'rounded-md border-l-4 border-amber-600 bg-amber-50 p-2'}>
              <span className="text-sm text-slate-700">{formatDateTime(h.at, lang)}</span> – <span className="font-semibold">{eventText(h.kind)}</span>{' '}
              <span className="text-sm text-slate-700">
                {h.actorKind === 'contact' ? t('history.byContact') : h.actorName ? t('history.byUser', { name: h.actorName }) : t('history.bySystem')}
              </span>
              {h.visibleToRegion ? null : <span className="badge ml-2">{t('history.internal')}</span>}
              {h.message ? <span className="block whitespace-pre-line text-sm text-slate-800">{h.message}</span> : null}
            </li>
          ))}
        </ol>
        <div className="mt-5 border-t border-slate-200 pt-4">
          <NoteForm actionData={actionData} />
        </div>
      </section>
    </div>
  );
}
