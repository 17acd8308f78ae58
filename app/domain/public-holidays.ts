/**
 * Dutch public holidays from the date-holidays library (well kept, computes Easter and the days
 * that hang from it, Koningsdag moving off a Sunday, …), not a hand-made list. Deterministic and
 * without I/O, so the services can hand its answers to the rules as data. Used on the server only
 * (the library's data is large): routes pass the dates on in their loader data.
 *
 * Which days count (ADR 0021): the library's 'public' days (Nieuwjaarsdag, Pasen, Koningsdag,
 * Hemelvaart, Pinksteren, Kerst) and its 'school' days (Goede Vrijdag, Bevrijdingsdag), on which
 * schools and most offices are closed too. Observances (Dodenherdenking, Sinterklaas, Moederdag)
 * and Oudejaarsavond are left out.
 */
import Holidays from 'date-holidays';
import type { PublicHoliday } from './holidays';

const COUNTED_TYPES = new Set(['public', 'school']);

let nl: Holidays | null = null;
let en: Holidays | null = null;
const byYear = new Map<number, PublicHoliday[]>();

/** Every counted public holiday of one calendar year, in date order. */
export function publicHolidaysOfYear(year: number): PublicHoliday[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  nl ??= new Holidays('NL', { languages: ['nl'] });
  en ??= new Holidays('NL', { languages: ['en'] });
  const english = new Map(en.getHolidays(year).map((h) => [`${h.date.slice(0, 10)} ${h.rule}`, h.name]));
  const list = nl
    .getHolidays(year)
    .filter((h) => COUNTED_TYPES.has(h.type))
    .map((h) => {
      const date = h.date.slice(0, 10);
      return { date, nameNl: h.name, nameEn: english.get(`${date} ${h.rule}`) ?? h.name };
    });
  byYear.set(year, list);
  return list;
}

/** The counted public holidays from `from` to `to` (ISO dates, both inclusive). */
export function publicHolidaysBetween(from: string, to: string): PublicHoliday[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const out: PublicHoliday[] = [];
  for (let year = first; year <= last && year - first < 200; year += 1) {
    for (const h of publicHolidaysOfYear(year)) if (h.date >= from && h.date <= to) out.push(h);
  }
  return out;
}

/** The dates only, for working-day arithmetic. */
export function publicHolidayDates(from: string, to: string): Set<string> {
  return new Set(publicHolidaysBetween(from, to).map((h) => h.date));
}
