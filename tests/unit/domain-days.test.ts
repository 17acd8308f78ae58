import { describe, expect, it } from 'vitest';
import { calendarDaysTouched, chargedHalfDays, formatDayNumber, formatHalfDays } from '~/domain/days';
import { allottedHalfDays, defaultHalfDaysFromSetting, remainingHalfDays, withRemaining, withoutPlannedVisit } from '~/domain/ledger';
import { parseLocalDateTime } from '~/domain/time';

const ms = (local: string) => {
  const parsed = parseLocalDateTime(local);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.ms;
};
const charge = (from: string, to: string) => chargedHalfDays(ms(from), ms(to));

describe('half-days charged for a visit', () => {
  it('charges half a day up to 4 hours and a whole day beyond', () => {
    expect(charge('2019-05-06T09:00', '2019-05-06T09:30')).toBe(1);
    expect(charge('2019-05-06T09:00', '2019-05-06T13:00')).toBe(1);
    expect(charge('2019-05-06T09:00', '2019-05-06T13:01')).toBe(2);
    expect(charge('2019-05-06T09:00', '2019-05-06T17:00')).toBe(2);
  });

  it('charges a whole day per Amsterdam calendar day for a visit over several days', () => {
    expect(charge('2019-05-06T15:00', '2019-05-07T11:00')).toBe(4);
    expect(charge('2019-05-06T09:00', '2019-05-08T10:00')).toBe(6);
    expect(calendarDaysTouched(ms('2019-05-06T20:00'), ms('2019-05-07T00:00'))).toBe(1);
    expect(charge('2019-05-06T20:00', '2019-05-07T00:00')).toBe(1);
  });

  it('measures length in real time on the summer-time days', () => {
    // 01:00–05:00 on 31 March is 3 real hours: half a day. On 27 October 01:00–04:00 is 4 hours.
    expect(charge('2019-03-31T01:00', '2019-03-31T05:00')).toBe(1);
    expect(charge('2019-10-27T01:00', '2019-10-27T04:00')).toBe(1);
    expect(charge('2019-10-27T01:00', '2019-10-27T04:01')).toBe(2);
  });

  it('splits days at Amsterdam midnight, not at UTC midnight', () => {
    expect(charge('2019-12-31T22:00', '2020-01-01T01:00')).toBe(4);
    expect(charge('2019-07-01T00:30', '2019-07-01T03:00')).toBe(1);
  });

  it('refuses an end that is not after the start', () => {
    expect(() => chargedHalfDays(1000, 1000)).toThrow(RangeError);
  });
});

describe('writing half-days as days', () => {
  it('writes them exactly, in both languages', () => {
    expect(formatHalfDays(3, 'nl')).toBe('1,5 dag');
    expect(formatHalfDays(3, 'en')).toBe('1.5 days');
    expect(formatHalfDays(1, 'nl')).toBe('0,5 dag');
    expect(formatHalfDays(2, 'nl')).toBe('1 dag');
    expect(formatHalfDays(2, 'en')).toBe('1 day');
    expect(formatHalfDays(10, 'nl')).toBe('5 dagen');
    expect(formatHalfDays(11, 'en')).toBe('5.5 days');
    expect(formatHalfDays(0, 'nl')).toBe('0 dagen');
    expect(formatHalfDays(-1, 'nl')).toBe('-0,5 dag');
    expect(formatDayNumber(2_000_001, 'en')).toBe('1000000.5');
  });
});

describe('ledger arithmetic', () => {
  it('takes the own allotment over the default, with adjustments on top', () => {
    expect(allottedHalfDays({ allotmentHalfDays: null, defaultHalfDays: 10, adjustmentsHalfDays: 0 })).toBe(10);
    expect(allottedHalfDays({ allotmentHalfDays: 4, defaultHalfDays: 10, adjustmentsHalfDays: 3 })).toBe(7);
    expect(allottedHalfDays({ allotmentHalfDays: 0, defaultHalfDays: 10, adjustmentsHalfDays: -0 })).toBe(0);
  });

  it('computes remaining = allotted − planned − used', () => {
    expect(remainingHalfDays({ allotted: 10, planned: 3, used: 4 })).toBe(3);
    expect(withRemaining({ allotted: 10, planned: 3, used: 4 })).toEqual({ allotted: 10, planned: 3, used: 4, remaining: 3 });
  });

  it('takes a moving visit out of the planned days', () => {
    expect(withoutPlannedVisit({ allotted: 10, planned: 3, used: 4 }, 2)).toEqual({ allotted: 10, planned: 1, used: 4 });
  });

  it('reads the default setting only when it is a whole number ≥ 0', () => {
    expect(defaultHalfDaysFromSetting(undefined)).toBe(10);
    expect(defaultHalfDaysFromSetting(8)).toBe(8);
    expect(defaultHalfDaysFromSetting(0)).toBe(0);
    expect(defaultHalfDaysFromSetting(2.5)).toBe(10);
    expect(defaultHalfDaysFromSetting('8')).toBe(10);
  });
});
