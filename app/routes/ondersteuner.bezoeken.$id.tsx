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
  CheckboxField,
  endAfterStart,
  endAfterStartError,
  hoursField,
  hoursInputValue,
  optionalText,
  parseId,
  reasonField,
  replyFor,
  warnedFor,
  slotShape,
  SupporterNotice,
  type IntentReply,
} from '~/components/supporter-forms';
import { formatHalfDays } from '~/domain/days';
import { isHolidayWarning, refusalMessage } from '~/domain/refusals';
import { amsterdamDate, formatDateTime, formatRange, formatTime } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { cancelMyVisit, moveMyVisit, myVisit, recordMyVisitHeld, updateMyReport } from '~/services/supporter-work.server';
import { getDb } from '~db/client';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const region = data?.visit.regionName ?? '';
  return pageTitle(matches, `Bezoek aan ${region}`, `Visit to ${region}`);
};

const notFound = () => new Response('Not Found', { status: 404 });

const moveSchema = z.object({ ...slotShape, reason: reasonField(1000) }).refine(endAfterStart, endAfterStartError);
const cancelSchema = z.object({ reason: reasonField(1000) });
const heldSchema = z.object({
  hours: hoursField,
  report: optionalText(5000),
  reportVisibleToRegion: z.boolean().optional(),
});
const reportSchema = z.object({
  report: z
    .string({ required_error: 'supporter:errors.reportRequired' })
    .trim()
    .min(1, 'supporter:errors.reportRequired')
    .max(5000, 'supporter:errors.tooLong?max=5000'),
  reportVisibleToRegion: z.boolean().optional(),
});
const emptySchema = z.object({});

const DONE = ['voorgesteld', 'verplaatst', 'ongewijzigd', 'geannuleerd', 'gehouden', 'verslag'] as const;
type Done = (typeof DONE)[number];

async function ownVisit(request: Request, idParam: string | undefined) {
  const user = await requireSupporter(request);
  const id = parseId(idParam);
  const db = getDb();
  const visit = id === null ? null : myVisit(db, user.id, id);
  if (!visit) throw notFound();
  return { user, db, visit };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { visit } = await ownVisit(request, params.id);
  const done = new URL(request.url).searchParams.get('klaar');
  return {
    visit,
    lang: await getLanguage(request),
    now: Date.now(),
    done: DONE.find((d) => d === done) ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs): Promise<IntentReply | Response> {
  const { user, db, visit } = await ownVisit(request, params.id);
  const lang = await getLanguage(request);
  const now = Date.now();
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const back = (done: Done) => redirect(`/ondersteuner/bezoeken/${visit.id}?klaar=${done}`);

  switch (intent) {
    case 'move': {
      const submission = parseWithZod(formData, { schema: moveSchema });
      if (submission.status !== 'success') return { intent, result: submission.reply() };
      const v = submission.value;
      const result = moveMyVisit(db, {
        supporterId: user.id,
        visitId: visit.id,
        when: { startLocal: `${v.date}T${v.start}`, endLocal: `${v.date}T${v.end}` },
        location: v.location ?? '',
        reason: v.reason,
        now,
        confirmHolidays: v.confirmHolidays === true,
      });
      if (!result) throw notFound();
      if (!result.ok) {
        const holidayWarning = isHolidayWarning(result.refusal);
        return { intent, result: submission.reply({ formErrors: [refusalMessage(result.refusal, lang)] }), holidayWarning };
      }
      return back(result.changed ? 'verplaatst' : 'ongewijzigd');
    }
    case 'cancel': {
      const submission = parseWithZod(formData, { schema: cancelSchema });
      if (submission.status !== 'success') return { intent, result: submission.reply() };
      const result = cancelMyVisit(db, { supporterId: user.id, visitId: visit.id, reason: submission.value.reason, now });
      if (!result) throw notFound();
      if (!result.ok) return { intent, result: submission.reply({ formErrors: [refusalMessage(result.refusal, lang)] }) };
      return back('geannuleerd');
    }
    case 'held': {
      const submission = parseWithZod(formData, { schema: heldSchema });
      if (submission.status !== 'success') return { intent, result: submission.reply() };
      const v = submission.value;
      const result = recordMyVisitHeld(db, {
        supporterId: user.id,
        visitId: visit.id,
        minutesSpent: v.hours,
        report: v.report ?? '',
        reportVisibleToRegion: v.reportVisibleToRegion ?? false,
        now,
      });
      if (!result) throw notFound();
      if (!result.ok) return { intent, result: submission.reply({ formErrors: [refusalMessage(result.refusal, lang)] }) };
      return back('gehouden');
    }
    case 'report': {
      const submission = parseWithZod(formData, { schema: reportSchema });
      if (submission.status !== 'success') return { intent, result: submission.reply() };
      const v = submission.value;
      const result = updateMyReport(db, {
        supporterId: user.id,
        visitId: visit.id,
        report: v.report,
        reportVisibleToRegion: v.reportVisibleToRegion ?? false,
        now,
      });
      if (!result) throw notFound();
      if (!result.ok) return { intent, result: submission.reply({ formErrors: ['supporter:errors.notHeld'] }) };
      return back('verslag');
    }
    default: {
      const submission = parseWithZod(formData, { schema: emptySchema });
      return { intent, result: submission.reply({ formErrors: ['supporter:errors.unknownIntent'] }) };
    }
  }
}

const NOTICES = {
  voorgesteld: 'visit.proposedNotice',
  verplaatst: 'visit.movedNotice',
  ongewijzigd: 'visit.unchangedNotice',
  geannuleerd: 'visit.cancelledNotice',
  gehouden: 'visit.heldNotice',
  verslag: 'visit.reportSavedNotice',
} as const satisfies Record<Done, string>;

export default function MyVisit() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('supporter');
  const v = data.visit;
  const lang = data.lang;
  const busy = navigation.state === 'submitting';
  const started = v.startsAt <= data.now;
  const lengthMinutes = Math.round((v.endsAt - v.startsAt) / 60_000);

  const formOptions = <S extends z.ZodTypeAny>(id: string, schema: S) => ({
    id,
    lastResult: replyFor(actionData, id),
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur' as const,
    shouldRevalidate: 'onInput' as const,
    onValidate: ({ formData }: { formData: FormData }) => parseWithZod(formData, { schema }),
  });
  const [moveForm, moveFields] = useForm({
    ...formOptions('move', moveSchema),
    defaultValue: { date: amsterdamDate(v.startsAt), start: formatTime(v.startsAt, lang), end: formatTime(v.endsAt, lang), location: v.location },
  });
  const [cancelForm, cancelFields] = useForm(formOptions('cancel', cancelSchema));
  const [heldForm, heldFields] = useForm({
    ...formOptions('held', heldSchema),
    defaultValue: { hours: hoursInputValue(lengthMinutes) },
  });
  const [reportForm, reportFields] = useForm({
    ...formOptions('report', reportSchema),
    defaultValue: { report: v.report ?? '', reportVisibleToRegion: v.reportVisibleToRegion },
  });

  return (
    <div className="space-y-6">
      <div>
        <p>
          <Link to="/ondersteuner/bezoeken">{t('common.backToVisits')}</Link>
        </p>
        <h1 className="mt-2">{t('visit.title', { region: v.regionName })}</h1>
        <p className="mt-2">
          <span className="badge">{t(`visitStatus.${v.status}`)}</span>
        </p>
      </div>
      {data.done ? <SupporterNotice>{t(NOTICES[data.done])}</SupporterNotice> : null}

      <section className="card" aria-labelledby="bezoek">
        <h2 id="bezoek">{t('visit.detailsTitle')}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t('common.when')}</dt>
          <dd>{formatRange(v.startsAt, v.endsAt, lang)}</dd>
          <dt className="font-semibold">{t('common.where')}</dt>
          <dd>{v.location || t('common.noLocation')}</dd>
          <dt className="font-semibold">{t('common.region')}</dt>
          <dd>
            {v.regionName} ({v.registrationNumber})
          </dd>
          <dt className="font-semibold">{t('common.type')}</dt>
          <dd>{lang === 'nl' ? v.typeNameNl : v.typeNameEn}</dd>
          <dt className="font-semibold">{t('common.contact')}</dt>
          <dd>{v.contactName}</dd>
          <dt className="font-semibold">{t('visit.contactEmail')}</dt>
          <dd>
            <a href={`mailto:${v.contactEmail}`}>{v.contactEmail}</a>
          </dd>
          <dt className="font-semibold">{t('visit.daysCharged')}</dt>
          <dd>{formatHalfDays(v.halfDays, lang)}</dd>
          <dt className="font-semibold">{t('visit.request')}</dt>
          <dd>
            <Link to={`/ondersteuner/aanvragen/${v.requestId}`}>{t('visit.requestLink')}</Link>
          </dd>
          <dt className="font-semibold">{t('visit.question')}</dt>
          <dd className="whitespace-pre-line">{v.question}</dd>
          {v.status === 'cancelled' && v.cancelReason ? (
            <>
              <dt className="font-semibold">{t('visit.cancelReason')}</dt>
              <dd>{v.cancelReason}</dd>
            </>
          ) : null}
          {v.status === 'held' ? (
            <>
              <dt className="font-semibold">{t('visit.minutesSpent')}</dt>
              <dd>{v.minutesSpent !== null ? t('visit.hoursValue', { hours: hoursInputValue(v.minutesSpent).replace('.', lang === 'nl' ? ',' : '.') }) : '–'}</dd>
              <dt className="font-semibold">{t('visit.report')}</dt>
              <dd>
                {v.report ? (
                  <>
                    <span className="block whitespace-pre-line">{v.report}</span>
                    <span className="badge mt-1">{v.reportVisibleToRegion ? t('visit.reportVisible') : t('visit.reportHidden')}</span>
                  </>
                ) : (
                  t('visit.noReport')
                )}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {v.status === 'planned' ? (
        <>
          <section className="card space-y-4" aria-labelledby="vastleggen">
            <h2 id="vastleggen">{t('visit.heldTitle')}</h2>
            {started ? (
              <Form method="post" {...getFormProps(heldForm)} className="space-y-4">
                <FormErrors id={heldForm.errorId} errors={heldForm.errors} />
                <input type="hidden" name="intent" value="held" />
                <TextField field={heldFields.hours} label={t('visit.hours')} hint={t('visit.hoursHint')} required />
                <TextAreaField field={heldFields.report} label={t('visit.reportLabel')} hint={t('visit.reportHint')} rows={6} />
                <CheckboxField field={heldFields.reportVisibleToRegion} label={t('visit.reportVisibleLabel')} />
                <button type="submit" className="btn" disabled={busy}>
                  {t('visit.recordHeld')}
                </button>
              </Form>
            ) : (
              <p>{t('visit.heldNotYet', { date: formatDateTime(v.startsAt, lang) })}</p>
            )}
          </section>

          <section className="card space-y-4" aria-labelledby="verplaatsen">
            <h2 id="verplaatsen">{t('visit.moveTitle')}</h2>
            <Form method="post" {...getFormProps(moveForm)} className="space-y-4">
              <FormErrors id={moveForm.errorId} errors={moveForm.errors} />
              <input type="hidden" name="intent" value="move" />
              <p className="text-sm text-slate-700">{t('slot.timesHint')}</p>
              <div className="grid gap-4 sm:grid-cols-3">
                <TextField field={moveFields.date} label={t('slot.date')} type="date" required />
                <TextField field={moveFields.start} label={t('slot.start')} type="time" required />
                <TextField field={moveFields.end} label={t('slot.end')} type="time" required />
              </div>
              <TextField field={moveFields.location} label={t('slot.location')} hint={t('slot.locationHint')} />
              <TextAreaField field={moveFields.reason} label={t('visit.moveReason')} rows={3} required />
              <HolidayConfirm formId="move" warned={warnedFor(actionData, 'move')} />
              <button type="submit" className="btn" disabled={busy}>
                {t('visit.move')}
              </button>
            </Form>
          </section>

          <section className="card space-y-4" aria-labelledby="annuleren">
            <h2 id="annuleren">{t('visit.cancelTitle')}</h2>
            <Form method="post" {...getFormProps(cancelForm)} className="space-y-4">
              <FormErrors id={cancelForm.errorId} errors={cancelForm.errors} />
              <input type="hidden" name="intent" value="cancel" />
              <TextAreaField field={cancelFields.reason} label={t('visit.cancelReasonLabel')} hint={t('visit.cancelReasonHint')} rows={3} required />
              <button type="submit" className="btn-danger" disabled={busy}>
                {t('visit.cancel')}
              </button>
            </Form>
          </section>
        </>
      ) : null}

      {v.status === 'held' ? (
        <section className="card space-y-4" aria-labelledby="verslag">
          <h2 id="verslag">{t('visit.reportTitle')}</h2>
          <Form method="post" {...getFormProps(reportForm)} className="space-y-4">
            <FormErrors id={reportForm.errorId} errors={reportForm.errors} />
            <input type="hidden" name="intent" value="report" />
            <TextAreaField field={reportFields.report} label={t('visit.reportLabel')} hint={t('visit.reportHint')} rows={6} required />
            <CheckboxField field={reportFields.reportVisibleToRegion} label={t('visit.reportVisibleLabel')} />
            <button type="submit" className="btn" disabled={busy}>
              {t('visit.saveReport')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
