/**
 * Fixed calendar inputs shared by the .ics tests and the child processes that render them under
 * another TZ (tests/helpers/print-calendar-samples.ts): the output must not depend on the host zone.
 */
import { buildFeed, buildInvite, type CalendarEvent, type InviteInput } from '~/calendar/ics';

/** 2019-10-27, the day summer time ends: 09:00–12:00 Amsterdam (CET) = 08:00Z–11:00Z. */
export const AUTUMN_VISIT: CalendarEvent = {
  uid: 'visit-autumn-0001@sto-ondersteuning.example',
  sequence: 0,
  startsAt: Date.UTC(2019, 9, 27, 8, 0),
  endsAt: Date.UTC(2019, 9, 27, 11, 0),
  summary: 'Critical friend – Zuidoost Fryslân – ëën (STO19042)',
  location: 'Friesland College, Heerenveen',
  description: 'Vraag van de regio:\nHoe "borgen" we de samenwerking; en wie doet wat?\n\nMeer informatie: http://localhost:3000',
  url: 'http://localhost:3000',
};

/** 2019-03-31, the day summer time starts: 09:00–12:00 Amsterdam (CEST) = 07:00Z–10:00Z. */
export const SPRING_VISIT: CalendarEvent = {
  uid: 'visit-spring-0002@sto-ondersteuning.example',
  sequence: 3,
  startsAt: Date.UTC(2019, 2, 31, 7, 0),
  endsAt: Date.UTC(2019, 2, 31, 10, 0),
  summary: 'Thema: docentprofessionalisering – TechniekPact Kop van Noord-Holland (STO19072)',
  location: '',
  description: 'Een lange vraag met multi-byte tekens: ëën twee drie – Fryslân – 🚀 '.repeat(6).trim(),
};

export const ORGANIZER = { name: 'STO Ondersteuning', email: 'ondersteuning@sto-ondersteuning.example' };
export const ATTENDEE = { name: 'Jan "de" Vries\r\nBcc: x@evil.example', email: 'jan.devries@example.nl' };
export const DTSTAMP = Date.UTC(2019, 8, 15, 13, 45, 7);

export function sampleInvite(event: CalendarEvent, method: InviteInput['method']): string {
  return buildInvite({ ...event, method, organizer: ORGANIZER, attendee: ATTENDEE, dtstamp: DTSTAMP });
}

export function sampleFeed(): string {
  return buildFeed({ name: 'STO Ondersteuning – Zuidoost Fryslân; agenda', events: [AUTUMN_VISIT, SPRING_VISIT], dtstamp: DTSTAMP });
}

/** Every sample file, by name. */
export function renderSamples(): Record<string, string> {
  return {
    autumnRequest: sampleInvite(AUTUMN_VISIT, 'REQUEST'),
    autumnCancel: sampleInvite({ ...AUTUMN_VISIT, sequence: 1 }, 'CANCEL'),
    springRequest: sampleInvite(SPRING_VISIT, 'REQUEST'),
    feed: sampleFeed(),
  };
}
