/** Reading generated .ics back with a real parser (ical.js), and the raw checks every file must pass. */
import ICAL from 'ical.js';
import { expect } from 'vitest';

export interface ParsedIcs {
  calendar: ICAL.Component;
  method: string;
  events: ParsedEvent[];
}

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
  /** Instants as ISO strings in UTC. */
  startUtc: string;
  endUtc: string;
  startTzid: string | null;
  dtstamp: string;
  organizer: { value: string; cn: string | null } | null;
  attendees: Array<{ value: string; cn: string | null; role: string | null; partstat: string | null; rsvp: string | null }>;
}

/**
 * Parses with ical.js, using only the VTIMEZONEs the file itself carries (the service is reset
 * first), so the UTC instants prove the file's own time zone data is right.
 */
export function parseIcs(text: string): ParsedIcs {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents('vevent').map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    const organizer = vevent.getFirstProperty('organizer');
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: stringOrNull(vevent.getFirstPropertyValue('status')),
      summary: event.summary,
      location: event.location,
      description: event.description,
      url: stringOrNull(vevent.getFirstPropertyValue('url')),
      startUtc: event.startDate.toJSDate().toISOString(),
      endUtc: event.endDate.toJSDate().toISOString(),
      startTzid: stringOrNull(vevent.getFirstProperty('dtstart')?.getParameter('tzid')),
      dtstamp: String(vevent.getFirstPropertyValue('dtstamp')),
      organizer: organizer ? { value: String(organizer.getFirstValue()), cn: stringOrNull(organizer.getParameter('cn')) } : null,
      attendees: vevent.getAllProperties('attendee').map((p) => ({
        value: String(p.getFirstValue()),
        cn: stringOrNull(p.getParameter('cn')),
        role: stringOrNull(p.getParameter('role')),
        partstat: stringOrNull(p.getParameter('partstat')),
        rsvp: stringOrNull(p.getParameter('rsvp')),
      })),
    };
  });
  return { calendar, method: String(calendar.getFirstPropertyValue('method')), events };
}

function stringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** CRLF only, lines of at most 75 octets, UTC DTSTAMPs, a VTIMEZONE for Amsterdam, a final CRLF. */
export function expectWellFormedIcs(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(line, 'a fold must not split a character').not.toMatch(LONE_SURROGATE);
  }
  const dtstamps = lines.filter((line) => line.startsWith('DTSTAMP'));
  expect(dtstamps.length).toBeGreaterThan(0);
  for (const line of dtstamps) expect(line).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
  if (lines.some((line) => line.startsWith('BEGIN:VEVENT'))) {
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Amsterdam');
  }
}
