/**
 * The one place use cases announce changes. Each function runs INSIDE the caller's transaction and
 * only writes outbox rows (never sends): delivery happens after commit, in app/mail/deliver.server.ts.
 *
 * OWNER: the calendar/outbox work (issue 4) fills these in. Until then they write nothing.
 */
import type { Tx } from '~db/client';

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

export function enqueueVisitChange(_tx: Tx, _change: VisitChange, _now: number): void {
  // Filled in by the outbox work.
}

/** Confirmation to the contact, with the private status link (the only moment the token is known). */
export function enqueueRequestReceived(_tx: Tx, _requestId: number, _statusToken: string, _now: number): void {
  // Filled in by the outbox work.
}

/** The team declined the request: e-mail to the contact with the reason. */
export function enqueueRequestDeclined(_tx: Tx, _requestId: number, _reason: string, _now: number): void {
  // Filled in by the outbox work.
}
