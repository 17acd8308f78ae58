import { describe, expect, it } from 'vitest';
import { HOLIDAY_ZONES as SCHEMA_ZONES } from '~db/schema';
import {
  datesOfSlot,
  defaultZoneForProvince,
  HOLIDAY_ZONES,
  holidayHits,
  isWorkingDay,
  regionZone,
  schoolYearOf,
  workingDaysAfter,
  type SchoolHoliday,
} from '~/domain/holidays';
import { publicHolidayDates, publicHolidaysBetween, publicHolidaysOfYear } from '~/domain/public-holidays';
import { decideHolidays } from '~/domain/rules';
import { parseLocalDateTime } from '~/domain/time';

const ams = (local: string) => {
  const parsed = parseLocalDateTime(local);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.ms;
};
const HOUR = 3_600_000;

const HERFST_2019: SchoolHoliday[] = [
  { zone: 'noord', name: 'Herfstvakantie', startDate: '2019-10-19', endDate: '2019-10-27' },
  { zone: 'midden', name: 'Herfstvakantie', startDate: '2019-10-19', endDate: '2019-10-27' },
  { zone: 'zuid', name: 'Herfstvakantie', startDate: '2019-10-12', endDate: '2019-10-20' },
];
const KERST_2019: SchoolHoliday[] = HOLIDAY_ZONES.map((zone) => ({ zone, name: 'Kerstvakantie', startDate: '2019-12-21', endDate: '2020-01-05' }));

describe('holiday zones', () => {
  it('defaults each province to its zone, as the Rijksoverheid lists them', () => {
    const expected: Record<string, string> = {
      Groningen: 'noord',
      Friesland: 'noord',
      Drenthe: 'noord',
      Overijssel: 'noord',
      Flevoland: 'noord',
      'Noord-Holland': 'noord',
      Utrecht: 'midden',
      'Zuid-Holland': 'midden',
      Gelderland: 'midden',
      'Noord-Brabant': 'zuid',
      Limburg: 'zuid',
      Zeeland: 'zuid',
    };
    for (const [province, zone] of Object.entries(expected)) expect(defaultZoneForProvince(province), province).toBe(zone);
    expect(defaultZoneForProvince(' noord-holland ')).toBe('noord');
    expect(defaultZoneForProvince('Fryslân')).toBe('noord');
  });

  it('gives no zone where the province has none (Caribisch Nederland, a typo)', () => {
    expect(defaultZoneForProvince('Caribisch Nederland')).toBeNull();
    expect(defaultZoneForProvince('Gelderlnad')).toBeNull();
  });

  it("uses the region's own zone over its province's (part of Gelderland is zuid)", () => {
    expect(regionZone({ province: 'Gelderland', holidayZone: null })).toBe('midden');
    expect(regionZone({ province: 'Gelderland', holidayZone: 'zuid' })).toBe('zuid');
    expect(regionZone({ province: 'Caribisch Nederland', holidayZone: null })).toBeNull();
  });

  it('has the same zones as the database schema', () => {
    expect([...HOLIDAY_ZONES]).toEqual([...SCHEMA_ZONES]);
  });
});

describe('the days a visit touches', () => {
  it('gives one date for a morning, and none beyond a visit that ends at midnight', () => {
    expect(datesOfSlot({ startsAt: ams('2019-10-22T09:00'), endsAt: ams('2019-10-22T12:00') })).toEqual(['2019-10-22']);
    expect(datesOfSlot({ startsAt: ams('2019-10-22T20:00'), endsAt: ams('2019-10-23T00:00') })).toEqual(['2019-10-22']);
  });

  it('counts the night summer time ends (a 25-hour day) and starts (23 hours) once each', () => {
    expect(datesOfSlot({ startsAt: ams('2019-10-26T22:00'), endsAt: ams('2019-10-27T04:00') })).toEqual(['2019-10-26', '2019-10-27']);
    // 48 hours from Saturday 00:00 is Sunday 23:00 (Sunday has 25 hours): two dates, not three.
    const saturday = ams('2019-10-26T00:00');
    expect(datesOfSlot({ startsAt: saturday, endsAt: saturday + 48 * HOUR })).toEqual(['2019-10-26', '2019-10-27']);
    expect(datesOfSlot({ startsAt: ams('2019-03-30T22:00'), endsAt: ams('2019-03-31T04:00') })).toEqual(['2019-03-30', '2019-03-31']);
  });

  it('crosses the year end in Amsterdam, not in UTC', () => {
    // 00:30 on 1 January in Amsterdam is still 31 December in UTC.
    expect(datesOfSlot({ startsAt: ams('2020-01-01T00:30'), endsAt: ams('2020-01-01T02:00') })).toEqual(['2020-01-01']);
    expect(datesOfSlot({ startsAt: ams('2019-12-31T22:00'), endsAt: ams('2020-01-01T02:00') })).toEqual(['2019-12-31', '2020-01-01']);
  });

  it('knows the school year of a date (1 August to 31 July)', () => {
    expect(schoolYearOf('2019-08-01')).toBe('2019-2020');
    expect(schoolYearOf('2020-07-31')).toBe('2019-2020');
    expect(schoolYearOf('2026-12-01')).toBe('2026-2027');
  });
});

describe('public holidays (date-holidays, NL)', () => {
  it('has the Dutch public holidays of 2019 and 2020, Easter and Pentecost computed', () => {
    expect(publicHolidaysOfYear(2020).map((h) => `${h.date} ${h.nameNl}`)).toEqual([
      '2020-01-01 Nieuwjaar',
      '2020-04-10 Goede Vrijdag',
      '2020-04-12 Pasen',
      '2020-04-13 Tweede paasdag',
      '2020-04-27 Koningsdag',
      '2020-05-05 Bevrijdingsdag',
      '2020-05-21 Hemelvaartsdag',
      '2020-05-31 Pinksteren',
      '2020-06-01 Tweede pinksterdag',
      '2020-12-25 Kerstmis',
      '2020-12-26 Tweede kerstdag',
    ]);
    expect(publicHolidaysOfYear(2019).find((h) => h.nameNl === 'Hemelvaartsdag')).toMatchObject({ date: '2019-05-30', nameEn: 'Ascension Day' });
  });

  it('moves Koningsdag to Saturday when 27 April is a Sunday (2025)', () => {
    expect(publicHolidaysOfYear(2025).find((h) => h.nameNl === 'Koningsdag')?.date).toBe('2025-04-26');
  });

  it('leaves out observances and Oudejaarsavond', () => {
    const names = publicHolidaysBetween('2019-01-01', '2019-12-31').map((h) => h.nameNl);
    expect(names).not.toContain('Sinterklaasavond');
    expect(names).not.toContain('Nationale Dodenherdenking');
    expect(names).not.toContain('Oudejaarsavond');
  });

  it('answers a range across the year end', () => {
    expect(publicHolidaysBetween('2019-12-24', '2020-01-02').map((h) => h.date)).toEqual(['2019-12-25', '2019-12-26', '2020-01-01']);
  });
});

describe('which holidays a visit hits', () => {
  const pub = (from: string, to: string) => publicHolidaysBetween(from, to);

  it("finds the herfstvakantie of the region's own zone only", () => {
    const slot = { startsAt: ams('2019-10-22T09:00'), endsAt: ams('2019-10-22T12:00') };
    const midden = holidayHits({ slot, zone: 'midden', schoolHolidays: HERFST_2019, publicHolidays: pub('2019-10-22', '2019-10-22') });
    expect(midden).toEqual([
      { kind: 'school', zone: 'midden', name: 'Herfstvakantie', startDate: '2019-10-19', endDate: '2019-10-27', dates: ['2019-10-22'] },
    ]);
    // Zuid's herfstvakantie ended on 20 October.
    expect(holidayHits({ slot, zone: 'zuid', schoolHolidays: HERFST_2019, publicHolidays: [] })).toEqual([]);
    // A region without a zone gets no school holidays.
    expect(holidayHits({ slot, zone: null, schoolHolidays: HERFST_2019, publicHolidays: [] })).toEqual([]);
  });

  it('counts both ends of a holiday as inside it', () => {
    const first = { startsAt: ams('2019-10-12T09:00'), endsAt: ams('2019-10-12T10:00') };
    const last = { startsAt: ams('2019-10-20T20:00'), endsAt: ams('2019-10-20T21:00') };
    const after = { startsAt: ams('2019-10-21T09:00'), endsAt: ams('2019-10-21T10:00') };
    const hits = (slot: typeof first) => holidayHits({ slot, zone: 'zuid', schoolHolidays: HERFST_2019, publicHolidays: [] }).length;
    expect([hits(first), hits(last), hits(after)]).toEqual([1, 1, 0]);
  });

  it('sees the last day of the herfstvakantie in the night summer time ends', () => {
    // Sunday 27 October 2019, the clocks go back at 03:00; the visit starts before and ends after.
    const slot = { startsAt: ams('2019-10-27T01:00'), endsAt: ams('2019-10-27T04:00') };
    expect(slot.endsAt - slot.startsAt).toBe(4 * HOUR);
    const hits = holidayHits({ slot, zone: 'noord', schoolHolidays: HERFST_2019, publicHolidays: [] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ name: 'Herfstvakantie', dates: ['2019-10-27'] });
    // A visit on Monday 28 October, the first school day, hits nothing.
    const monday = { startsAt: ams('2019-10-28T00:00'), endsAt: ams('2019-10-28T03:00') };
    expect(holidayHits({ slot: monday, zone: 'noord', schoolHolidays: HERFST_2019, publicHolidays: [] })).toEqual([]);
  });

  it('finds the kerstvakantie and Nieuwjaarsdag across the year end, in Amsterdam time', () => {
    const slot = { startsAt: ams('2019-12-31T22:00'), endsAt: ams('2020-01-01T01:00') };
    const hits = holidayHits({ slot, zone: 'zuid', schoolHolidays: KERST_2019, publicHolidays: pub('2019-12-31', '2020-01-01') });
    expect(hits).toEqual([
      { kind: 'school', zone: 'zuid', name: 'Kerstvakantie', startDate: '2019-12-21', endDate: '2020-01-05', dates: ['2019-12-31', '2020-01-01'] },
      { kind: 'public', date: '2020-01-01', nameNl: 'Nieuwjaar', nameEn: "New Year's Day" },
    ]);
    // 00:30 on 1 January (still 2019 in UTC) is Nieuwjaarsdag.
    const early = { startsAt: ams('2020-01-01T00:30'), endsAt: ams('2020-01-01T01:00') };
    expect(holidayHits({ slot: early, zone: null, schoolHolidays: [], publicHolidays: pub('2020-01-01', '2020-01-01') })).toHaveLength(1);
  });

  it('finds a public holiday in a region without a zone', () => {
    const slot = { startsAt: ams('2020-04-27T10:00'), endsAt: ams('2020-04-27T12:00') };
    expect(holidayHits({ slot, zone: null, schoolHolidays: [], publicHolidays: pub('2020-04-27', '2020-04-27') })).toEqual([
      { kind: 'public', date: '2020-04-27', nameNl: 'Koningsdag', nameEn: "King's Day" },
    ]);
  });
});

describe('decideHolidays: a warning until confirmed', () => {
  const region = { id: 1, name: 'Utrecht-West' };
  const slot = { startsAt: ams('2019-10-22T09:00'), endsAt: ams('2019-10-22T12:00') };
  const facts = { region, slot, zone: 'midden' as const, schoolHolidays: HERFST_2019, publicHolidays: [] };

  it('warns, naming the holiday, and lets a confirmed booking through with the hits', () => {
    const warned = decideHolidays(facts, false);
    expect(warned.decision).toMatchObject({ ok: false, refusal: { code: 'holiday_warning', params: { regionName: 'Utrecht-West' } } });
    const confirmed = decideHolidays(facts, true);
    expect(confirmed.decision).toEqual({ ok: true });
    expect(confirmed.hits).toHaveLength(1);
  });

  it('says nothing on an ordinary school day', () => {
    const other = { ...facts, slot: { startsAt: ams('2019-11-05T09:00'), endsAt: ams('2019-11-05T12:00') } };
    expect(decideHolidays(other, false)).toEqual({ decision: { ok: true }, hits: [] });
  });
});

describe('working days', () => {
  const holidays = publicHolidayDates('2019-01-01', '2020-12-31');

  it('skips weekends and public holidays', () => {
    expect(isWorkingDay('2019-10-21', holidays)).toBe(true); // Monday
    expect(isWorkingDay('2019-10-26', holidays)).toBe(false); // Saturday
    expect(isWorkingDay('2019-12-25', holidays)).toBe(false); // Kerstmis, a Wednesday
    expect(workingDaysAfter('2019-10-21', 2, holidays)).toBe('2019-10-23');
    expect(workingDaysAfter('2019-10-25', 2, holidays)).toBe('2019-10-29'); // Friday -> Tuesday
    // Monday 23 December: 24th, then 25/26 Christmas, 27th.
    expect(workingDaysAfter('2019-12-23', 2, holidays)).toBe('2019-12-27');
    // Thursday 9 April 2020: Goede Vrijdag, the weekend, Tweede paasdag.
    expect(workingDaysAfter('2020-04-09', 1, holidays)).toBe('2020-04-14');
  });
});
