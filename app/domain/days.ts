/**
 * Support days are counted in whole half-days (integers): 5 days = 10. No floating point anywhere.
 */
import { amsterdamDaysBetween, type Lang } from './time';

const HOUR = 60 * 60 * 1000;

/** A visit of up to this long, within one Amsterdam calendar day, is half a day. */
export const HALF_DAY_MAX_MS = 4 * HOUR;

/** The number of Amsterdam calendar days a visit touches; the end is exclusive (until 00:00 stays on the day). */
export function calendarDaysTouched(startsAt: number, endsAt: number): number {
  return amsterdamDaysBetween(startsAt, endsAt - 1) + 1;
}

/**
 * The half-days a visit charges by default, from its length: up to 4 hours is 1 half-day, longer
 * is 2 (a whole day); a visit over several Amsterdam calendar days is 2 half-days per day.
 */
export function chargedHalfDays(startsAt: number, endsAt: number): number {
  if (!(endsAt > startsAt)) throw new RangeError('chargedHalfDays: the end must be after the start');
  const days = calendarDaysTouched(startsAt, endsAt);
  if (days > 1) return 2 * days;
  return endsAt - startsAt <= HALF_DAY_MAX_MS ? 1 : 2;
}

export function isValidHalfDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The bare number of days: 3 → '1,5' (nl) / '1.5' (en); -1 → '-0,5'. */
export function formatDayNumber(halfDays: number, lang: Lang): string {
  const sign = halfDays < 0 ? '-' : '';
  const abs = Math.abs(halfDays);
  const whole = Math.floor(abs / 2);
  return abs % 2 === 0 ? `${sign}${whole}` : `${sign}${whole}${lang === 'nl' ? ',' : '.'}5`;
}

/** 3 → '1,5 dag' / '1.5 days'; 2 → '1 dag' / '1 day'; 10 → '5 dagen' / '5 days'; 0 → '0 dagen' / '0 days'. */
export function formatHalfDays(halfDays: number, lang: Lang): string {
  const abs = Math.abs(halfDays);
  const number = formatDayNumber(halfDays, lang);
  if (lang === 'nl') return `${number} ${abs > 0 && abs < 4 ? 'dag' : 'dagen'}`;
  return `${number} ${abs === 2 ? 'day' : 'days'}`;
}
