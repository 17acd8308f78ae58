/**
 * Turning a message into an outbox row: recipient, language, rendered texts, the .ics for visit
 * messages, and a deterministic idempotency key, so that replaying a change never adds a row and
 * retrying a delivery never sends twice.
 */
import { buildInvite, type InviteMethod } from '~/calendar/ics';
import { visitCalendarEvent } from '~/calendar/visit-event';
import type { Queryable, Tx } from '~db/client';
import { outbox, type Language } from '~db/schema';
import type { MailConfig } from './mail-config.server';
import { statusLinkFor } from './status-links.server';
import { renderMessage, type Audience, type MessageInput, type VisitMessageKind } from './templates';
import { visitMessageFacts, type VisitRecord } from './visit-facts.server';

export type NewOutboxRow = typeof outbox.$inferInsert;
export type OutboxRow = typeof outbox.$inferSelect;

export interface Recipient {
  /** Part of the idempotency key: "supporter-7" or "contact". */
  key: string;
  audience: Audience;
  name: string;
  email: string;
  language: Language;
  /** Where the recipient reads about the visit. */
  link: string;
}

export interface SupporterUser {
  id: number;
  name: string;
  email: string;
  language: Language;
}

export function supporterRecipient(user: SupporterUser, visitId: number, config: MailConfig): Recipient {
  return {
    key: `supporter-${user.id}`,
    audience: 'supporter',
    name: user.name,
    email: user.email,
    language: user.language,
    link: supporterVisitUrl(config, visitId),
  };
}

/** The visit's current supporter. */
export function visitSupporterRecipient(record: VisitRecord, config: MailConfig): Recipient {
  const user = { id: record.supporterId, name: record.supporterName, email: record.supporterEmail, language: record.supporterLanguage };
  return supporterRecipient(user, record.visitId, config);
}

/**
 * The region contact of the visit's request. Their link is their private status page: a
 * placeholder filled in at send time (only its hash is stored; ADR 0013).
 */
export function contactRecipient(tx: Tx, record: VisitRecord): Recipient {
  return {
    key: 'contact',
    audience: 'contact',
    name: record.contactName,
    email: record.contactEmail,
    language: record.contactLanguage,
    link: statusLinkFor(tx, record.requestId),
  };
}

export function supporterVisitUrl(config: MailConfig, visitId: number): string {
  return `${config.appUrl}/ondersteuner/bezoeken/${visitId}`;
}

/** "visit-12-seq-3-update-contact", "visit-12-seq-3-reminder-supporter-7": one per message, stable on replay. */
export function visitMessageKey(visitId: number, sequence: number, kind: VisitMessageKind, recipient: Recipient): string {
  return `visit-${visitId}-seq-${sequence}-${kind.replace(/^visit-/, '')}-${recipient.key}`;
}

export interface VisitMessage {
  record: VisitRecord;
  recipient: Recipient;
  kind: VisitMessageKind;
  /** The .ics attachment's method; null: no attachment. */
  method: InviteMethod | null;
  /** Why the visit was cancelled (shown in the e-mail and the .ics description). */
  reason?: string;
}

export function visitMessageRow(message: VisitMessage, config: MailConfig, now: number): NewOutboxRow {
  const { record, recipient, kind, method } = message;
  const visit = visitMessageFacts(record);
  const base = { audience: recipient.audience, recipientName: recipient.name, visit, link: recipient.link };
  const input: MessageInput =
    kind === 'visit-cancellation' ? { ...base, kind, reason: message.reason ?? '' } : { ...base, kind };
  const ics =
    method &&
    buildInvite({
      ...visitCalendarEvent(visit, recipient.language, recipient.link, message.reason),
      method,
      organizer: config.organizer,
      attendee: { name: recipient.name, email: recipient.email },
      dtstamp: now,
    });
  return {
    ...newRow(recipient, input, now),
    idempotencyKey: visitMessageKey(record.visitId, record.sequence, kind, recipient),
    ics: ics || null,
    icsMethod: method,
    visitId: record.visitId,
    requestId: record.requestId,
  };
}

/** The parts every row shares: recipient, language, rendered texts, due now. */
export function newRow(
  recipient: Pick<Recipient, 'name' | 'email' | 'language'>,
  input: MessageInput,
  now: number,
): Omit<NewOutboxRow, 'idempotencyKey'> {
  const rendered = renderMessage(input, recipient.language);
  return {
    kind: input.kind,
    toEmail: recipient.email,
    toName: recipient.name,
    language: recipient.language,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/** Inserts the rows; one whose idempotency key is already there is skipped. Returns how many were new. */
export function insertOutboxRows(q: Queryable, rows: NewOutboxRow[]): number {
  if (rows.length === 0) return 0;
  const inserted = q
    .insert(outbox)
    .values(rows)
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id })
    .all();
  return inserted.length;
}
