import { describe, expect, it } from 'vitest';
import {
  amsterdamDate,
  amsterdamDaysBetween,
  amsterdamYear,
  formatDate,
  formatDateTime,
  formatRange,
  instantsForWallClock,
  parseLocalDateTime,
  startOfAmsterdamYear,
  toLocalInput,
} from '~/domain/time';

const utc = (iso: string) => Date.parse(iso);
const ms = (local: string) => {
  const parsed = parseLocalDateTime(local);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.ms;
};

describe('Amsterdam wall-clock input', () => {
  it('reads winter and summer times with their own offsets', () => {
    expect(parseLocalDateTime('2019-01-15T09:00')).toEqual({ ok: true, ms: utc('2019-01-15T08:00:00Z') });
    expect(parseLocalDateTime('2019-07-15T09:00')).toEqual({ ok: true, ms: utc('2019-07-15T07:00:00Z') });
    expect(parseLocalDateTime('2019-07-15 09:00:30')).toEqual({ ok: true, ms: utc('2019-07-15T07:00:30Z') });
  });

  it('refuses a time in the hour skipped when summer time starts (2019-03-31)', () => {
    for (const input of ['2019-03-31T02:00', '2019-03-31T02:30', '2019-03-31T02:59']) {
      expect(parseLocalDateTime(input)).toEqual({ ok: false, problem: 'nonexistent', input });
    }
    expect(parseLocalDateTime('2019-03-31T01:59')).toEqual({ ok: true, ms: utc('2019-03-31T00:59:00Z') });
    expect(parseLocalDateTime('2019-03-31T03:00')).toEqual({ ok: true, ms: utc('2019-03-31T01:00:00Z') });
  });

  it('refuses a time in the hour repeated when summer time ends (2019-10-27)', () => {
    for (const input of ['2019-10-27T02:00', '2019-10-27T02:30', '2019-10-27T02:59']) {
      expect(parseLocalDateTime(input)).toEqual({ ok: false, problem: 'ambiguous', input });
    }
    expect(instantsForWallClock({ year: 2019, month: 10, day: 27, hour: 2, minute: 30, second: 0 })).toEqual([
      utc('2019-10-27T00:30:00Z'),
      utc('2019-10-27T01:30:00Z'),
    ]);
    expect(parseLocalDateTime('2019-10-27T01:59')).toEqual({ ok: true, ms: utc('2019-10-26T23:59:00Z') });
    expect(parseLocalDateTime('2019-10-27T03:00')).toEqual({ ok: true, ms: utc('2019-10-27T02:00:00Z') });
  });

  it('gives a 09:00–12:00 visit on both summer-time days the right UTC instants', () => {
    expect([ms('2019-03-31T09:00'), ms('2019-03-31T12:00')]).toEqual([utc('2019-03-31T07:00:00Z'), utc('2019-03-31T10:00:00Z')]);
    expect([ms('2019-10-27T09:00'), ms('2019-10-27T12:00')]).toEqual([utc('2019-10-27T08:00:00Z'), utc('2019-10-27T11:00:00Z')]);
  });

  it('refuses what is not a date and time', () => {
    for (const input of ['', 'morgen', '2019-02-30T09:00', '2019-12-01T24:00', '2019-12-01', '2019-12-01T9:00']) {
      expect(parseLocalDateTime(input)).toMatchObject({ ok: false, problem: 'invalid' });
    }
  });

  it('turns an instant back into input', () => {
    expect(toLocalInput(utc('2019-10-27T08:00:00Z'))).toBe('2019-10-27T09:00');
    expect(toLocalInput(ms('2019-03-31T03:00'))).toBe('2019-03-31T03:00');
  });
});

describe('Amsterdam calendar', () => {
  it('puts the year edge at Amsterdam midnight, not UTC midnight', () => {
    expect(amsterdamYear(utc('2019-12-31T22:59:59Z'))).toBe(2019);
    expect(amsterdamYear(utc('2019-12-31T23:00:00Z'))).toBe(2020);
    expect(startOfAmsterdamYear(2020)).toBe(utc('2019-12-31T23:00:00Z'));
    expect(amsterdamDate(utc('2019-12-31T23:30:00Z'))).toBe('2020-01-01');
  });

  it('counts calendar days, also across the 23- and 25-hour days', () => {
    expect(amsterdamDaysBetween(ms('2019-03-30T12:00'), ms('2019-04-01T12:00'))).toBe(2);
    expect(amsterdamDaysBetween(ms('2019-10-26T23:00'), ms('2019-10-27T23:59'))).toBe(1);
    expect(amsterdamDaysBetween(ms('2019-12-31T23:00'), ms('2020-01-01T00:30'))).toBe(1);
  });
});

describe('formatting', () => {
  const at = ms('2019-11-30T23:59');

  it('writes dates in Dutch and English in Amsterdam time', () => {
    expect(formatDate(at, 'nl')).toBe('zaterdag 30 november 2019');
    expect(formatDate(at, 'en')).toBe('Saturday 30 November 2019');
    expect(formatDateTime(at, 'nl')).toBe('zaterdag 30 november 2019 23:59');
    expect(formatDateTime(ms('2019-12-01T00:00'), 'en')).toBe('Sunday 1 December 2019 00:00');
  });

  it('writes a range on one day with one date', () => {
    expect(formatRange(ms('2019-10-27T09:00'), ms('2019-10-27T12:00'), 'nl')).toBe('zondag 27 oktober 2019 09:00–12:00');
    expect(formatRange(ms('2019-10-27T09:00'), ms('2019-10-28T12:00'), 'en')).toBe(
      'Sunday 27 October 2019 09:00 – Monday 28 October 2019 12:00',
    );
  });
});
