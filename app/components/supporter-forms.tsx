/**
 * Form pieces of the supporter pages: the zod rules shared by the browser and the server (messages
 * are keys in the `supporter` namespace) and a few fields the generic form components don't have.
 */
import { getInputProps, type FieldMetadata, type SubmissionResult } from '@conform-to/react';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { FieldErrors, message } from './form';
import { calendarDate } from '~/components/date-schema';

/** A route's id parameter as a positive integer, or null (the route answers 404). */
export function parseId(value: string | undefined): number | null {
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse(value);
  return parsed.success && value !== undefined && /^\d+$/.test(value) ? parsed.data : null;
}

/** What an action on a page with several forms answers: which form, and conform's result for it. */
export type IntentReply = { intent: string; result: SubmissionResult<string[]>; holidayWarning?: boolean };

/** The result for the form with this intent, if the last submission was that form's. */
export function replyFor(data: unknown, intent: string): SubmissionResult<string[]> | undefined {
  if (!data || typeof data !== 'object' || !('intent' in data) || !('result' in data)) return undefined;
  const reply = data as IntentReply;
  return reply.intent === intent ? reply.result : undefined;
}

export const dateField = calendarDate('supporter:errors.dateInvalid', 'supporter:errors.dateRequired');

export const timeField = z
  .string({ required_error: 'supporter:errors.timeRequired' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'supporter:errors.timeInvalid');

export const optionalTimeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'supporter:errors.timeInvalid')
  .optional();

export const reasonField = (max = 1000) =>
  z
    .string({ required_error: 'supporter:errors.reasonRequired' })
    .trim()
    .min(1, 'supporter:errors.reasonRequired')
    .max(max, message('supporter:errors.tooLong', { max }));

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, message('supporter:errors.tooLong', { max }))
    .optional();

/** A visit's date, start and end (Amsterdam wall clock) and place. */
export const slotShape = {
  date: dateField,
  start: timeField,
  end: timeField,
  location: optionalText(200),
  /** Ticked after a holiday warning: plan it all the same. */
  confirmHolidays: z.boolean().optional(),
};

/** Whether the action data of `intent` carries a holiday warning (its form then shows the confirmation). */
export function warnedFor(data: unknown, intent: string): boolean {
  if (!data || typeof data !== 'object' || !('intent' in data) || !('holidayWarning' in data)) return false;
  return (data as { intent: unknown }).intent === intent && (data as { holidayWarning: unknown }).holidayWarning === true;
}

/** "HH:MM" strings compare like times. */
export const endAfterStart = (v: { start: string; end: string }) => v.end > v.start;
export const endAfterStartError = { path: ['end'], message: 'supporter:errors.endBeforeStart' };

/** Hours as typed ("2", "2,5", "2.5") to whole minutes. */
export const hoursField = z
  .string({ required_error: 'supporter:errors.hoursRequired' })
  .trim()
  .regex(/^\d{1,3}([.,]\d{1,2})?$/, 'supporter:errors.hoursInvalid')
  .transform((value) => Math.round(Number(value.replace(',', '.')) * 60))
  .refine((minutes) => minutes > 0 && minutes <= 100 * 60, 'supporter:errors.hoursRange');

/** Minutes as an hours value for the form: 150 → "2.5". */
export function hoursInputValue(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

export function CheckboxField({
  field,
  label,
  hint,
}: {
  field: FieldMetadata<boolean | undefined | null>;
  label: string;
  hint?: string;
}) {
  const props = getInputProps(field, { type: 'checkbox', ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div>
      <div className="flex items-start gap-3">
        <input {...props} key={props.key} className="mt-1.5 size-4" />
        <label htmlFor={field.id} className="font-normal">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${field.id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A confirmation after a change, read out by screen readers. */
export function SupporterNotice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="notice">
      {children}
    </p>
  );
}
