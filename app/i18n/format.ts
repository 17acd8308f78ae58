import { DateTime } from 'luxon';
import type { Lang } from './config';

export const ZONE = 'Europe/Amsterdam';
const locales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Half-days as days in the language: 3 → "1,5" (nl) / "1.5" (en), with the unit unless asked not to. */
export function formatDays(halfDays: number, lang: Lang, { unit = true }: { unit?: boolean } = {}): string {
  const days = halfDays / 2;
  const number = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 1 }).format(days);
  if (!unit) return number;
  if (lang === 'nl') return `${number} ${days === 1 ? 'dag' : 'dagen'}`;
  return `${number} ${days === 1 ? 'day' : 'days'}`;
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(value);
}

function inZone(ms: number, lang: Lang) {
  return DateTime.fromMillis(ms, { zone: ZONE }).setLocale(locales[lang]);
}

/** "di 5 nov 2019" / "Tue 5 Nov 2019" */
export function formatDate(ms: number, lang: Lang): string {
  return inZone(ms, lang).toFormat('ccc d LLL yyyy');
}

/** "di 5 nov 2019 09:30" */
export function formatDateTime(ms: number, lang: Lang): string {
  return inZone(ms, lang).toFormat('ccc d LLL yyyy HH:mm');
}

/** "di 5 nov 2019 09:30–12:00" (the end's date too when it is another day) */
export function formatRange(startMs: number, endMs: number, lang: Lang): string {
  const start = inZone(startMs, lang);
  const end = inZone(endMs, lang);
  const sameDay = start.hasSame(end, 'day');
  return `${start.toFormat('ccc d LLL yyyy HH:mm')}–${end.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL yyyy HH:mm')}`;
}
