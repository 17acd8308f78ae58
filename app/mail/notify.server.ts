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
import { users } from '~db/schema';
import { getMailConfig } from './mail-config.server';
import {
  contactRecipient,
  insertOutboxRows,
  newRow,
  statusPageUrl,
  supporterRecipient,
  visitMessageRow,
  visitSupporterRecipient,
  type Recipient,
} from './outbox.server';
import { handedOverReason, type VisitMessageKind } from './templates';
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
    contact: () => contactRecipient(record, config),
  };
  const rows = planVisitChange(change, record.supporterId).map((planned) => {
    const recipient = recipients[planned.to]();
    const reason = planned.reason === null ? handedOverReason(recipient.language) : planned.reason;
    return visitMessageRow({ record, recipient, kind: planned.kind, method: planned.method, reason }, config, now);
  });
  insertOutboxRows(tx, rows);
}

/** Confirmation to the contact, with the private status link (the only moment the token is known). */
export function enqueueRequestReceived(tx: Tx, requestId: number, statusToken: string, now: number): void {
  const config = getMailConfig();
  const record = requireRequestRecord(tx, requestId);
  const recipient = contactOfRequest(record);
  const input = {
    kind: 'request-received' as const,
    recipientName: recipient.name,
    request: requestMessageFacts(record),
    statusUrl: statusPageUrl(config, statusToken),
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
  };
  insertOutboxRows(tx, [{ ...newRow(recipient, input, now), idempotencyKey: `request-${requestId}-declined`, requestId }]);
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
