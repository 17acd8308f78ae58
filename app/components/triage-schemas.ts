/**
 * The forms of the coordinators' request page: one zod schema per form, shared by the browser
 * (conform's client validation) and the server action. Messages are i18n keys of the triage namespace.
 */
import { z } from 'zod';
import { message } from './form';
import { calendarDate } from '~/components/date-schema';

const tooLong = (max: number) => message('triage:errors.tooLong', { max });

const requiredText = (key: string, max: number) =>
  z.string({ required_error: key }).trim().min(1, key).max(max, tooLong(max));
const optionalText = (max: number) => z.string().trim().max(max, tooLong(max)).optional();

const id = z.coerce.number().int().positive().max(2_147_483_647);

const date = calendarDate('triage:errors.dateInvalid', 'triage:errors.dateRequired');
const time = z.string({ required_error: 'triage:errors.timeRequired' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'triage:errors.timeInvalid');

const halfDays = z.coerce
  .number({ invalid_type_error: 'triage:errors.halfDaysInvalid' })
  .int('triage:errors.halfDaysInvalid')
  .min(0, 'triage:errors.halfDaysInvalid')
  .max(40, 'triage:errors.halfDaysInvalid')
  .optional();

const slot = {
  supporterId: z.coerce.number({ required_error: 'triage:errors.supporterRequired', invalid_type_error: 'triage:errors.supporterRequired' }).int().positive().max(2_147_483_647),
  date,
  start: time,
  end: time,
  location: optionalText(200),
  halfDays,
  /** Ticked after a holiday warning: book all the same. */
  confirmHolidays: z.boolean().optional(),
};

const endAfterStart = <T extends { start: string; end: string }>(v: T) => v.end > v.start;
const endAfterStartError = { path: ['end'], message: 'triage:errors.endBeforeStart' };

export const acceptSchema = z.object({ intent: z.literal('accept') });

export const declineSchema = z.object({
  intent: z.literal('decline'),
  reason: requiredText('triage:errors.reasonRequired', 2000),
});

export const closeSchema = z.object({ intent: z.literal('close'), message: optionalText(1000) });

export const noteSchema = z.object({ intent: z.literal('note'), text: requiredText('triage:errors.noteRequired', 4000) });

export const assignSchema = z.object({ intent: z.literal('assign'), supporterId: id });

export const unassignSchema = z.object({ intent: z.literal('unassign') });

export const scheduleSchema = z.object({ intent: z.literal('schedule'), ...slot }).refine(endAfterStart, endAfterStartError);

export const moveSchema = z
  .object({ intent: z.literal('move'), visitId: id, ...slot, reason: optionalText(1000) })
  .refine(endAfterStart, endAfterStartError);

export const cancelSchema = z.object({ intent: z.literal('cancel'), visitId: id, reason: requiredText('triage:errors.reasonRequired', 1000) });

export const heldSchema = z.object({
  intent: z.literal('held'),
  visitId: id,
  hours: z
    .string({ required_error: 'triage:errors.hoursInvalid' })
    .trim()
    .regex(/^\d{1,3}(?:[.,]\d{1,2})?$/, 'triage:errors.hoursInvalid')
    .transform((v) => Number(v.replace(',', '.')))
    .refine((n) => n <= 100, 'triage:errors.hoursInvalid'),
  report: optionalText(8000),
  reportVisible: z.boolean().optional(),
});

export const answerSchema = z
  .object({
    intent: z.literal('answer'),
    questionId: id,
    decision: z.enum(['grant', 'refuse']),
    answer: optionalText(2000),
  })
  .refine((v) => v.decision === 'grant' || Boolean(v.answer), { path: ['answer'], message: 'triage:errors.answerRequired' });

export const SCHEMAS = {
  accept: acceptSchema,
  decline: declineSchema,
  close: closeSchema,
  note: noteSchema,
  assign: assignSchema,
  unassign: unassignSchema,
  schedule: scheduleSchema,
  move: moveSchema,
  cancel: cancelSchema,
  held: heldSchema,
  answer: answerSchema,
} as const;

export type Intent = keyof typeof SCHEMAS;

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && Object.hasOwn(SCHEMAS, value);
}

// ---------------------------------------------------------------------------------------------
// The inbox's filters (a GET form)

export const INBOX_STATUSES = ['open', 'submitted', 'accepted', 'declined', 'withdrawn', 'closed', 'all'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export const INBOX_AGES = [1, 3, 7, 14, 30] as const;
export const INBOX_SORTS = ['newest', 'oldest'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export type InboxFilters = {
  /** 'open': what needs the team (open requests without visits, or with open questions). */
  status: InboxStatus;
  regionId: number | null;
  supportTypeId: number | null;
  /** Only what has been waiting at least this many days. */
  minAgeDays: number | null;
  sort: InboxSort;
};

export const DEFAULT_INBOX_FILTERS: InboxFilters = { status: 'open', regionId: null, supportTypeId: null, minAgeDays: null, sort: 'newest' };
