/**
 * The one place use cases announce changes. Each function runs INSIDE the caller's transaction and
 * only writes outbox rows (never sends): delivery happens after commit, in app/mail/deliver.server.ts.
 *
 * Every row has a deterministic idempotency key and is inserted with ON CONFLICT DO NOTHING, so a
 * replayed change never writes a message twice. Visit messages carry the visit's stored UID and
 * its current SEQUENCE (the use case raises it before calling in).
 */
import { eq } from 'drizzle-orm';
import type { InviteMethod } from '~/calendar/ics';
import type { Queryable, Tx } from '~db/client';
import { regionQuestions, users, visits } from '~db/schema';
import { getMailConfig, type MailConfig } from './mail-config.server';
import {
  contactRecipient,
  insertOutboxRows,
  newRow,
  supporterRecipient,
  visitMessageRow,
  visitSupporterRecipient,
  type Recipient,
} from './outbox.server';
import { statusLinkFor } from './status-links.server';
import { handedOverReason, type QuestionMessageFacts, type VisitMessageKind } from './templates';
import { requestMessageFacts, requireRequestRecord, requireVisitRecord } from './visit-facts.server';

export type VisitChange =
  /** A new visit: invitations to the supporter and the region contact. */
  | { kind: 'scheduled'; visitId: number }
  /**
   * Times, place or supporter changed. When the supporter changed, previousSupporterId is the old
   * one: they get a cancellation, the new one an invitation, the contact an update.
   */
  | { kind: 'moved'; visitId: number; previousSupporterId: number | null }
  /** Cancelled with a reason: cancellations to both. */
  | { kind: 'cancelled'; visitId: number; reason: string };

/** Who gets what for a change; `reason` null means "another supporter takes over". */
export interface PlannedVisitMessage {
  to: 'supporter' | 'previous-supporter' | 'contact';
  kind: VisitMessageKind;
  method: InviteMethod;
  reason?: string | null;
}

/** Pure: the messages a change calls for. */
export function planVisitChange(change: VisitChange, currentSupporterId: number): PlannedVisitMessage[] {
  switch (change.kind) {
    case 'scheduled':
      return [
        { to: 'supporter', kind: 'visit-invitation', method: 'REQUEST' },
        { to: 'contact', kind: 'visit-invitation', method: 'REQUEST' },
      ];
    case 'moved':
      if (change.previousSupporterId !== null && change.previousSupporterId !== currentSupporterId) {
        return [
          { to: 'previous-supporter', kind: 'visit-cancellation', method: 'CANCEL', reason: null },
          { to: 'supporter', kind: 'visit-invitation', method: 'REQUEST' },
          { to: 'contact', kind: 'visit-update', method: 'REQUEST' },
        ];
      }
      return [
        { to: 'supporter', kind: 'visit-update', method: 'REQUEST' },
        { to: 'contact', kind: 'visit-update', method: 'REQUEST' },
      ];
    case 'cancelled':
      return [
        { to: 'supporter', kind: 'visit-cancellation', method: 'CANCEL', reason: change.reason },
        { to: 'contact', kind: 'visit-cancellation', method: 'CANCEL', reason: change.reason },
      ];
  }
}

export function enqueueVisitChange(tx: Tx, change: VisitChange, now: number): void {
  const config = getMailConfig();
  const record = requireVisitRecord(tx, change.visitId);
  const previousSupporterId = change.kind === 'moved' ? change.previousSupporterId : null;
  const recipients: Record<PlannedVisitMessage['to'], () => Recipient> = {
    supporter: () => visitSupporterRecipient(record, config),
    'previous-supporter': () => supporterRecipient(requireUser(tx, previousSupporterId), record.visitId, config),
    contact: () => contactRecipient(tx, record),
  };
  const rows = planVisitChange(change, record.supporterId).map((planned) => {
    const recipient = recipients[planned.to]();
    const reason = planned.reason === null ? handedOverReason(recipient.language) : planned.reason;
    return visitMessageRow({ record, recipient, kind: planned.kind, method: planned.method, reason }, config, now);
  });
  insertOutboxRows(tx, rows);
}

/** Confirmation to the contact, with the private status link (a placeholder filled in at send time). */
export function enqueueRequestReceived(tx: Tx, requestId: number, now: number): void {
  const record = requireRequestRecord(tx, requestId);
  const recipient = contactOfRequest(record);
  const input = {
    kind: 'request-received' as const,
    recipientName: recipient.name,
    request: requestMessageFacts(record),
    statusUrl: statusLinkFor(tx, requestId),
  };
  insertOutboxRows(tx, [{ ...newRow(recipient, input, now), idempotencyKey: `request-${requestId}-received`, requestId }]);
}

/** The team declined the request: e-mail to the contact with the reason. */
export function enqueueRequestDeclined(tx: Tx, requestId: number, reason: string, now: number): void {
  const record = requireRequestRecord(tx, requestId);
  const recipient = contactOfRequest(record);
  const input = {
    kind: 'request-declined' as const,
    recipientName: recipient.name,
    request: requestMessageFacts(record),
    reason,
    statusUrl: statusLinkFor(tx, requestId),
  };
  insertOutboxRows(tx, [{ ...newRow(recipient, input, now), idempotencyKey: `request-${requestId}-declined`, requestId }]);
}

function questionFacts(tx: Tx, questionId: number) {
  const question = tx.select().from(regionQuestions).where(eq(regionQuestions.id, questionId)).get();
  if (!question) throw new Error(`Region question ${questionId} not found`);
  const visit =
    question.visitId === null
      ? undefined
      : tx.select({ startsAt: visits.startsAt, endsAt: visits.endsAt }).from(visits).where(eq(visits.id, question.visitId)).get();
  const facts: QuestionMessageFacts = {
    kind: question.kind,
    reason: question.reason,
    visit: visit ?? null,
    proposed:
      question.proposedStartsAt !== null && question.proposedEndsAt !== null
        ? { startsAt: question.proposedStartsAt, endsAt: question.proposedEndsAt }
        : null,
  };
  return { question, facts };
}

/** The region asked the team something (move, cancel, withdraw): an acknowledgement to the contact. */
export function enqueueQuestionReceived(tx: Tx, questionId: number, now: number): void {
  const { question, facts } = questionFacts(tx, questionId);
  const record = requireRequestRecord(tx, question.requestId);
  const recipient = contactOfRequest(record);
  const input = {
    kind: 'question-received' as const,
    recipientName: recipient.name,
    request: requestMessageFacts(record),
    question: facts,
    statusUrl: statusLinkFor(tx, record.requestId),
  };
  insertOutboxRows(tx, [{ ...newRow(recipient, input, now), idempotencyKey: `question-${questionId}-received`, requestId: record.requestId }]);
}

/**
 * The team granted or refused the region's question: the decision and the team's answer to the
 * contact. Call it after the change (a granted move shows the visit's old times, kept in the question).
 */
export function enqueueQuestionAnswered(
  tx: Tx,
  questionId: number,
  answer: { granted: boolean; text: string; visitBefore: { startsAt: number; endsAt: number } | null },
  now: number,
): void {
  const { question, facts } = questionFacts(tx, questionId);
  const record = requireRequestRecord(tx, question.requestId);
  const recipient = contactOfRequest(record);
  const input = {
    kind: 'question-answered' as const,
    recipientName: recipient.name,
    request: requestMessageFacts(record),
    question: { ...facts, visit: answer.visitBefore ?? facts.visit },
    granted: answer.granted,
    answer: answer.text,
    statusUrl: statusLinkFor(tx, record.requestId),
  };
  insertOutboxRows(tx, [{ ...newRow(recipient, input, now), idempotencyKey: `question-${questionId}-answered`, requestId: record.requestId }]);
}

export function supporterRequestUrl(config: MailConfig, requestId: number): string {
  return `${config.appUrl}/ondersteuner/aanvragen/${requestId}`;
}

/**
 * A supporter was assigned to a request, or taken off it. `eventId` is the request_events row of
 * the change: an assignment can be made, undone and made again, each with its own message.
 */
export function enqueueAssignmentChange(
  tx: Tx,
  change: { kind: 'assigned' | 'unassigned'; requestId: number; supporterId: number; eventId: number; reason?: string | null },
  now: number,
): void {
  const config = getMailConfig();
  const record = requireRequestRecord(tx, change.requestId);
  const supporter = requireUser(tx, change.supporterId);
  const request = requestMessageFacts(record);
  const input =
    change.kind === 'assigned'
      ? { kind: 'assignment-new' as const, recipientName: supporter.name, request, link: supporterRequestUrl(config, change.requestId) }
      : {
          kind: 'assignment-ended' as const,
          recipientName: supporter.name,
          request,
          reason: change.reason?.trim() ?? '',
          link: `${config.appUrl}/ondersteuner/aanvragen`,
        };
  insertOutboxRows(tx, [
    {
      ...newRow(supporter, input, now),
      idempotencyKey: `request-${change.requestId}-event-${change.eventId}-${change.kind}-supporter-${supporter.id}`,
      requestId: change.requestId,
    },
  ]);
}

function contactOfRequest(record: ReturnType<typeof requireRequestRecord>) {
  return { name: record.contactName, email: record.contactEmail, language: record.contactLanguage };
}

function requireUser(q: Queryable, userId: number | null) {
  const user =
    userId === null
      ? undefined
      : q
          .select({ id: users.id, name: users.name, email: users.email, language: users.language })
          .from(users)
          .where(eq(users.id, userId))
          .get();
  if (!user) throw new Error(`User ${userId} not found`);
  return user;
}
