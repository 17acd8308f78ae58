/**
 * The e-mails about theme meetings, in Dutch and English, composed as structured content and
 * written out by the same renderer as the visit messages (templates.ts renderContent). Pure.
 */
import type { Language } from '~db/schema';
import { formatVisitTime, renderContent, type MessageContent, type RenderedMessage } from './templates';

export const MEETING_MESSAGE_KINDS = [
  'meeting-confirmed',
  'meeting-waiting',
  'meeting-promoted',
  'meeting-update',
  'meeting-signup-cancelled',
  'meeting-cancelled',
  'meeting-reminder',
] as const;
export type MeetingMessageKind = (typeof MEETING_MESSAGE_KINDS)[number];

export interface MeetingMessageFacts {
  title: string;
  startsAt: number;
  endsAt: number;
  location: string;
  /** Only for confirmed attendees; null otherwise or for a meeting on site. */
  onlineUrl: string | null;
  regionName: string;
}

export interface MeetingMessageInput {
  kind: MeetingMessageKind;
  recipientName: string;
  meeting: MeetingMessageFacts;
  /** The personal link (only when it is known: at sign-up) or the meeting's public page. */
  link: string;
  personalLink: boolean;
  /** Waiting list position (meeting-waiting). */
  position?: number;
  /** Whether the recipient had a place (cancellations: confirmed ones get a CANCEL, waiting ones a note). */
  hadPlace?: boolean;
  reason?: string;
}

const COPY = {
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    closing: ['Met vriendelijke groet,', 'Ondersteuningsteam Sterk Techniekonderwijs'],
    labels: { meeting: 'Bijeenkomst', when: 'Wanneer', where: 'Waar', online: 'Online', region: 'Regio', position: 'Plaats op de wachtlijst', reason: 'Reden' },
    onlineLater: 'online (de link krijgt u zodra u een plaats hebt)',
    personalLink: 'Uw aanmelding bekijken of annuleren',
    publicLink: 'Naar de bijeenkomst',
    subject: {
      'meeting-confirmed': (t: string) => `Aangemeld: ${t}`,
      'meeting-waiting': (t: string) => `Op de wachtlijst: ${t}`,
      'meeting-promoted': (t: string) => `Er is een plaats voor u: ${t}`,
      'meeting-update': (t: string) => `Gewijzigd: ${t}`,
      'meeting-signup-cancelled': (t: string) => `Afgemeld: ${t}`,
      'meeting-cancelled': (t: string) => `Gaat niet door: ${t}`,
      'meeting-reminder': (t: string) => `Herinnering: ${t}`,
    },
    intro: {
      'meeting-confirmed': ['U bent aangemeld en hebt een plaats. De agenda-uitnodiging zit in de bijlage.'],
      'meeting-waiting': [
        'De bijeenkomst is vol (of de plaatsen voor uw regio zijn bezet). U staat op de wachtlijst; komt er een plaats vrij, dan krijgt u die op volgorde van aanmelding en sturen we u de agenda-uitnodiging.',
      ],
      'meeting-promoted': ['Er is een plaats vrijgekomen en die is nu van u. De agenda-uitnodiging zit in de bijlage.'],
      'meeting-update': ['De bijeenkomst is gewijzigd. Hieronder staan de nieuwe gegevens; de bijlage werkt uw agenda bij.'],
      'meeting-signup-cancelled': ['U hebt zich afgemeld. Bedankt dat u het liet weten: uw plaats gaat naar de volgende op de wachtlijst.'],
      'meeting-cancelled': ['Het ondersteuningsteam heeft de bijeenkomst geannuleerd.'],
      'meeting-reminder': ['Een herinnering: over twee werkdagen is deze bijeenkomst.'],
    },
    removesFromCalendar: 'De bijlage haalt de bijeenkomst uit uw agenda.',
    personalHint: 'Deel de persoonlijke link niet: wie de link heeft, kan uw aanmelding zien en annuleren.',
    firstMailHint: 'Afmelden kan via de persoonlijke link uit uw eerste e-mail.',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    closing: ['Kind regards,', 'The Sterk Techniekonderwijs support team'],
    labels: { meeting: 'Meeting', when: 'When', where: 'Where', online: 'Online', region: 'Region', position: 'Place on the waiting list', reason: 'Reason' },
    onlineLater: 'online (you get the link once you have a place)',
    personalLink: 'View or cancel your sign-up',
    publicLink: 'Go to the meeting',
    subject: {
      'meeting-confirmed': (t: string) => `Signed up: ${t}`,
      'meeting-waiting': (t: string) => `On the waiting list: ${t}`,
      'meeting-promoted': (t: string) => `A place for you: ${t}`,
      'meeting-update': (t: string) => `Updated: ${t}`,
      'meeting-signup-cancelled': (t: string) => `Cancelled: ${t}`,
      'meeting-cancelled': (t: string) => `Will not take place: ${t}`,
      'meeting-reminder': (t: string) => `Reminder: ${t}`,
    },
    intro: {
      'meeting-confirmed': ['You are signed up and have a place. The calendar invitation is attached.'],
      'meeting-waiting': [
        'The meeting is full (or the places for your region are taken). You are on the waiting list; when a place comes free it goes to the next in line, and we send you the calendar invitation.',
      ],
      'meeting-promoted': ['A place has come free and it is now yours. The calendar invitation is attached.'],
      'meeting-update': ['The meeting has changed. The new details are below; the attachment updates your calendar.'],
      'meeting-signup-cancelled': ['You have cancelled your sign-up. Thank you for letting us know: your place goes to the next on the waiting list.'],
      'meeting-cancelled': ['The support team has cancelled the meeting.'],
      'meeting-reminder': ['A reminder: this meeting is two working days from now.'],
    },
    removesFromCalendar: 'The attachment removes the meeting from your calendar.',
    personalHint: 'Do not share the personal link: anyone with it can see and cancel your sign-up.',
    firstMailHint: 'You can cancel through the personal link in your first e-mail.',
  },
} as const;

export function composeMeetingMessage(input: MeetingMessageInput, language: Language): MessageContent {
  const copy = COPY[language];
  const m = input.meeting;
  const where = [m.location.trim(), m.onlineUrl ? `${copy.labels.online}: ${m.onlineUrl}` : ''].filter(Boolean).join('\n') || copy.onlineLater;
  const details: MessageContent['details'] = [
    [copy.labels.meeting, m.title],
    [copy.labels.when, formatVisitTime(m.startsAt, m.endsAt, language)],
    [copy.labels.where, where],
    [copy.labels.region, m.regionName],
  ];
  if (input.kind === 'meeting-waiting' && input.position !== undefined) details.push([copy.labels.position, String(input.position)]);
  if (input.reason?.trim()) details.unshift([copy.labels.reason, input.reason.trim()]);
  const paragraphs: string[] = [...copy.intro[input.kind]];
  if ((input.kind === 'meeting-signup-cancelled' || input.kind === 'meeting-cancelled') && input.hadPlace) paragraphs.push(copy.removesFromCalendar);
  if (input.personalLink) paragraphs.push(copy.personalHint);
  else if (['meeting-promoted', 'meeting-update', 'meeting-reminder'].includes(input.kind)) paragraphs.push(copy.firstMailHint);
  return {
    subject: copy.subject[input.kind](m.title),
    greeting: copy.greeting(input.recipientName.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim()),
    paragraphs,
    details,
    link: { label: input.personalLink ? copy.personalLink : copy.publicLink, url: input.link },
    closing: [...copy.closing],
  };
}

export function renderMeetingMessage(input: MeetingMessageInput, language: Language): RenderedMessage {
  return renderContent(composeMeetingMessage(input, language), language);
}
