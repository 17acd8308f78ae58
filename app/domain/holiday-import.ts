/**
 * School holidays as coordinators enter them or as the Rijksoverheid publishes them (open data,
 * info type `schoolholidays`), checked before anything is written. Pure: the caller hands in the
 * parsed JSON (or the text) and the holidays already stored.
 *
 * The Rijksoverheid's shape: `{ content: [{ schoolyear: '2019-2020', vacations: [{ type:
 * 'Herfstvakantie', compulsorydates: 'false', regions: [{ region: 'noord' | 'midden' | 'zuid' |
 * 'heel Nederland', startdate, enddate }] }] }] }`. Dates come as ISO dates or as instants
 * ('2019-10-18T22:00:00.000Z' is 19 October in Amsterdam); both ends are inclusive. Type names may
 * carry trailing spaces ('Zomervakantie ').
 */
import { DateTime } from 'luxon';
import {
  HOLIDAY_ZONES,
  isIsoDate,
  isSchoolYear,
  schoolYearBounds,
  type HolidayZone,
} from './holidays';
import { ZONE, type Lang } from './time';

export type SchoolHolidayEntry = {
  schoolYear: string;
  zone: HolidayZone;
  name: string;
  startDate: string;
  endDate: string;
  compulsory: boolean;
};

export type HolidayProblemCode =
  | 'not_json'
  | 'too_large'
  | 'no_content'
  | 'school_year_invalid'
  | 'no_vacations'
  | 'name_missing'
  | 'name_too_long'
  | 'compulsory_invalid'
  | 'no_regions'
  | 'zone_invalid'
  | 'date_invalid'
  | 'end_before_start'
  | 'outside_school_year'
  | 'overlap';

/** Where in the file (or which field of the form) and what is wrong, with the values to name. */
export type HolidayProblem = { code: HolidayProblemCode; at: string; value?: string; other?: string };

export const MAX_NAME_LENGTH = 60;
/** A Rijksoverheid file for one or a few school years is a few kB; anything near this is not one. */
export const MAX_IMPORT_BYTES = 512 * 1024;

const ZONE_NAMES: Record<string, HolidayZone[]> = {
  noord: ['noord'],
  midden: ['midden'],
  zuid: ['zuid'],
  'heel nederland': [...HOLIDAY_ZONES],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An ISO date, or an instant read as its Amsterdam calendar date; null for anything else. */
export function importDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (isIsoDate(text)) return text;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const instant = DateTime.fromISO(text, { setZone: true });
  if (!instant.isValid) return null;
  // A value without an offset is a wall-clock reading in Amsterdam already.
  const local = /([zZ]|[+-]\d{2}:?\d{2})$/.test(text) ? instant.setZone(ZONE) : DateTime.fromISO(text, { zone: ZONE });
  return local.isValid ? local.toISODate() : null;
}

function compulsoryOf(value: unknown): boolean | null {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return null;
}

/** Overlapping periods of one zone (both ends inclusive), as problems at the later entry. */
export function findOverlaps(
  entries: ReadonlyArray<SchoolHolidayEntry & { at: string }>,
  existing: ReadonlyArray<SchoolHolidayEntry & { at?: string }> = [],
): HolidayProblem[] {
  const problems: HolidayProblem[] = [];
  const seen: Array<SchoolHolidayEntry & { at?: string }> = [...existing];
  for (const e of entries) {
    const clash = seen.find((o) => o.zone === e.zone && o.startDate <= e.endDate && e.startDate <= o.endDate);
    if (clash) {
      problems.push({ code: 'overlap', at: e.at, value: `${e.name} ${e.zone} ${e.startDate}–${e.endDate}`, other: `${clash.name} ${clash.startDate}–${clash.endDate}` });
    } else {
      seen.push(e);
    }
  }
  return problems;
}

export type ParsedImport = { ok: true; entries: SchoolHolidayEntry[]; schoolYears: string[] } | { ok: false; problems: HolidayProblem[] };

/**
 * Reads a Rijksoverheid schoolholidays file. Either every entry is right, or nothing is taken and
 * each wrong entry is named by its place in the file (`content[0].vacations[2].regions[1]`).
 * `existing` are the stored holidays of other school years (the file replaces its own years).
 */
export function parseRijksoverheidJson(
  input: string | unknown,
  existing: ReadonlyArray<SchoolHolidayEntry> = [],
): ParsedImport {
  let json: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_BYTES) return { ok: false, problems: [{ code: 'too_large', at: '' }] };
    try {
      json = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, problems: [{ code: 'not_json', at: '' }] };
    }
  }
  // The API answers one school year as an object with `content`; a list of such answers is fine too.
  const answers = Array.isArray(json) ? json : [json];
  const contents: Array<{ at: string; value: unknown }> = [];
  answers.forEach((answer, i) => {
    const prefix = Array.isArray(json) ? `[${i}].` : '';
    if (isRecord(answer) && Array.isArray(answer.content)) {
      answer.content.forEach((c, j) => contents.push({ at: `${prefix}content[${j}]`, value: c }));
    }
  });
  if (contents.length === 0) return { ok: false, problems: [{ code: 'no_content', at: 'content' }] };

  const problems: HolidayProblem[] = [];
  const entries: Array<SchoolHolidayEntry & { at: string }> = [];
  const schoolYears = new Set<string>();
  for (const { at, value } of contents) {
    if (!isRecord(value)) {
      problems.push({ code: 'no_vacations', at });
      continue;
    }
    const schoolYear = typeof value.schoolyear === 'string' ? value.schoolyear.trim() : '';
    if (!isSchoolYear(schoolYear)) {
      problems.push({ code: 'school_year_invalid', at: `${at}.schoolyear`, value: String(value.schoolyear ?? '') });
      continue;
    }
    schoolYears.add(schoolYear);
    const bounds = schoolYearBounds(schoolYear);
    if (!Array.isArray(value.vacations) || value.vacations.length === 0) {
      problems.push({ code: 'no_vacations', at: `${at}.vacations` });
      continue;
    }
    value.vacations.forEach((vacation, v) => {
      const vAt = `${at}.vacations[${v}]`;
      if (!isRecord(vacation)) return problems.push({ code: 'name_missing', at: vAt });
      const name = typeof vacation.type === 'string' ? vacation.type.trim() : '';
      if (!name) return problems.push({ code: 'name_missing', at: `${vAt}.type` });
      if (name.length > MAX_NAME_LENGTH) return problems.push({ code: 'name_too_long', at: `${vAt}.type`, value: name.slice(0, 80) });
      const compulsory = compulsoryOf(vacation.compulsorydates);
      if (compulsory === null) return problems.push({ code: 'compulsory_invalid', at: `${vAt}.compulsorydates`, value: String(vacation.compulsorydates) });
      if (!Array.isArray(vacation.regions) || vacation.regions.length === 0) return problems.push({ code: 'no_regions', at: `${vAt}.regions` });
      vacation.regions.forEach((region, r) => {
        const rAt = `${vAt}.regions[${r}]`;
        const zoneText = isRecord(region) && typeof region.region === 'string' ? region.region.trim() : '';
        const zones = ZONE_NAMES[zoneText.toLowerCase()];
        if (!zones) return problems.push({ code: 'zone_invalid', at: `${rAt}.region`, value: isRecord(region) ? String(region.region ?? '') : '' });
        const startDate = importDate((region as Record<string, unknown>).startdate);
        const endDate = importDate((region as Record<string, unknown>).enddate);
        if (!startDate) return problems.push({ code: 'date_invalid', at: `${rAt}.startdate`, value: String((region as Record<string, unknown>).startdate ?? '') });
        if (!endDate) return problems.push({ code: 'date_invalid', at: `${rAt}.enddate`, value: String((region as Record<string, unknown>).enddate ?? '') });
        if (endDate < startDate) return problems.push({ code: 'end_before_start', at: rAt, value: startDate, other: endDate });
        if (startDate < bounds.from || endDate > bounds.to) {
          return problems.push({ code: 'outside_school_year', at: rAt, value: `${startDate}–${endDate}`, other: schoolYear });
        }
        for (const zone of zones) entries.push({ at: rAt, schoolYear, zone, name, startDate, endDate, compulsory });
      });
    });
  }
  if (problems.length === 0) {
    const others = existing.filter((e) => !schoolYears.has(e.schoolYear));
    problems.push(...findOverlaps(entries, others));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entries: entries.map(({ at: _at, ...e }) => e), schoolYears: [...schoolYears].sort() };
}

/** One holiday as typed on the settings page, checked against the stored ones (`at` names the field). */
export function checkSchoolHoliday(entry: SchoolHolidayEntry, others: ReadonlyArray<SchoolHolidayEntry>): HolidayProblem[] {
  const problems: HolidayProblem[] = [];
  if (!isSchoolYear(entry.schoolYear)) problems.push({ code: 'school_year_invalid', at: 'schoolYear', value: entry.schoolYear });
  if (!(HOLIDAY_ZONES as readonly string[]).includes(entry.zone)) problems.push({ code: 'zone_invalid', at: 'zone', value: entry.zone });
  if (!entry.name.trim()) problems.push({ code: 'name_missing', at: 'name' });
  else if (entry.name.trim().length > MAX_NAME_LENGTH) problems.push({ code: 'name_too_long', at: 'name', value: entry.name.slice(0, 80) });
  if (!isIsoDate(entry.startDate)) problems.push({ code: 'date_invalid', at: 'startDate', value: entry.startDate });
  if (!isIsoDate(entry.endDate)) problems.push({ code: 'date_invalid', at: 'endDate', value: entry.endDate });
  if (problems.length > 0) return problems;
  if (entry.endDate < entry.startDate) return [{ code: 'end_before_start', at: 'endDate', value: entry.startDate, other: entry.endDate }];
  const bounds = schoolYearBounds(entry.schoolYear);
  if (entry.startDate < bounds.from || entry.endDate > bounds.to) {
    return [{ code: 'outside_school_year', at: 'startDate', value: `${entry.startDate}–${entry.endDate}`, other: entry.schoolYear }];
  }
  return findOverlaps([{ ...entry, at: 'startDate' }], others);
}

const MESSAGES: Record<HolidayProblemCode, Record<Lang, (p: HolidayProblem) => string>> = {
  not_json: { nl: () => 'Het bestand is geen JSON.', en: () => 'The file is not JSON.' },
  too_large: { nl: () => 'Het bestand is te groot voor een schoolvakantiebestand (meer dan 512 kB).', en: () => 'The file is too large for a school holiday file (over 512 kB).' },
  no_content: {
    nl: () => 'Het bestand heeft geen “content” met schooljaren: is het wel het schoolvakantiebestand van de Rijksoverheid?',
    en: () => 'The file has no “content” with school years: is it the Rijksoverheid’s school holiday file?',
  },
  school_year_invalid: {
    nl: (p) => `Het schooljaar “${p.value ?? ''}” is ongeldig; verwacht bijvoorbeeld 2019-2020.`,
    en: (p) => `The school year “${p.value ?? ''}” is invalid; expected e.g. 2019-2020.`,
  },
  no_vacations: { nl: () => 'Er staan geen vakanties in dit schooljaar.', en: () => 'There are no holidays in this school year.' },
  name_missing: { nl: () => 'De naam van de vakantie ontbreekt.', en: () => 'The name of the holiday is missing.' },
  name_too_long: { nl: () => `De naam van de vakantie is langer dan ${MAX_NAME_LENGTH} tekens.`, en: () => `The name of the holiday is longer than ${MAX_NAME_LENGTH} characters.` },
  compulsory_invalid: {
    nl: (p) => `“compulsorydates” moet true of false zijn, niet “${p.value ?? ''}”.`,
    en: (p) => `“compulsorydates” must be true or false, not “${p.value ?? ''}”.`,
  },
  no_regions: { nl: () => 'Deze vakantie heeft geen regio’s met data.', en: () => 'This holiday has no regions with dates.' },
  zone_invalid: {
    nl: (p) => `De vakantieregio “${p.value ?? ''}” bestaat niet; kies noord, midden, zuid of heel Nederland.`,
    en: (p) => `The holiday zone “${p.value ?? ''}” does not exist; use noord, midden, zuid or heel Nederland.`,
  },
  date_invalid: {
    nl: (p) => `“${p.value ?? ''}” is geen geldige datum (verwacht jjjj-mm-dd).`,
    en: (p) => `“${p.value ?? ''}” is not a valid date (expected yyyy-mm-dd).`,
  },
  end_before_start: {
    nl: (p) => `De einddatum ${p.other ?? ''} ligt vóór de begindatum ${p.value ?? ''}.`,
    en: (p) => `The end date ${p.other ?? ''} is before the start date ${p.value ?? ''}.`,
  },
  outside_school_year: {
    nl: (p) => `De periode ${p.value ?? ''} valt buiten schooljaar ${p.other ?? ''} (1 augustus t/m 31 juli).`,
    en: (p) => `The period ${p.value ?? ''} falls outside school year ${p.other ?? ''} (1 August to 31 July).`,
  },
  overlap: {
    nl: (p) => `${p.value ?? ''} overlapt met ${p.other ?? ''} in dezelfde vakantieregio.`,
    en: (p) => `${p.value ?? ''} overlaps ${p.other ?? ''} in the same holiday zone.`,
  },
};

/** The problem as a sentence, with its place in the file when it has one. */
export function holidayProblemMessage(p: HolidayProblem, lang: Lang, withPlace = true): string {
  const text = MESSAGES[p.code][lang](p);
  if (!withPlace || !p.at) return text;
  return lang === 'nl' ? `Bij ${p.at}: ${text}` : `At ${p.at}: ${text}`;
}
