/**
 * School holidays and public holidays, as plain functions on plain data. The caller hands in the
 * school holidays it read (per zone, Amsterdam calendar dates, both ends inclusive) and the public
 * holidays (app/domain/public-holidays.ts computes them with the date-holidays library); nothing
 * here reads a clock, a database or a library of holidays. Client-safe: no imports from db/.
 */
import { DateTime } from 'luxon';
import { ZONE, type Lang } from './time';

/** The three school-holiday zones (vakantieregio's); the same list as db/schema.ts HOLIDAY_ZONES. */
export const HOLIDAY_ZONES = ['noord', 'midden', 'zuid'] as const;
export type HolidayZone = (typeof HOLIDAY_ZONES)[number];

export function isHolidayZone(value: unknown): value is HolidayZone {
  return typeof value === 'string' && (HOLIDAY_ZONES as readonly string[]).includes(value);
}

/**
 * The zone each province's schools mostly follow (Rijksoverheid). Zone borders follow
 * municipalities, not provinces: parts of Gelderland are noord or zuid, parts of Utrecht and
 * Noord-Brabant midden, so a coordinator can set a region's own zone. Caribisch Nederland has no
 * zone (its islands keep their own school holidays).
 */
const PROVINCE_ZONES: Record<string, HolidayZone> = {
  groningen: 'noord',
  friesland: 'noord',
  fryslân: 'noord',
  drenthe: 'noord',
  overijssel: 'noord',
  flevoland: 'noord',
  'noord-holland': 'noord',
  utrecht: 'midden',
  'zuid-holland': 'midden',
  gelderland: 'midden',
  'noord-brabant': 'zuid',
  limburg: 'zuid',
  zeeland: 'zuid',
};

export function defaultZoneForProvince(province: string): HolidayZone | null {
  return PROVINCE_ZONES[province.trim().toLowerCase()] ?? null;
}

/** The zone a region's visits are checked against: its own when set, else its province's. */
export function regionZone(region: { province: string; holidayZone: HolidayZone | null }): HolidayZone | null {
  return region.holidayZone ?? defaultZoneForProvince(region.province);
}

// ---------------------------------------------------------------------------------------------
// Dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'yyyy-mm-dd' that names a real calendar day. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  return DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: 'UTC' }).isValid;
}

/** The next calendar day of an ISO date (UTC arithmetic on dates only: no day is 23 or 25 hours here). */
export function nextIsoDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
}

export function addIsoDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** The Amsterdam calendar date of an instant. */
export function amsterdamIsoDate(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).toISODate()!;
}

/** Midnight at the start of an Amsterdam calendar date, as an instant. */
export function startOfAmsterdamDate(date: string): number {
  return DateTime.fromISO(date, { zone: ZONE }).startOf('day').toMillis();
}

/** A visit never spans more days than this; a longer (wrong) slot is checked on its first days only. */
const MAX_SLOT_DAYS = 62;

/**
 * The Amsterdam calendar dates a half-open slot [startsAt, endsAt) touches: a visit ending at
 * midnight does not touch the next day. Dates are compared as calendar days, so a slot across the
 * night summer time starts or ends, or across New Year, gets each date once.
 */
export function datesOfSlot(slot: { startsAt: number; endsAt: number }): string[] {
  const first = amsterdamIsoDate(slot.startsAt);
  const last = amsterdamIsoDate(Math.max(slot.startsAt, slot.endsAt - 1));
  const dates = [first];
  for (let d = first; d < last && dates.length < MAX_SLOT_DAYS; ) {
    d = nextIsoDate(d);
    dates.push(d);
  }
  return dates;
}

/** The school year a date falls in: from 1 August to 31 July, '2019-2020'. */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

export function isSchoolYear(value: string): boolean {
  const m = SCHOOL_YEAR.exec(value);
  return m !== null && Number(m[2]) === Number(m[1]) + 1 && Number(m[1]) >= 2000 && Number(m[1]) < 2100;
}

/** The first and last day of a school year ('2019-2020' -> 2019-08-01 .. 2020-07-31). */
export function schoolYearBounds(schoolYear: string): { from: string; to: string } {
  const start = Number(schoolYear.slice(0, 4));
  return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

// ---------------------------------------------------------------------------------------------
// Holidays and what a visit hits

export type SchoolHoliday = {
  zone: HolidayZone;
  /** 'Herfstvakantie', as the Rijksoverheid names it (the same in both languages of the app). */
  name: string;
  startDate: string;
  endDate: string;
};

export type PublicHoliday = { date: string; nameNl: string; nameEn: string };

export type HolidayHit =
  | { kind: 'school'; zone: HolidayZone; name: string; startDate: string; endDate: string; dates: string[] }
  | { kind: 'public'; date: string; nameNl: string; nameEn: string };

/**
 * The holidays a visit's days hit: the school holidays of the region's zone that contain one of
 * its Amsterdam dates (with the dates hit), and the public holidays on one of them. A region
 * without a zone is checked for public holidays only.
 */
export function holidayHits(f: {
  slot: { startsAt: number; endsAt: number };
  zone: HolidayZone | null;
  schoolHolidays: ReadonlyArray<SchoolHoliday>;
  publicHolidays: ReadonlyArray<PublicHoliday>;
}): HolidayHit[] {
  const dates = datesOfSlot(f.slot);
  const hits: HolidayHit[] = [];
  if (f.zone !== null) {
    for (const h of f.schoolHolidays) {
      if (h.zone !== f.zone) continue;
      const inside = dates.filter((d) => d >= h.startDate && d <= h.endDate);
      if (inside.length > 0) hits.push({ kind: 'school', zone: h.zone, name: h.name, startDate: h.startDate, endDate: h.endDate, dates: inside });
    }
  }
  const seen = new Set<string>();
  for (const p of f.publicHolidays) {
    const key = `${p.date} ${p.nameNl}`;
    if (seen.has(key) || !dates.includes(p.date)) continue;
    seen.add(key);
    hits.push({ kind: 'public', date: p.date, nameNl: p.nameNl, nameEn: p.nameEn });
  }
  return hits;
}

/** The date range of holidays a reader needs for a slot: its first to its last Amsterdam date. */
export function slotDateRange(slot: { startsAt: number; endsAt: number }): { from: string; to: string } {
  const dates = datesOfSlot(slot);
  return { from: dates[0]!, to: dates[dates.length - 1]! };
}

/** The school holidays of a zone that overlap a date range [from, to] (both inclusive). */
export function schoolHolidaysOverlapping(
  holidays: ReadonlyArray<SchoolHoliday>,
  zone: HolidayZone | null,
  range: { from: string; to: string },
): SchoolHoliday[] {
  if (zone === null) return [];
  return holidays.filter((h) => h.zone === zone && h.startDate <= range.to && h.endDate >= range.from);
}

/**
 * A working day: Monday to Friday, not a public holiday. `publicHolidays` must cover the dates
 * asked about.
 */
export function isWorkingDay(date: string, publicHolidays: ReadonlySet<string>): boolean {
  const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday;
  return weekday <= 5 && !publicHolidays.has(date);
}

/** The date `count` working days after `date` (weekends and public holidays skipped). */
export function workingDaysAfter(date: string, count: number, publicHolidays: ReadonlySet<string>): string {
  let d = date;
  for (let left = count; left > 0; ) {
    d = nextIsoDate(d);
    if (isWorkingDay(d, publicHolidays)) left -= 1;
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// Showing dates

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** 'woensdag 23 oktober 2019' / 'Wednesday 23 October 2019' for an ISO date. */
export function formatIsoDate(date: string, lang: Lang): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(LOCALES[lang]).toFormat('cccc d LLLL yyyy');
}

/** '19 oktober 2019' / '19 October 2019'. */
export function formatIsoDateShort(date: string, lang: Lang): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(LOCALES[lang]).toFormat('d LLLL yyyy');
}

/** '19 t/m 27 oktober 2019' / '19 to 27 October 2019' (inclusive). */
export function formatIsoPeriod(startDate: string, endDate: string, lang: Lang): string {
  const through = lang === 'nl' ? 't/m' : 'to';
  if (startDate === endDate) return formatIsoDateShort(startDate, lang);
  return `${formatIsoDateShort(startDate, lang)} ${through} ${formatIsoDateShort(endDate, lang)}`;
}

const SCHOOL_HOLIDAY_EN: Record<string, string> = {
  herfstvakantie: 'autumn holiday',
  kerstvakantie: 'Christmas holiday',
  voorjaarsvakantie: 'spring holiday',
  meivakantie: 'May holiday',
  zomervakantie: 'summer holiday',
};

/** A school holiday's name in the language: the Rijksoverheid's Dutch name, glossed in English. */
export function schoolHolidayName(name: string, lang: Lang): string {
  if (lang === 'nl') return name;
  const en = SCHOOL_HOLIDAY_EN[name.trim().toLowerCase()];
  return en ? `${name} (${en})` : name;
}

export function holidayName(hit: HolidayHit, lang: Lang): string {
  if (hit.kind === 'public') return lang === 'en' ? hit.nameEn : hit.nameNl;
  return schoolHolidayName(hit.name, lang);
}

/** One sentence per hit: 'de herfstvakantie van regio midden (19 t/m 27 oktober 2019)'. */
export function describeHit(hit: HolidayHit, lang: Lang): string {
  if (hit.kind === 'public') {
    return lang === 'en'
      ? `${hit.nameEn} (${formatIsoDate(hit.date, 'en')}, a public holiday)`
      : `${hit.nameNl} (${formatIsoDate(hit.date, 'nl')}, een feestdag)`;
  }
  const period = formatIsoPeriod(hit.startDate, hit.endDate, lang);
  return lang === 'en'
    ? `the ${schoolHolidayName(hit.name, 'en')} of holiday zone ${hit.zone} (${period})`
    : `de ${hit.name.toLowerCase()} van vakantieregio ${hit.zone} (${period})`;
}
