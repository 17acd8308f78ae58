import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarPeriod, filterAndSortRegions, matchesDaysLeft, type RegionRowFacts } from '~/domain/oversight';

const ZONE = 'Europe/Amsterdam';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
const NOW = at('2026-11-18T10:00');

describe('calendarPeriod', () => {
  it('shows the month of a yyyy-MM date as whole weeks from Monday, in Amsterdam time', () => {
    const p = calendarPeriod('month', '2026-11', NOW);
    expect(p).toMatchObject({ date: '2026-11', prev: '2026-10', next: '2026-12', month: '2026-11', gridStart: '2026-10-26', gridDays: 42 });
    expect(p.from).toBe(at('2026-11-01T00:00'));
    expect(p.to).toBe(at('2026-12-01T00:00'));
  });

  it('crosses years and handles a month that fits in four or five weeks', () => {
    expect(calendarPeriod('list', '2027-01', NOW)).toMatchObject({ prev: '2026-12', next: '2027-02', gridStart: '2026-12-28', gridDays: 35 });
    expect(calendarPeriod('month', '2021-02', NOW)).toMatchObject({ gridStart: '2021-02-01', gridDays: 28 });
  });

  it('shows the week (Monday to Sunday) of a date, also across the change to winter time', () => {
    const p = calendarPeriod('week', '2019-10-30', NOW);
    expect(p).toMatchObject({ date: '2019-10-28', prev: '2019-10-21', next: '2019-11-04', gridDays: 7 });
    expect(p.to - p.from).toBe(7 * 24 * 3_600_000);
    const dst = calendarPeriod('week', '2019-10-27', NOW);
    expect(dst.date).toBe('2019-10-21');
    expect(dst.to - dst.from).toBe(7 * 24 * 3_600_000 + 3_600_000);
  });

  it('falls back to today for a missing or odd date', () => {
    for (const date of [null, '', 'gisteren', '2026-13', '2026-02-30', '1800-01', '2026-11-18T00:00']) {
      expect(calendarPeriod('month', date, NOW).date).toBe('2026-11');
    }
    expect(calendarPeriod('week', null, NOW).date).toBe('2026-11-16');
    expect(calendarPeriod('week', '2026-11', NOW).date).toBe('2026-10-26');
  });
});

describe('filterAndSortRegions', () => {
  const row = (n: number, values: Partial<RegionRowFacts>): RegionRowFacts => ({
    registrationNumber: `STO19${String(n).padStart(3, '0')}`,
    regionName: `Regio ${n}`,
    province: 'Zeeland',
    planStatus: 'approved_2019_07',
    speerpunten: [],
    remaining: 10,
    openRequests: 0,
    ...values,
  });
  const rows = [
    row(3, { regionName: 'Arnhem', province: 'Gelderland', remaining: 0, speerpunten: ['lob'] }),
    row(1, { regionName: 'Zwolle', province: 'Overijssel', remaining: 2, openRequests: 2 }),
    row(2, { regionName: 'Breda', planStatus: 'resubmit', remaining: 5, speerpunten: ['lob', 'po'], openRequests: 1 }),
  ];
  const numbers = (list: RegionRowFacts[]) => list.map((r) => r.registrationNumber.slice(-1));

  it('filters on province, plan status, speerpunt and days left together', () => {
    expect(numbers(filterAndSortRegions(rows, { theme: 'lob' }))).toEqual(['2', '3']);
    expect(numbers(filterAndSortRegions(rows, { theme: 'lob', province: 'Gelderland' }))).toEqual(['3']);
    expect(numbers(filterAndSortRegions(rows, { planStatus: 'resubmit' }))).toEqual(['2']);
    expect(numbers(filterAndSortRegions(rows, { daysLeft: 'low' }))).toEqual(['1']);
    expect(filterAndSortRegions(rows, { province: 'Limburg' })).toEqual([]);
  });

  it('sorts by number, name, days left either way and open requests', () => {
    expect(numbers(filterAndSortRegions(rows, {}))).toEqual(['1', '2', '3']);
    expect(numbers(filterAndSortRegions(rows, { sort: 'name' }))).toEqual(['3', '2', '1']);
    expect(numbers(filterAndSortRegions(rows, { sort: 'left' }))).toEqual(['3', '1', '2']);
    expect(numbers(filterAndSortRegions(rows, { sort: '-left' }))).toEqual(['2', '1', '3']);
    expect(numbers(filterAndSortRegions(rows, { sort: 'open' }))).toEqual(['1', '2', '3']);
    expect(numbers(rows)).toEqual(['3', '1', '2']);
  });

  it('reads "days left" in half-days: none is 0 or less, low is up to one day', () => {
    expect([-1, 0, 1, 2, 3].map((h) => matchesDaysLeft(h, 'none'))).toEqual([true, true, false, false, false]);
    expect([-1, 0, 1, 2, 3].map((h) => matchesDaysLeft(h, 'low'))).toEqual([false, false, true, true, false]);
    expect([-1, 0, 1, 2, 3].map((h) => matchesDaysLeft(h, 'more'))).toEqual([false, false, false, false, true]);
  });
});
