/** Working days (Monday to Friday) in Europe/Amsterdam, for the visit reminders. Pure. */
import { DateTime } from 'luxon';
import { CALENDAR_TIMEZONE } from '~/calendar/ics';

/** Reminders go out this many working days before a visit. */
export const REMINDER_WORKING_DAYS = 2;

/**
 * The Amsterdam calendar day `count` working days after the day of `now`, as [from, until) in ms:
 * from Monday to Thursday that is two days on, from Friday, Saturday or Sunday it is Tuesday.
 */
export function workingDaysAhead(now: number, count = REMINDER_WORKING_DAYS): { from: number; until: number } {
  let day = DateTime.fromMillis(now, { zone: CALENDAR_TIMEZONE }).startOf('day');
  for (let left = count; left > 0; ) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) left -= 1;
  }
  return { from: day.toMillis(), until: day.plus({ days: 1 }).toMillis() };
}
