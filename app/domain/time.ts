/**
 * Time in Europe/Amsterdam. Instants are stored as integer milliseconds UTC; people type and read
 * wall-clock times in Amsterdam. A wall-clock time that doesn't exist (the hour skipped when summer
 * time starts) or exists twice (the hour repeated when it ends) is refused, never silently shifted.
 * The server's own time zone never matters: every conversion names the zone.
 */
import { DateTime } from 'luxon';

export const ZONE = 'Europe/Amsterdam';

export type Lang = 'nl' | 'en';

/** Why a wall-clock input could not become one instant. */
export type LocalTimeProblem = 'invalid' | 'nonexistent' | 'ambiguous';

export type LocalTimeResult = { ok: true; ms: number } | { ok: false; problem: LocalTimeProblem; input: string };

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A wall-clock reading in Amsterdam. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function parseWallClock(input: string): WallClock | null {
  const m = LOCAL_INPUT.exec(input.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ];
  // Validate the calendar fields on their own (no zone involved): 2019-02-30 or 24:00 is invalid.
  if (hour > 23) return null;
  const check = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: 'UTC' });
  if (!check.isValid) return null;
  return { year, month, day, hour, minute, second };
}

function sameWallClock(ms: number, wall: WallClock): boolean {
  const local = DateTime.fromMillis(ms, { zone: ZONE });
  return (
    local.year === wall.year &&
    local.month === wall.month &&
    local.day === wall.day &&
    local.hour === wall.hour &&
    local.minute === wall.minute &&
    local.second === wall.second
  );
}

/**
 * Every instant whose Amsterdam wall-clock reading is `wall`: none in the spring-forward gap, two in
 * the fall-back overlap, one otherwise. Found by trying each UTC offset the zone uses around that
 * date and keeping the candidates that round-trip to the same wall-clock reading.
 */
export function instantsForWallClock(wall: WallClock): number[] {
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const day = 24 * 60 * 60 * 1000;
  const offsets = new Set(
    [asIfUtc - day, asIfUtc, asIfUtc + day].map((ms) => DateTime.fromMillis(ms, { zone: ZONE }).offset),
  );
  const candidates = [...offsets].map((offsetMinutes) => asIfUtc - offsetMinutes * 60_000);
  return [...new Set(candidates.filter((ms) => sameWallClock(ms, wall)))].sort((a, b) => a - b);
}

/** '2019-10-27T09:00' (or with a space, or with seconds), read as Amsterdam wall-clock time. */
export function parseLocalDateTime(input: string): LocalTimeResult {
  const wall = parseWallClock(input);
  if (!wall) return { ok: false, problem: 'invalid', input };
  const instants = instantsForWallClock(wall);
  if (instants.length === 0) return { ok: false, problem: 'nonexistent', input };
  if (instants.length > 1) return { ok: false, problem: 'ambiguous', input };
  return { ok: true, ms: instants[0]! };
}

/** The instant as an Amsterdam wall-clock input value: '2019-10-27T09:00'. */
export function toLocalInput(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The calendar year in Amsterdam: the ledger year of a visit starting at `ms`. */
export function amsterdamYear(ms: number): number {
  return DateTime.fromMillis(ms, { zone: ZONE }).year;
}

/** The Amsterdam calendar date as 'yyyy-MM-dd'. */
export function amsterdamDate(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).toISODate()!;
}

/** The number of Amsterdam calendar days from the date of `fromMs` to the date of `toMs` (0 = same day). */
export function amsterdamDaysBetween(fromMs: number, toMs: number): number {
  // Compare the calendar dates only, so a 23- or 25-hour day still counts as one day.
  const dayNumber = (ms: number) => {
    const d = DateTime.fromMillis(ms, { zone: ZONE });
    return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
  };
  return dayNumber(toMs) - dayNumber(fromMs);
}

/** Midnight at the start of 1 January of `year` in Amsterdam, as an instant. */
export function startOfAmsterdamYear(year: number): number {
  return DateTime.fromObject({ year, month: 1, day: 1 }, { zone: ZONE }).toMillis();
}

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * One Intl formatter per language, made once: formatting is on the booking path (history lines,
 * e-mails), and a fresh zone-aware formatter per call costs more than the rules themselves.
 */
const formatters = new Map<Lang, Intl.DateTimeFormat>();
function partsOf(ms: number, lang: Lang): Record<string, string> {
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: ZONE,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(lang, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(ms)) parts[part.type] = part.value;
  return parts;
}

/** 'zaterdag 30 november 2019' / 'Saturday 30 November 2019'. */
export function formatDate(ms: number, lang: Lang): string {
  const p = partsOf(ms, lang);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** '09:00' (24-hour clock in both languages). */
export function formatTime(ms: number, lang: Lang): string {
  const p = partsOf(ms, lang);
  return `${p.hour}:${p.minute}`;
}

/** 'zaterdag 30 november 2019 09:00' / 'Saturday 30 November 2019 09:00'. */
export function formatDateTime(ms: number, lang: Lang): string {
  return `${formatDate(ms, lang)} ${formatTime(ms, lang)}`;
}

/** A visit's time span: '… 09:00–12:00' on one day, else both ends in full. */
export function formatRange(startMs: number, endMs: number, lang: Lang): string {
  if (formatDate(startMs, lang) === formatDate(endMs, lang)) {
    return `${formatDateTime(startMs, lang)}–${formatTime(endMs, lang)}`;
  }
  return `${formatDateTime(startMs, lang)} – ${formatDateTime(endMs, lang)}`;
}
