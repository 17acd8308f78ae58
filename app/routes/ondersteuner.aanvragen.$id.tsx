import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireSupporter } from '~/auth/session.server';
import { FormErrors, TextAreaField, TextField } from '~/components/form';
import { HolidayConfirm } from '~/components/holiday-confirm';
import { pageTitle } from '~/components/meta';
import {
  endAfterStart,
  endAfterStartError,
  parseId,
  reasonField,
  replyFor,
  warnedFor,
  slotShape,
  SupporterNotice,
  type IntentReply,
} from '~/components/supporter-forms';
import { SupporterVisitTable } from '~/components/supporter-visit-table';
import { formatHalfDays } from '~/domain/days';
import { isHolidayWarning, refusalMessage } from '~/domain/refusals';
import { themeLabel } from '~/domain/themes';
import { formatDate, formatDateTime } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { answerMyAssignment, myRequest, proposeMyVisit } from '~/services/supporter-work.server';
import { getDb } from '~db/client';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const region = data?.request.regionName ?? '';
  return pageTitle(matches, `Aanvraag van ${region}`, `Request from ${region}`);
};

const notFound = () => new Response('Not Found', { status: 404 });

const declineSchema = z.object({ reason: reasonField(1000) });
const proposeSchema = z.object(slotShape).refine(endAfterStart, endAfterStartError);
const emptySchema = z.object({});

async function ownRequest(request: Request, idParam: string | undefined) {
  const user = await requireSupporter(request);
  const id = parseId(idParam);
  const db = getDb();
  const now = Date.now();
  const detail = id === null ? null : myRequest(db, user.id, id, now);
  if (!detail) throw notFound();
  return { user, db, now, detail };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { detail } = await ownRequest(request, params.id);
  return {
    request: detail,
    lang: await getLanguage(request),
    accepted: new URL(request.url).searchParams.get('aangenomen') === '1',
  };
}

export async function action({ request, params }: ActionFunctionArgs): Promise<IntentReply | Response> {
  const { user, db, now, detail } = await ownRequest(request, params.id);
  const lang = await getLanguage(request);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');

  if (intent === 'accept' || intent === 'decline') {
    const submission = parseWithZod(formData, { schema: intent === 'accept' ? emptySchema : declineSchema });
    if (submission.status !== 'success') return { intent, result: submission.reply() };
    const reason = 'reason' in submission.value ? String(submission.value.reason) : undefined;
    const result = answerMyAssignment(db, { supporterId: user.id, requestId: detail.id, accept: intent === 'accept', reason, now });
    if (!result) throw notFound();
    if (!result.ok) return { intent, result: submission.reply({ formErrors: [refusalMessage(result.refusal, lang)] }) };
    return intent === 'accept'
      ? redirect(`/ondersteuner/aanvragen/${detail.id}?aangenomen=1`)
      : redirect('/ondersteuner/aanvragen?afgewezen=1');
  }

  if (intent === 'propose') {
    const submission = parseWithZod(formData, { schema: proposeSchema });
    if (submission.status !== 'success') return { intent, result: submission.reply() };
    const v = submission.value;
    const result = proposeMyVisit(db, {
      supporterId: user.id,
      requestId: detail.id,
      when: { startLocal: `${v.date}T${v.start}`, endLocal: `${v.date}T${v.end}` },
      location: v.location ?? '',
      now,
      confirmHolidays: v.confirmHolidays === true,
    });
    if (!result) throw notFound();
    if (!result.ok) {
      const error = 'problem' in result ? 'supporter:errors.notAccepted' : refusalMessage(result.refusal, lang);
      const holidayWarning = 'refusal' in result && isHolidayWarning(result.refusal);
      return { intent, result: submission.reply({ formErrors: [error] }), holidayWarning };
    }
    return redirect(`/ondersteuner/bezoeken/${result.visit.id}?klaar=voorgesteld`);
  }

  const submission = parseWithZod(formData, { schema: emptySchema });
  return { intent, result: submission.reply({ formErrors: ['supporter:errors.unknownIntent'] }) };
}

export default function MyRequest() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('supporter');
  const { t: tr } = useTranslation('request');
  const r = data.request;
  const lang = data.lang;
  const busy = navigation.state === 'submitting';

  const [acceptForm] = useForm({ id: 'accept', lastResult: replyFor(actionData, 'accept') });
  const [declineForm, declineFields] = useForm({
    id: 'decline',
    lastResult: replyFor(actionData, 'decline'),
    constraint: getZodConstraint(declineSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: declineSchema }),
  });
  const [proposeForm, proposeFields] = useForm({
    id: 'propose',
    lastResult: replyFor(actionData, 'propose'),
    defaultValue: { location: r.location },
    constraint: getZodConstraint(proposeSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposeSchema }),
  });

  const typeName = lang === 'nl' ? r.typeNameNl : r.typeNameEn;
  const open = r.status === 'submitted' || r.status === 'accepted';

  return (
    <div className="space-y-6">
      <div>
        <p>
          <Link to="/ondersteuner/aanvragen">{t('common.backToRequests')}</Link>
        </p>
        <h1 className="mt-2">{t('request.title', { region: r.regionName })}</h1>
        <p className="mt-2">
          <span className="badge">
            {r.assignmentStatus && open ? t(`assignmentStatus.${r.assignmentStatus}`) : t(`requestStatus.${r.status}`)}
          </span>
        </p>
      </div>
      {data.accepted ? <SupporterNotice>{t('request.acceptedNotice')}</SupporterNotice> : null}

      <section className="card" aria-labelledby="aanvraag">
        <h2 id="aanvraag">{t('request.detailsTitle')}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t('common.region')}</dt>
          <dd>{r.regionName}</dd>
          <dt className="font-semibold">{t('request.registrationNumber')}</dt>
          <dd>{r.registrationNumber}</dd>
          <dt className="font-semibold">{t('common.type')}</dt>
          <dd>{typeName}</dd>
          <dt className="font-semibold">{t('common.contact')}</dt>
          <dd>
            {r.contactName} ({tr(`form.roles.${r.contactRole}`)})
          </dd>
          <dt className="font-semibold">{t('request.contactEmail')}</dt>
          <dd>
            <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
          </dd>
          <dt className="font-semibold">{t('request.question')}</dt>
          <dd className="whitespace-pre-line">{r.question}</dd>
          <dt className="font-semibold">{t('request.theme')}</dt>
          <dd>{r.theme ? themeLabel(r.theme, lang) : t('request.noTheme')}</dd>
          <dt className="font-semibold">{t('request.preferredPeriod')}</dt>
          <dd>{r.preferredPeriod || t('request.noPeriod')}</dd>
          <dt className="font-semibold">{t('request.location')}</dt>
          <dd>{r.location || t('common.noLocation')}</dd>
          <dt className="font-semibold">{t('request.expectedDays')}</dt>
          <dd>{formatHalfDays(r.expectedHalfDays, lang)}</dd>
          <dt className="font-semibold">{t('request.submittedAt')}</dt>
          <dd>{formatDate(r.createdAt, lang)}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="dagen">
        <h2 id="dagen">{t('request.daysTitle', { year: r.year })}</h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {(
            [
              ['daysLeft', r.ledger.remaining],
              ['daysAllotted', r.ledger.allotted],
              ['daysPlanned', r.ledger.planned],
              ['daysUsed', r.ledger.used],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="rounded-md bg-brand-50 p-3">
              <dt className="text-sm">{t(`request.${key}`)}</dt>
              <dd className="text-xl font-bold">{formatHalfDays(value, lang)}</dd>
            </div>
          ))}
        </dl>
        {!r.typeDrawsOnDays ? <p className="mt-3">{t('request.drawsNoDays')}</p> : null}
        {r.typeKey === 'critical_friend' && r.criticalFriend ? <p className="mt-3">{t('request.criticalFriend', r.criticalFriend)}</p> : null}
        {r.typeBookableUntil !== null ? (
          <p className="mt-3">{t('request.bookableUntil', { date: formatDateTime(r.typeBookableUntil, lang) })}</p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="bezoeken">
        <h2 id="bezoeken">{t('request.visitsTitle')}</h2>
        {r.visits.length === 0 ? (
          <p className="mt-2">{t('request.visitsNone')}</p>
        ) : (
          <SupporterVisitTable visits={r.visits} lang={lang} labelledBy="bezoeken" />
        )}
      </section>

      {r.canRespond ? (
        <section className="card space-y-4" aria-labelledby="antwoord">
          <div>
            <h2 id="antwoord">{t('request.answerTitle')}</h2>
            <p className="mt-1">{t('request.answerIntro')}</p>
          </div>
          <Form method="post" {...getFormProps(acceptForm)}>
            <FormErrors id={acceptForm.errorId} errors={acceptForm.errors} />
            <input type="hidden" name="intent" value="accept" />
            <button type="submit" className="btn" disabled={busy}>
              {t('request.accept')}
            </button>
          </Form>
          <Form method="post" {...getFormProps(declineForm)} className="space-y-3 border-t border-slate-200 pt-4">
            <h3>{t('request.declineTitle')}</h3>
            <FormErrors id={declineForm.errorId} errors={declineForm.errors} />
            <input type="hidden" name="intent" value="decline" />
            <TextAreaField field={declineFields.reason} label={t('request.declineReason')} hint={t('request.declineReasonHint')} rows={3} required />
            <button type="submit" className="btn-danger" disabled={busy}>
              {t('request.decline')}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="card space-y-4" aria-labelledby="voorstellen">
        <div>
          <h2 id="voorstellen">{t('request.proposeTitle')}</h2>
          {r.canPropose ? <p className="mt-1">{t('request.proposeIntro')}</p> : null}
        </div>
        {!open ? (
          <p>{t('request.notOpen', { status: t(`requestStatus.${r.status}`).toLowerCase() })}</p>
        ) : !r.canPropose ? (
          <p>{t('request.notAccepted')}</p>
        ) : (
          <Form method="post" {...getFormProps(proposeForm)} className="space-y-4">
            <FormErrors id={proposeForm.errorId} errors={proposeForm.errors} />
            <input type="hidden" name="intent" value="propose" />
            <p className="text-sm text-slate-700">{t('slot.timesHint')}</p>
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField field={proposeFields.date} label={t('slot.date')} type="date" required />
              <TextField field={proposeFields.start} label={t('slot.start')} type="time" required />
              <TextField field={proposeFields.end} label={t('slot.end')} type="time" required />
            </div>
            <TextField field={proposeFields.location} label={t('slot.location')} hint={t('slot.locationHint')} />
            <HolidayConfirm formId="propose" warned={warnedFor(actionData, 'propose')} />
            <button type="submit" className="btn" disabled={busy}>
              {t('request.propose')}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}
