/**
 * A visit as a calendar event, in one language: the same SUMMARY, LOCATION and DESCRIPTION in the
 * invitations and the feeds. Pure.
 */
import type { Language } from '~db/schema';
import type { CalendarEvent } from './ics';

/** The facts of a visit that its calendar event shows. */
export interface VisitEventFacts {
  uid: string;
  sequence: number;
  startsAt: number;
  endsAt: number;
  location: string;
  question: string;
  regionName: string;
  registrationNumber: string;
  supportTypeName: Record<Language, string>;
}

const LABELS: Record<Language, { question: string; moreInfo: string }> = {
  nl: { question: 'Vraag van de regio', moreInfo: 'Meer informatie' },
  en: { question: 'Question from the region', moreInfo: 'More information' },
};

/** "Critical friend – TechniekPact Kop van Noord-Holland" */
export function visitSummary(facts: Pick<VisitEventFacts, 'supportTypeName' | 'regionName'>, language: Language): string {
  return `${facts.supportTypeName[language]} – ${facts.regionName}`;
}

/**
 * @param link where the reader finds the visit: the supporter's page, or the app for a contact
 * @param note an optional first paragraph, e.g. why the visit was cancelled
 */
export function visitCalendarEvent(facts: VisitEventFacts, language: Language, link: string, note?: string): CalendarEvent {
  const labels = LABELS[language];
  const paragraphs = [
    note,
    facts.question.trim() ? `${labels.question}:\n${facts.question.trim()}` : undefined,
    `${labels.moreInfo}: ${link}`,
  ].filter((p): p is string => Boolean(p));
  return {
    uid: facts.uid,
    sequence: facts.sequence,
    startsAt: facts.startsAt,
    endsAt: facts.endsAt,
    summary: `${visitSummary(facts, language)} (${facts.registrationNumber})`,
    location: facts.location,
    description: paragraphs.join('\n\n'),
    url: link,
  };
}
