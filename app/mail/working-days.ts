/**
 * The reminder window: which visits (and meetings) get their reminder today, "two working days
 * before". Working days are Monday to Friday without the public holidays (app/domain/holidays.ts,
 * with the dates from app/domain/public-holidays.ts). Pure: `now` is handed in.
 */
import { addIsoDays, amsterdamIsoDate, nextIsoDate, startOfAmsterdamDate, workingDaysAfter } from '~/domain/holidays';
import { publicHolidayDates } from '~/domain/public-holidays';

/** Reminders go out this many working days before a visit. */
export const REMINDER_WORKING_DAYS = 2;

/**
 * The Amsterdam days whose visits are reminded on the day of `now`, as [from, until) in ms: the
 * days after the next working day up to and including the second working day. Every day of the
 * year so belongs to exactly one working day's window: a visit on Tuesday is reminded on the
 * Thursday before when Friday is Goede Vrijdag and Monday Paasmaandag; a Saturday visit on the
 * Thursday before. On a weekend or a public holiday the window is the next working day's, so a
 * job that missed a working day catches up (the outbox's idempotency key sends each reminder once).
 */
export function workingDaysAhead(now: number, count = REMINDER_WORKING_DAYS): { from: number; until: number } {
  const today = amsterdamIsoDate(now);
  const holidays = publicHolidayDates(today, addIsoDays(today, 14 + count * 7));
  const previous = workingDaysAfter(today, count - 1, holidays);
  const last = workingDaysAfter(today, count, holidays);
  return { from: startOfAmsterdamDate(nextIsoDate(previous)), until: startOfAmsterdamDate(nextIsoDate(last)) };
}
