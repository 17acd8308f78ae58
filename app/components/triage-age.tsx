import { formatDateTime, type Lang } from '~/domain/time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago, in words: '5 minuten geleden', '3 uur geleden', '3 dagen geleden'. `now` comes from
 * the loader, so the server and the browser write the same text.
 */
export function relativeAge(at: number, now: number, lang: Lang): string {
  const diff = Math.max(0, now - at);
  const format = new Intl.RelativeTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { numeric: 'always' });
  if (diff < HOUR) return format.format(-Math.floor(diff / MINUTE), 'minute');
  if (diff < DAY) return format.format(-Math.floor(diff / HOUR), 'hour');
  return format.format(-Math.floor(diff / DAY), 'day');
}

/** A moment as its age, with the exact date and time as the machine-readable value and tooltip. */
export function Age({ at, now, lang }: { at: number; now: number; lang: Lang }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDateTime(at, lang)}>
      {relativeAge(at, now, lang)}
    </time>
  );
}
