import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '~/components/date-schema';
import { daysInMonth, isCalendarDate, NONEXISTENT_DATE } from '~/domain/calendar-date';

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2019-11-30', '2026-03-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2026-02-31', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01',
    '2026-1-01', '26-01-01', '2026-01-01T00:00', ' 2026-01-01', '', '2026/01/01',
  ])('refuses %j', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('knows the length of every month, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('agrees with the calendar of JavaScript dates for every day of 2024 and 2026 and their neighbours', () => {
    for (const year of [2024, 2026]) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 1; day <= 32; day += 1) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          expect(isCalendarDate(text), text).toBe(real);
        }
      }
    }
  });

  it('imports nothing, so the browser bundle gets no luxon and no server code from it', () => {
    const source = readFileSync('app/domain/calendar-date.ts', 'utf8');
    expect(source).not.toMatch(/^import /m);
  });
});

describe('calendarDate (zod)', () => {
  const schema = calendarDate('x:errors.dateInvalid', 'x:errors.dateRequired');
  const messages = (value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('passes a real date through unchanged', () => {
    expect(schema.parse('2026-02-28')).toBe('2026-02-28');
  });

  it('says a well-formed date that does not exist does not exist', () => {
    expect(messages('2026-02-31')).toEqual([NONEXISTENT_DATE]);
    expect(messages('0000-01-01')).toEqual([NONEXISTENT_DATE]);
  });

  it('gives the shape message, and only that, for something that is no date at all', () => {
    expect(messages('31-02-2026')).toEqual(['x:errors.dateInvalid']);
  });

  it('gives the required message when the field is missing', () => {
    expect(messages(undefined)).toEqual(['x:errors.dateRequired']);
  });
});
