/**
 * The e-mails, in Dutch and English: a subject, a plain-text and an HTML body for each kind of
 * message. Pure: everything is handed in; times are shown in Europe/Amsterdam.
 *
 * Each message is first composed as structured content (greeting, paragraphs, details, a link),
 * then written out twice: as text and as escaped HTML, so both parts always say the same.
 */
import { DateTime } from 'luxon';
import { visitSummary, type VisitEventFacts } from '~/calendar/visit-event';
import { CALENDAR_TIMEZONE } from '~/calendar/ics';
import type { Language } from '~db/schema';

export const MESSAGE_KINDS = [
  'visit-invitation',
  'visit-update',
  'visit-cancellation',
  'visit-reminder',
  'request-received',
  'request-declined',
  'question-received',
  'question-answered',
  'assignment-new',
  'assignment-ended',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type VisitMessageKind = Extract<MessageKind, `visit-${string}`>;
export type RequestMessageKind = Extract<MessageKind, `request-${string}`>;
export type QuestionMessageKind = Extract<MessageKind, `question-${string}`>;
export type AssignmentMessageKind = Extract<MessageKind, `assignment-${string}`>;

/** Who a visit message is for: the text and the link differ. */
export type Audience = 'supporter' | 'contact';

export interface VisitMessageFacts extends VisitEventFacts {
  supporterName: string;
}

export interface RequestMessageFacts {
  regionName: string;
  registrationNumber: string;
  supportTypeName: Record<Language, string>;
  question: string;
}

/** A region's question (move or cancel a visit, withdraw the request) as its messages show it. */
export interface QuestionMessageFacts {
  kind: 'move' | 'cancel' | 'withdraw';
  reason: string;
  /** The visit asked about (move, cancel). */
  visit: { startsAt: number; endsAt: number } | null;
  /** The times asked for (move). */
  proposed: { startsAt: number; endsAt: number } | null;
}

interface VisitMessageBase {
  audience: Audience;
  recipientName: string;
  visit: VisitMessageFacts;
  /** The supporter's page for the visit, or the app for a contact. */
  link: string;
}

export type MessageInput =
  | (VisitMessageBase & { kind: 'visit-invitation' | 'visit-update' | 'visit-reminder' })
  | (VisitMessageBase & { kind: 'visit-cancellation'; reason: string })
  | { kind: 'request-received'; recipientName: string; request: RequestMessageFacts; statusUrl: string }
  | { kind: 'request-declined'; recipientName: string; request: RequestMessageFacts; reason: string; statusUrl: string }
  | { kind: 'question-received'; recipientName: string; request: RequestMessageFacts; question: QuestionMessageFacts; statusUrl: string }
  | {
      kind: 'question-answered';
      recipientName: string;
      request: RequestMessageFacts;
      question: QuestionMessageFacts;
      granted: boolean;
      /** The team's answer (may be empty when granted). */
      answer: string;
      statusUrl: string;
    }
  /** To a supporter: assigned to a request, with the page where they accept or decline it. */
  | { kind: 'assignment-new'; recipientName: string; request: RequestMessageFacts; link: string }
  /** To a supporter: taken off a request (another supporter, or none). */
  | { kind: 'assignment-ended'; recipientName: string; request: RequestMessageFacts; reason: string; link: string };

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** What a message says, before it is written out as text or HTML. */
export interface MessageContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  details: Array<[label: string, value: string]>;
  link?: { label: string; url: string };
  closing: string[];
}

export function renderMessage(input: MessageInput, language: Language): RenderedMessage {
  return renderContent(composeMessage(input, language), language);
}

/** Writes composed content out as subject, text and HTML (other message families compose their own content). */
export function renderContent(content: MessageContent, language: Language): RenderedMessage {
  return { subject: oneLine(content.subject), text: toText(content), html: toHtml(content, language) };
}

/** "zondag 27 oktober 2019, 09:00–12:00" / "Sunday 27 October 2019, 09:00–12:00 (Amsterdam time)" */
export function formatVisitTime(startsAt: number, endsAt: number, language: Language): string {
  const start = amsterdam(startsAt, language);
  const end = amsterdam(endsAt, language);
  const range = start.hasSame(end, 'day')
    ? `${start.toFormat(DATE_FORMAT)}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`
    : `${start.toFormat(DATE_FORMAT)} ${start.toFormat('HH:mm')} – ${end.toFormat(DATE_FORMAT)} ${end.toFormat('HH:mm')}`;
  return language === 'en' ? `${range} (Amsterdam time)` : range;
}

/** Why the previous supporter's copy of a visit is cancelled when another supporter takes over. */
export function handedOverReason(language: Language): string {
  return COPY[language].handedOver;
}

const DATE_FORMAT = 'cccc d LLLL yyyy';

function amsterdam(ms: number, language: Language): DateTime {
  return DateTime.fromMillis(ms, { zone: CALENDAR_TIMEZONE, locale: language });
}

function shortDate(ms: number, language: Language): string {
  return amsterdam(ms, language).toFormat('d LLLL yyyy');
}

interface Copy {
  greeting: (name: string) => string;
  closing: string[];
  labels: {
    supportType: string;
    region: string;
    when: string;
    location: string;
    supporter: string;
    question: string;
    reason: string;
  };
  locationUnknown: string;
  visitLink: Record<Audience, string>;
  handedOver: string;
  visitSubject: Record<VisitMessageKind, (summary: string, date: string) => string>;
  requestSubject: Record<RequestMessageKind, (supportType: string) => string>;
  invitationIntro: Record<Audience, (v: VisitMessageFacts) => string[]>;
  intro: Record<Exclude<MessageKind, 'visit-invitation' | QuestionMessageKind>, string[]>;
  statusLink: string;
  questionSubject: Record<QuestionMessageFacts['kind'], string>;
  questionReceived: string[];
  questionGranted: Record<QuestionMessageFacts['kind'], string>;
  questionRefused: string;
  questionLabels: { asked: string; visit: string; proposed: string; answer: string; decision: string; granted: string; refused: string };
  questionSubjectPrefix: Record<'received' | 'granted' | 'refused', string>;
  assignmentSubject: Record<AssignmentMessageKind, (supportType: string, region: string) => string>;
  assignmentLink: Record<AssignmentMessageKind, string>;
}

const COPY: Record<Language, Copy> = {
  nl: {
    greeting: (name) => `Beste ${name},`,
    closing: ['Met vriendelijke groet,', 'Ondersteuningsteam Sterk Techniekonderwijs'],
    labels: {
      supportType: 'Soort ondersteuning',
      region: 'Regio',
      when: 'Wanneer',
      location: 'Locatie',
      supporter: 'Ondersteuner',
      question: 'Vraag',
      reason: 'Reden',
    },
    locationUnknown: 'nog niet bekend',
    visitLink: { supporter: 'Bekijk het bezoek', contact: 'Uw aanvraag volgen' },
    handedOver: 'Een andere ondersteuner neemt dit bezoek over.',
    visitSubject: {
      'visit-invitation': (s, d) => `Uitnodiging: ${s} op ${d}`,
      'visit-update': (s, d) => `Gewijzigd: ${s} op ${d}`,
      'visit-cancellation': (s, d) => `Geannuleerd: ${s} op ${d}`,
      'visit-reminder': (s, d) => `Herinnering: ${s} op ${d}`,
    },
    requestSubject: {
      'request-received': (t) => `Uw aanvraag is ontvangen: ${t}`,
      'request-declined': (t) => `Uw aanvraag kan niet doorgaan: ${t}`,
    },
    invitationIntro: {
      supporter: (v) => [
        `U bent ingepland als ondersteuner voor een bezoek aan ${v.regionName}. De agenda-uitnodiging zit in de bijlage.`,
      ],
      contact: (v) => [
        `Er is een bezoek gepland voor uw aanvraag: ${v.supporterName} komt bij u langs. De agenda-uitnodiging zit in de bijlage.`,
      ],
    },
    intro: {
      'visit-update': ['Het bezoek is gewijzigd. Hieronder staan de nieuwe gegevens; de bijlage werkt uw agenda bij.'],
      'visit-cancellation': ['Het bezoek gaat niet door. De bijlage haalt het uit uw agenda.'],
      'visit-reminder': ['Een herinnering: over twee werkdagen staat dit bezoek gepland.'],
      'request-received': [
        'Bedankt voor uw aanvraag. Het ondersteuningsteam bekijkt die en neemt contact met u op.',
        'Via de persoonlijke link hieronder volgt u uw aanvraag, de bezoeken en hun data. Deel deze link niet: wie de link heeft, kan uw aanvraag zien.',
      ],
      'request-declined': [
        'Het ondersteuningsteam heeft uw aanvraag bekeken en kan die helaas niet honoreren.',
        'Hebt u vragen? Beantwoord dan deze e-mail.',
      ],
      'assignment-new': [
        'U bent gevraagd als ondersteuner voor deze aanvraag. Wilt u laten weten of u die op u neemt? Dat kan via de link hieronder.',
      ],
      'assignment-ended': ['U bent niet langer de ondersteuner van deze aanvraag. U hoeft er niets meer voor te doen.'],
    },
    statusLink: 'Uw aanvraag volgen',
    questionSubject: { move: 'verzetten van een bezoek', cancel: 'annuleren van een bezoek', withdraw: 'intrekken van de aanvraag' },
    questionReceived: [
      'Wij hebben uw vraag ontvangen. Het ondersteuningsteam bekijkt die en laat u het antwoord per e-mail weten.',
      'Tot dan verandert er niets: een gepland bezoek blijft staan.',
    ],
    questionGranted: {
      move: 'Het ondersteuningsteam heeft uw vraag toegekend: het bezoek is verzet. U krijgt de bijgewerkte agenda-uitnodiging in een aparte e-mail.',
      cancel: 'Het ondersteuningsteam heeft uw vraag toegekend: het bezoek is geannuleerd. U krijgt de annulering voor uw agenda in een aparte e-mail.',
      withdraw: 'Het ondersteuningsteam heeft uw vraag toegekend: de aanvraag is ingetrokken.',
    },
    questionRefused: 'Het ondersteuningsteam kan uw vraag helaas niet toekennen. Hieronder staat het antwoord van het team; er verandert niets.',
    questionLabels: {
      asked: 'Uw vraag',
      visit: 'Bezoek',
      proposed: 'Voorgestelde tijd',
      answer: 'Antwoord van het team',
      decision: 'Besluit',
      granted: 'toegekend',
      refused: 'niet toegekend',
    },
    questionSubjectPrefix: { received: 'Vraag ontvangen', granted: 'Vraag toegekend', refused: 'Vraag niet toegekend' },
    assignmentSubject: {
      'assignment-new': (t, r) => `Nieuwe aanvraag voor u: ${t} – ${r}`,
      'assignment-ended': (t, r) => `Niet langer uw aanvraag: ${t} – ${r}`,
    },
    assignmentLink: { 'assignment-new': 'Aanvraag bekijken en beantwoorden', 'assignment-ended': 'Naar uw aanvragen' },
  },
  en: {
    greeting: (name) => `Dear ${name},`,
    closing: ['Kind regards,', 'The Sterk Techniekonderwijs support team'],
    labels: {
      supportType: 'Kind of support',
      region: 'Region',
      when: 'When',
      location: 'Location',
      supporter: 'Supporter',
      question: 'Question',
      reason: 'Reason',
    },
    locationUnknown: 'not known yet',
    visitLink: { supporter: 'View the visit', contact: 'Follow your request' },
    handedOver: 'Another supporter takes over this visit.',
    visitSubject: {
      'visit-invitation': (s, d) => `Invitation: ${s} on ${d}`,
      'visit-update': (s, d) => `Updated: ${s} on ${d}`,
      'visit-cancellation': (s, d) => `Cancelled: ${s} on ${d}`,
      'visit-reminder': (s, d) => `Reminder: ${s} on ${d}`,
    },
    requestSubject: {
      'request-received': (t) => `We received your request: ${t}`,
      'request-declined': (t) => `Your request cannot go ahead: ${t}`,
    },
    invitationIntro: {
      supporter: (v) => [
        `You have been scheduled as the supporter for a visit to ${v.regionName}. The calendar invitation is attached.`,
      ],
      contact: (v) => [
        `A visit has been scheduled for your request: ${v.supporterName} will come and see you. The calendar invitation is attached.`,
      ],
    },
    intro: {
      'visit-update': ['The visit has changed. The new details are below; the attachment updates your calendar.'],
      'visit-cancellation': ['The visit will not take place. The attachment removes it from your calendar.'],
      'visit-reminder': ['A reminder: this visit is two working days from now.'],
      'request-received': [
        'Thank you for your request. The support team will look at it and get in touch with you.',
        'Follow your request, its visits and their dates through the personal link below. Do not share it: anyone with the link can see your request.',
      ],
      'request-declined': [
        'The support team has looked at your request and is unfortunately unable to grant it.',
        'Any questions? Simply reply to this e-mail.',
      ],
      'assignment-new': [
        'You have been asked to be the supporter for this request. Please let us know whether you take it on, through the link below.',
      ],
      'assignment-ended': ['You are no longer the supporter for this request. There is nothing more you need to do for it.'],
    },
    statusLink: 'Follow your request',
    questionSubject: { move: 'moving a visit', cancel: 'cancelling a visit', withdraw: 'withdrawing the request' },
    questionReceived: [
      'We have received your question. The support team will look at it and let you know the answer by e-mail.',
      'Until then nothing changes: a planned visit stays as it is.',
    ],
    questionGranted: {
      move: 'The support team has granted your question: the visit has been moved. The updated calendar invitation follows in a separate e-mail.',
      cancel: 'The support team has granted your question: the visit has been cancelled. The cancellation for your calendar follows in a separate e-mail.',
      withdraw: 'The support team has granted your question: the request has been withdrawn.',
    },
    questionRefused: 'The support team is unfortunately unable to grant your question. Their answer is below; nothing changes.',
    questionLabels: {
      asked: 'Your question',
      visit: 'Visit',
      proposed: 'Proposed time',
      answer: "The team's answer",
      decision: 'Decision',
      granted: 'granted',
      refused: 'not granted',
    },
    questionSubjectPrefix: { received: 'Question received', granted: 'Question granted', refused: 'Question not granted' },
    assignmentSubject: {
      'assignment-new': (t, r) => `A new request for you: ${t} – ${r}`,
      'assignment-ended': (t, r) => `No longer your request: ${t} – ${r}`,
    },
    assignmentLink: { 'assignment-new': 'View and answer the request', 'assignment-ended': 'Go to your requests' },
  },
};

function composeMessage(input: MessageInput, language: Language): MessageContent {
  const copy = COPY[language];
  const frame = { greeting: copy.greeting(oneLine(input.recipientName)), closing: copy.closing };
  switch (input.kind) {
    case 'request-received':
    case 'request-declined': {
      const typeName = input.request.supportTypeName[language];
      const details = requestDetails(input.request, copy, language);
      if (input.kind === 'request-declined') details.unshift([copy.labels.reason, input.reason]);
      return {
        ...frame,
        subject: oneLine(copy.requestSubject[input.kind](typeName)),
        paragraphs: copy.intro[input.kind],
        details,
        link: { label: copy.statusLink, url: input.statusUrl },
      };
    }
    case 'question-received':
    case 'question-answered': {
      const q = input.question;
      const labels = copy.questionLabels;
      const outcome = input.kind === 'question-received' ? 'received' : input.granted ? 'granted' : 'refused';
      const details: MessageContent['details'] = [[labels.asked, `${capitalize(copy.questionSubject[q.kind])}: ${q.reason}`]];
      if (q.visit) details.push([labels.visit, formatVisitTime(q.visit.startsAt, q.visit.endsAt, language)]);
      if (q.proposed) details.push([labels.proposed, formatVisitTime(q.proposed.startsAt, q.proposed.endsAt, language)]);
      if (input.kind === 'question-answered') {
        details.unshift([labels.decision, input.granted ? labels.granted : labels.refused]);
        if (input.answer.trim()) details.splice(1, 0, [labels.answer, input.answer]);
      }
      details.push(...requestDetails(input.request, copy, language));
      const paragraphs =
        input.kind === 'question-received' ? copy.questionReceived : input.granted ? [copy.questionGranted[q.kind]] : [copy.questionRefused];
      return {
        ...frame,
        subject: oneLine(`${copy.questionSubjectPrefix[outcome]}: ${copy.questionSubject[q.kind]} (${input.request.regionName})`),
        paragraphs,
        details,
        link: { label: copy.statusLink, url: input.statusUrl },
      };
    }
    case 'assignment-new':
    case 'assignment-ended': {
      const details = requestDetails(input.request, copy, language);
      if (input.kind === 'assignment-ended' && input.reason.trim()) details.unshift([copy.labels.reason, input.reason]);
      return {
        ...frame,
        subject: oneLine(copy.assignmentSubject[input.kind](input.request.supportTypeName[language], input.request.regionName)),
        paragraphs: copy.intro[input.kind],
        details,
        link: { label: copy.assignmentLink[input.kind], url: input.link },
      };
    }
    default: {
      const visit = input.visit;
      const details: MessageContent['details'] = [
        [copy.labels.supportType, visit.supportTypeName[language]],
        [copy.labels.region, `${visit.regionName} (${visit.registrationNumber})`],
        [copy.labels.when, formatVisitTime(visit.startsAt, visit.endsAt, language)],
        [copy.labels.location, visit.location.trim() || copy.locationUnknown],
        [copy.labels.supporter, visit.supporterName],
        [copy.labels.question, visit.question],
      ];
      if (input.kind === 'visit-cancellation') details.unshift([copy.labels.reason, input.reason]);
      const paragraphs =
        input.kind === 'visit-invitation' ? copy.invitationIntro[input.audience](visit) : copy.intro[input.kind];
      return {
        ...frame,
        subject: oneLine(copy.visitSubject[input.kind](visitSummary(visit, language), shortDate(visit.startsAt, language))),
        paragraphs,
        details,
        link: { label: copy.visitLink[input.audience], url: input.link },
      };
    }
  }
}

function requestDetails(request: RequestMessageFacts, copy: Copy, language: Language): MessageContent['details'] {
  return [
    [copy.labels.supportType, request.supportTypeName[language]],
    [copy.labels.region, `${request.regionName} (${request.registrationNumber})`],
    [copy.labels.question, request.question],
  ];
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function toText(content: MessageContent): string {
  const details = content.details
    .filter(([, value]) => value.trim())
    .map(([label, value]) => `${label}: ${indentContinuation(value.trim())}`)
    .join('\n');
  const blocks = [
    content.greeting,
    ...content.paragraphs,
    details,
    content.link ? `${content.link.label}: ${content.link.url}` : '',
    content.closing.join('\n'),
  ];
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}

function toHtml(content: MessageContent, language: Language): string {
  const rows = content.details
    .filter(([, value]) => value.trim())
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${escapeHtml(label)}</th>` +
        `<td style="padding:4px 0">${multiline(value.trim())}</td></tr>`,
    )
    .join('\n');
  const link = content.link
    ? `<p><a href="${escapeHtml(content.link.url)}">${escapeHtml(content.link.label)}</a></p>`
    : '';
  const parts = [
    '<!doctype html>',
    `<html lang="${language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    `<p>${escapeHtml(content.greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    rows ? `<table role="presentation" style="border-collapse:collapse">\n${rows}\n</table>` : '',
    link,
    `<p>${content.closing.map(escapeHtml).join('<br>')}</p>`,
    '</body>',
    '</html>',
  ];
  return `${parts.filter(Boolean).join('\n')}\n`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function multiline(value: string): string {
  return value.split(/\r\n?|\n/).map(escapeHtml).join('<br>');
}

function indentContinuation(value: string): string {
  return value.replace(/\r\n?|\n/g, '\n  ');
}

/** Subjects and greetings are single lines (a subject is a mail header). */
function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
}
