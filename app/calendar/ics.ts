/**
 * Building iCalendar (.ics) text: one-event invitations and cancellations (iTIP REQUEST / CANCEL)
 * and subscription feeds (PUBLISH). Pure: no clock, no I/O; every instant is handed in as ms UTC.
 *
 * ical-generator 10 traps (see shared STACK.md): the timezone goes on each event, never as a
 * calendar-level name (that writes DTSTAMP without Z and no VTIMEZONE); the calendar only carries
 * the VTIMEZONE generator. Dates are luxon DateTimes. UID and SEQUENCE are always passed in. The
 * output lacks the final CRLF, which we add.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  ICalAttendeeRole,
  ICalCalendarMethod,
  ICalEventStatus,
  escape as escapeIcalText,
  type ICalCalendar,
  type ICalEventData,
} from 'ical-generator';
import { DateTime } from 'luxon';

export const CALENDAR_TIMEZONE = 'Europe/Amsterdam';
/** Written as PRODID:-//Sterk Techniekonderwijs//STO Ondersteuning//NL */
const PRODUCT_ID = { company: 'Sterk Techniekonderwijs', product: 'STO Ondersteuning', language: 'NL' };
/** How often a subscribed client should fetch a feed again. */
export const FEED_REFRESH_SECONDS = 60 * 60;

export type InviteMethod = 'REQUEST' | 'CANCEL';

export interface CalendarPerson {
  name: string;
  email: string;
}

/** One visit as a calendar event: the fields invitations and feeds share. */
export interface CalendarEvent {
  /** The visit's stored UID: the same in every invite, update, cancellation and feed. */
  uid: string;
  /** The visit's stored SEQUENCE: raised by the use cases on every change. */
  sequence: number;
  startsAt: number;
  endsAt: number;
  summary: string;
  location: string;
  description: string;
  url?: string;
}

export interface InviteInput extends CalendarEvent {
  method: InviteMethod;
  organizer: CalendarPerson;
  attendee: CalendarPerson;
  /** DTSTAMP: when this message was made. */
  dtstamp: number;
}

export interface FeedInput {
  name: string;
  /** Cancelled visits are left out by the caller. */
  events: CalendarEvent[];
  dtstamp: number;
}

/** An invitation, update (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for one recipient. */
export function buildInvite(input: InviteInput): string {
  const calendar = newCalendar(input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  calendar.createEvent({
    ...eventData(input, input.dtstamp),
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: sanitizeName(input.organizer.name) || input.organizer.email, email: sanitizeEmail(input.organizer.email) },
    attendees: [
      {
        name: sanitizeName(input.attendee.name) || null,
        email: sanitizeEmail(input.attendee.email),
        role: ICalAttendeeRole.REQ,
        // No reply is asked for: the app never reads one (ADR 0014). Changes go through the app.
        rsvp: false,
      },
    ],
  });
  return toIcs(calendar);
}

/** A subscription feed: METHOD:PUBLISH, no attendees or organizer (no e-mail addresses), refresh hint of an hour. */
export function buildFeed(input: FeedInput): string {
  const calendar = newCalendar(ICalCalendarMethod.PUBLISH);
  // ical-generator writes NAME / X-WR-CALNAME unescaped.
  calendar.name(escapeIcalText(sanitizeName(input.name), false));
  calendar.ttl(FEED_REFRESH_SECONDS);
  for (const event of input.events) {
    calendar.createEvent({ ...eventData(event, input.dtstamp), status: ICalEventStatus.CONFIRMED });
  }
  return toIcs(calendar);
}

/** The iTIP method a calendar attachment's Content-Type must name. */
export function icsContentType(method: InviteMethod): string {
  return `text/calendar; charset=UTF-8; method=${method}`;
}

/**
 * A display name safe inside a quoted iCalendar parameter (CN="...") and a mail header: no double
 * quotes, backslashes, line breaks or other control characters; runs of white space collapsed.
 */
export function sanitizeName(name: string): string {
  return name
    .replace(/["\\]/g, "'")
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sanitizeEmail(email: string): string {
  return email.replace(/[\s\p{Cc}\p{Cf}"<>;,\\]+/gu, '');
}

/**
 * The VTIMEZONE block, made once with CRLF line ends. ical-generator would regenerate it (reading a
 * file) and fold it again character by character for every file, which was most of the cost of an
 * invitation, and so of every booking. Its lines are all short, so it needs no folding.
 */
let vtimezone: string | null = null;
function vtimezoneBlock(): string {
  vtimezone ??= (getVtimezoneComponent(CALENDAR_TIMEZONE) ?? '').replace(/\r?\n/g, '\r\n').replace(/(\r\n)?$/, '\r\n');
  return vtimezone;
}

function newCalendar(method: ICalCalendarMethod): ICalCalendar {
  // No calendar-level time zone at all (a name would write local DTSTAMPs): the events carry
  // TZID=Europe/Amsterdam, and toIcs() puts the one VTIMEZONE they refer to in front of them.
  return ical({ prodId: PRODUCT_ID, method });
}

/** The calendar as text: its VTIMEZONE inserted before the first event, ending with CRLF. */
function toIcs(calendar: ICalCalendar): string {
  const text = withFinalCrlf(calendar.toString());
  const at = text.search(/BEGIN:VEVENT\r\n|END:VCALENDAR\r\n/);
  return text.slice(0, at) + vtimezoneBlock() + text.slice(at);
}

function eventData(event: CalendarEvent, dtstamp: number): ICalEventData {
  return {
    id: event.uid,
    sequence: event.sequence,
    timezone: CALENDAR_TIMEZONE,
    start: DateTime.fromMillis(event.startsAt, { zone: CALENDAR_TIMEZONE }),
    end: DateTime.fromMillis(event.endsAt, { zone: CALENDAR_TIMEZONE }),
    stamp: DateTime.fromMillis(dtstamp, { zone: 'utc' }),
    summary: stripControls(event.summary),
    location: stripControls(event.location) || null,
    description: cleanMultiline(event.description),
    url: event.url ?? null,
  };
}

/** A one-line TEXT value: no control characters or line breaks. */
function stripControls(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** A multi-line TEXT value: line breaks kept (ical-generator escapes them), other controls dropped. */
function cleanMultiline(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .trim();
}

function withFinalCrlf(text: string): string {
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
