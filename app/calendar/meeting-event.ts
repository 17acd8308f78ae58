/**
 * A theme meeting as a calendar event, in one language, for one attendee: the same UID and SEQUENCE
 * in the invitation, every update and the cancellation. The online link is only put in for a
 * confirmed attendee (the caller decides; the waiting list never gets an .ics). Pure.
 */
import type { CalendarEvent } from './ics';

export interface MeetingEventFacts {
  uid: string;
  sequence: number;
  startsAt: number;
  endsAt: number;
  title: string;
  description: string;
  location: string;
  onlineUrl: string | null;
}

const LABELS = {
  nl: { summary: 'Themabijeenkomst STO', online: 'Online', link: 'Link naar de bijeenkomst', yourPlace: 'Uw aanmelding' },
  en: { summary: 'STO theme meeting', online: 'Online', link: 'Link to the meeting', yourPlace: 'Your sign-up' },
} as const;

/**
 * @param link where the attendee sees their place and can cancel (the meeting's public page when
 * their private link can't be rebuilt)
 * @param note an optional first paragraph, e.g. why the meeting was cancelled
 */
export function meetingCalendarEvent(facts: MeetingEventFacts, language: 'nl' | 'en', link: string, note?: string): CalendarEvent {
  const labels = LABELS[language];
  const online = facts.onlineUrl ? `${labels.link}: ${facts.onlineUrl}` : undefined;
  const paragraphs = [note, facts.description.trim() || undefined, online, `${labels.yourPlace}: ${link}`].filter((p): p is string =>
    Boolean(p),
  );
  const location = facts.location.trim() || (facts.onlineUrl ? `${labels.online}: ${facts.onlineUrl}` : '');
  return {
    uid: facts.uid,
    sequence: facts.sequence,
    startsAt: facts.startsAt,
    endsAt: facts.endsAt,
    summary: `${labels.summary}: ${facts.title}`,
    location,
    description: paragraphs.join('\n\n'),
    url: facts.onlineUrl ?? link,
  };
}
