/**
 * The small POST forms of the coordinators' request page. Each is a plain <Form method="post"> with a
 * hidden `intent` (works without JavaScript), validated by the same zod schema in the browser and in
 * the action. A refusal of the booking core comes back as a form error: a ready sentence with the
 * figures, shown in an alert inside that form, with the typed values kept.
 */
import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { HolidayConfirm } from './holiday-confirm';
import { FieldErrors, FormErrors, TextAreaField, TextField } from './form';
import {
  acceptSchema,
  answerSchema,
  cancelSchema,
  closeSchema,
  declineSchema,
  heldSchema,
  moveSchema,
  noteSchema,
  scheduleSchema,
} from './triage-schemas';

export const SECTIONS = ['decide', 'questions', 'assign', 'visits', 'schedule', 'history'] as const;
export type Section = (typeof SECTIONS)[number];

export type NoticeKey =
  | 'accepted'
  | 'declined'
  | 'closed'
  | 'noted'
  | 'assigned'
  | 'unassigned'
  | 'scheduled'
  | 'moved'
  | 'unchanged'
  | 'cancelled'
  | 'held'
  | 'granted'
  | 'refused';

export type TriageActionData = {
  formId: string;
  section: Section;
  result: SubmissionResult<string[]>;
  notice?: NoticeKey;
  noticeName?: string;
  /** The form's error is a holiday warning: show the confirmation. */
  holidayWarning?: boolean;
};

export type SupporterOption = { id: number; name: string; homeRegionId: number | null };

const lastResultFor = (formId: string, actionData: TriageActionData | undefined) =>
  actionData?.formId === formId ? actionData.result : undefined;

const validation = { shouldValidate: 'onBlur', shouldRevalidate: 'onInput' } as const;

/** The success message of the last action, shown at the top of its section. */
export function SectionNotice({ section, actionData }: { section: Section; actionData: TriageActionData | undefined }) {
  const { t } = useTranslation('triage');
  if (!actionData?.notice || actionData.section !== section) return null;
  return (
    <p role="status" className="notice mt-3">
      {t(`notices.${actionData.notice}`, { name: actionData.noticeName ?? '' })}
    </p>
  );
}

/** Errors of a small form without fields of its own (accept, assign, unassign). */
export function SimpleFormErrors({ formId, actionData }: { formId: string; actionData: TriageActionData | undefined }) {
  const errors = actionData?.formId === formId ? actionData.result.error?.[''] : undefined;
  return <FormErrors id={`${formId}-error`} errors={errors ?? undefined} />;
}

export function AcceptForm({ actionData }: { actionData: TriageActionData | undefined }) {
  const { t } = useTranslation('triage');
  const [form] = useForm({
    id: 'accept',
    lastResult: lastResultFor('accept', actionData),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-3">
      <FormErrors id={form.errorId} errors={form.errors} />
      <p>{t('request.acceptText')}</p>
      <input type="hidden" name="intent" value="accept" />
      <button type="submit" className="btn">
        {t('request.accept')}
      </button>
    </Form>
  );
}

export function DeclineForm({ actionData }: { actionData: TriageActionData | undefined }) {
  const { t } = useTranslation('triage');
  const [form, fields] = useForm({
    id: 'decline',
    lastResult: lastResultFor('decline', actionData),
    constraint: getZodConstraint(declineSchema),
    ...validation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: declineSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-3" aria-labelledby="decline-title">
      <h3 id="decline-title">{t('request.declineTitle')}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="decline" />
      <TextAreaField field={fields.reason} label={t('request.declineReason')} hint={t('request.declineHint')} rows={3} />
      <button type="submit" className="btn-danger">
        {t('request.decline')}
      </button>
    </Form>
  );
}

export function CloseForm({ actionData }: { actionData: TriageActionData | undefined }) {
  const { t } = useTranslation('triage');
  const [form, fields] = useForm({
    id: 'close',
    lastResult: lastResultFor('close', actionData),
    constraint: getZodConstraint(closeSchema),
    ...validation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: closeSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-3" aria-labelledby="close-title">
      <h3 id="close-title">{t('request.closeTitle')}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="close" />
      <TextAreaField field={fields.message} label={t('request.closeMessage')} hint={t('request.closeHint')} rows={2} />
      <button type="submit" className="btn-secondary">
        {t('request.close')}
      </button>
    </Form>
  );
}

export function NoteForm({ actionData }: { actionData: TriageActionData | undefined }) {
  const { t } = useTranslation('triage');
  const [form, fields] = useForm({
    id: 'note',
    lastResult: lastResultFor('note', actionData),
    constraint: getZodConstraint(noteSchema),
    ...validation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noteSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-3" aria-labelledby="note-title">
      <h3 id="note-title">{t('history.noteTitle')}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="note" />
      <TextAreaField field={fields.text} label={t('history.note')} hint={t('history.noteHint')} rows={3} />
      <button type="submit" className="btn-secondary">
        {t('history.addNote')}
      </button>
    </Form>
  );
}

function SupporterSelect({
  field,
  supporters,
  regionId,
}: {
  field: FieldMetadata<string | number | undefined>;
  supporters: SupporterOption[];
  regionId: number;
}) {
  const { t } = useTranslation('triage');
  return (
    <div>
      <label htmlFor={field.id}>{t('visits.supporter')}</label>
      <select {...getSelectProps(field)} key={field.key} className="input mt-1">
        <option value="">–</option>
        {supporters.map((s) => (
          <option key={s.id} value={s.id}>
            {s.homeRegionId === regionId ? t('visits.homeRegion', { name: s.name }) : s.name}
          </option>
        ))}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

type SlotFields = {
  supporterId: FieldMetadata<string | number | undefined>;
  date: FieldMetadata<string | undefined>;
  start: FieldMetadata<string | undefined>;
  end: FieldMetadata<string | undefined>;
  location: FieldMetadata<string | undefined>;
  halfDays: FieldMetadata<string | number | undefined>;
};

function SlotInputs({ fields, supporters, regionId }: { fields: SlotFields; supporters: SupporterOption[]; regionId: number }) {
  const { t } = useTranslation('triage');
  return (
    <>
      <SupporterSelect field={fields.supporterId} supporters={supporters} regionId={regionId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField field={fields.date} label={t('visits.date')} type="date" />
        <TextField field={fields.start} label={t('visits.start')} type="time" />
        <TextField field={fields.end} label={t('visits.end')} type="time" />
      </div>
      <TextField field={fields.location} label={t('visits.location')} />
      <TextField field={fields.halfDays} label={t('visits.halfDays')} hint={t('visits.halfDaysHint')} type="number" min="0" max="40" step="1" />
    </>
  );
}

export function ScheduleForm({
  actionData,
  supporters,
  regionId,
  defaults,
}: {
  actionData: TriageActionData | undefined;
  supporters: SupporterOption[];
  regionId: number;
  defaults: { supporterId: number | null; location: string };
}) {
  const { t } = useTranslation('triage');
  const [form, fields] = useForm({
    id: 'schedule',
    lastResult: lastResultFor('schedule', actionData),
    constraint: getZodConstraint(scheduleSchema),
    ...validation,
    defaultValue: { supporterId: defaults.supporterId ?? undefined, location: defaults.location },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scheduleSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="schedule" />
      <SlotInputs fields={fields} supporters={supporters} regionId={regionId} />
      <HolidayConfirm formId="schedule" warned={actionData?.formId === 'schedule' && actionData.holidayWarning === true} />
      <button type="submit" className="btn">
        {t('visits.schedule')}
      </button>
    </Form>
  );
}

export type VisitDefaults = { id: number; supporterId: number; date: string; start: string; end: string; location: string };

export function MoveForm({
  actionData,
  supporters,
  regionId,
  visit,
}: {
  actionData: TriageActionData | undefined;
  supporters: SupporterOption[];
  regionId: number;
  visit: VisitDefaults;
}) {
  const { t } = useTranslation('triage');
  const formId = `move-${visit.id}`;
  const [form, fields] = useForm({
    id: formId,
    lastResult: lastResultFor(formId, actionData),
    constraint: getZodConstraint(moveSchema),
    ...validation,
    defaultValue: { supporterId: visit.supporterId, date: visit.date, start: visit.start, end: visit.end, location: visit.location },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moveSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="visitId" value={visit.id} />
      <SlotInputs fields={fields} supporters={supporters} regionId={regionId} />
      <TextField field={fields.reason} label={t('visits.moveReason')} />
      <HolidayConfirm formId={formId} warned={actionData?.formId === formId && actionData.holidayWarning === true} />
      <button type="submit" className="btn-secondary">
        {t('visits.move')}
      </button>
    </Form>
  );
}

export function CancelForm({ actionData, visitId }: { actionData: TriageActionData | undefined; visitId: number }) {
  const { t } = useTranslation('triage');
  const formId = `cancel-${visitId}`;
  const [form, fields] = useForm({
    id: formId,
    lastResult: lastResultFor(formId, actionData),
    constraint: getZodConstraint(cancelSchema),
    ...validation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="cancel" />
      <input type="hidden" name="visitId" value={visitId} />
      <TextAreaField field={fields.reason} label={t('visits.reason')} hint={t('visits.cancelHint')} rows={2} />
      <button type="submit" className="btn-danger">
        {t('visits.cancel')}
      </button>
    </Form>
  );
}

export function HeldForm({ actionData, visitId }: { actionData: TriageActionData | undefined; visitId: number }) {
  const { t } = useTranslation('triage');
  const formId = `held-${visitId}`;
  const [form, fields] = useForm({
    id: formId,
    lastResult: lastResultFor(formId, actionData),
    constraint: getZodConstraint(heldSchema),
    ...validation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: heldSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="held" />
      <input type="hidden" name="visitId" value={visitId} />
      <TextField field={fields.hours} label={t('visits.hours')} hint={t('visits.hoursHint')} type="text" />
      <TextAreaField field={fields.report} label={t('visits.reportField')} rows={4} />
      <div className="flex items-start gap-3">
        <input {...getInputProps(fields.reportVisible, { type: 'checkbox' })} key={fields.reportVisible.key} className="mt-1.5 size-4" />
        <label htmlFor={fields.reportVisible.id} className="font-normal">
          {t('visits.reportVisibleField')}
        </label>
      </div>
      <button type="submit" className="btn-secondary">
        {t('visits.recordHeld')}
      </button>
    </Form>
  );
}

export function AnswerForm({
  actionData,
  questionId,
  hint,
}: {
  actionData: TriageActionData | undefined;
  questionId: number;
  hint: string;
}) {
  const { t } = useTranslation('triage');
  const formId = `answer-${questionId}`;
  const [form, fields] = useForm({
    id: formId,
    lastResult: lastResultFor(formId, actionData),
    constraint: getZodConstraint(answerSchema),
    ...validation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: answerSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="mt-3 space-y-3">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="questionId" value={questionId} />
      <p className="text-sm text-slate-700">{hint}</p>
      <TextAreaField field={fields.answer} label={t('questions.answer')} hint={t('questions.answerHint')} rows={2} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="grant" className="btn">
          {t('questions.grant')}
        </button>
        <button type="submit" name="decision" value="refuse" className="btn-secondary">
          {t('questions.refuse')}
        </button>
      </div>
    </Form>
  );
}
