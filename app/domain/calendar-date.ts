/**
 * Calendar dates typed as `YYYY-MM-DD` (the value of an `<input type="date">`). Client-safe: no
 * imports at all, so the zod schemas shared with the browser (app/components/date-schema.ts) can use
 * it without pulling luxon or any server module into the bundle.
 *
 * The shape alone is not enough: `2026-02-31` and `0000-01-01` match `\d{4}-\d{2}-\d{2}` but name
 * no day. `Date.parse` is no check either (V8 rolls `2026-02-31` over to 3 March in some forms).
 */
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The message key for a well-formed date that does not exist (2026-02-31). */
export const NONEXISTENT_DATE = 'common:errors.dateNonexistent';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year` (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `value` has the shape YYYY-MM-DD (says nothing about whether the day exists). */
export function isDateShaped(value: string): boolean {
  return SHAPE.test(value);
}

/** True when `value` is YYYY-MM-DD and names a real day: year 0001–9999, month 01–12, day within the month. */
export function isCalendarDate(value: string): boolean {
  const m = SHAPE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
