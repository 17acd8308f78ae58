/**
 * Assigning supporters to requests, and the supporter's answer. Each use case is one BEGIN IMMEDIATE
 * transaction that writes the request, its history (request_events) and the audit row together.
 */
import { eq } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '~db/client';
import { requestEvents, supportRequests } from '~db/schema';
import { decideAssignment, decideAssignmentResponse } from '~/domain/rules';
import { enqueueAssignmentChange } from '~/mail/notify.server';
import { actorKind, NotFoundError, requireRegion, requireUser, writeAudit, type Actor, type Refused } from './common.server';

export type SupportRequest = typeof supportRequests.$inferSelect;
export type AssignmentResult = { ok: true; request: SupportRequest; changed: boolean } | Refused;

const immediate = { behavior: 'immediate' } as const;

function requireRequest(tx: Queryable, requestId: number): SupportRequest {
  const row = tx.select().from(supportRequests).where(eq(supportRequests.id, requestId)).get();
  if (!row) throw new NotFoundError('support request', requestId);
  return row;
}

type EventKind = 'assigned' | 'unassigned' | 'assignment_accepted' | 'assignment_declined';

function addEvent(
  tx: Tx,
  actor: Actor,
  requestId: number,
  event: { kind: EventKind; message: string; visibleToRegion: boolean },
): number {
  return tx
    .insert(requestEvents)
    .values({
      requestId,
      at: actor.now,
      actorUserId: actor.actorUserId,
      actorKind: actorKind(actor.actorUserId),
      ...event,
    })
    .returning({ id: requestEvents.id })
    .get().id;
}

function setAssignment(
  tx: Tx,
  request: SupportRequest,
  values: Pick<SupportRequest, 'supporterId' | 'assignmentStatus'>,
  now: number,
): SupportRequest {
  return tx
    .update(supportRequests)
    .set({ ...values, updatedAt: now })
    .where(eq(supportRequests.id, request.id))
    .returning()
    .get()!;
}

const assignmentOf = (r: SupportRequest) => ({ supporterId: r.supporterId, assignmentStatus: r.assignmentStatus });

export type AssignSupporterInput = Actor & { requestId: number; supporterId: number; reason?: string };

/**
 * Assigns (or reassigns) a supporter: the assignment waits for their answer ('pending'). Refused for
 * an ended request, a user who isn't an active supporter, or the supporter's own home region.
 */
export function assignSupporter(db: Db, input: AssignSupporterInput): AssignmentResult {
  return db.transaction((tx): AssignmentResult => {
    const request = requireRequest(tx, input.requestId);
    const region = requireRegion(tx, request.regionId);
    const supporter = requireUser(tx, input.supporterId);
    const decision = decideAssignment({ request, region, supporter });
    if (!decision.ok) return decision;
    if (request.supporterId === supporter.id) return { ok: true, request, changed: false };

    if (request.supporterId !== null) {
      const previous = requireUser(tx, request.supporterId);
      const eventId = addEvent(tx, input, request.id, { kind: 'unassigned', message: previous.name, visibleToRegion: true });
      enqueueAssignmentChange(tx, { kind: 'unassigned', requestId: request.id, supporterId: previous.id, eventId }, input.now);
    }
    const eventId = addEvent(tx, input, request.id, { kind: 'assigned', message: supporter.name, visibleToRegion: true });
    enqueueAssignmentChange(tx, { kind: 'assigned', requestId: request.id, supporterId: supporter.id, eventId }, input.now);
    const updated = setAssignment(tx, request, { supporterId: supporter.id, assignmentStatus: 'pending' }, input.now);
    writeAudit(tx, input, {
      action: request.supporterId === null ? 'request.assigned' : 'request.reassigned',
      entityType: 'support_request',
      entityId: request.id,
      regionId: region.id,
      before: assignmentOf(request),
      after: assignmentOf(updated),
      reason: input.reason?.trim() || null,
    });
    return { ok: true, request: updated, changed: true };
  }, immediate);
}

/** Same rules and effect as assignSupporter; named for the screens that replace a supporter. */
export const reassignSupporter = assignSupporter;

export type UnassignSupporterInput = Actor & { requestId: number; reason?: string };

/** Takes the supporter off a request (planned visits keep their supporter: move them separately). */
export function unassignSupporter(db: Db, input: UnassignSupporterInput): AssignmentResult {
  return db.transaction((tx): AssignmentResult => {
    const request = requireRequest(tx, input.requestId);
    if (request.supporterId === null) return { ok: true, request, changed: false };
    const previous = requireUser(tx, request.supporterId);

    const eventId = addEvent(tx, input, request.id, { kind: 'unassigned', message: previous.name, visibleToRegion: true });
    enqueueAssignmentChange(tx, { kind: 'unassigned', requestId: request.id, supporterId: previous.id, eventId }, input.now);
    const updated = setAssignment(tx, request, { supporterId: null, assignmentStatus: null }, input.now);
    writeAudit(tx, input, {
      action: 'request.unassigned',
      entityType: 'support_request',
      entityId: request.id,
      regionId: request.regionId,
      before: assignmentOf(request),
      after: assignmentOf(updated),
      reason: input.reason?.trim() || null,
    });
    return { ok: true, request: updated, changed: true };
  }, immediate);
}

export type RespondToAssignmentInput = {
  requestId: number;
  /** The supporter answering; they are also the actor. */
  supporterId: number;
  accept: boolean;
  reason?: string;
  now: number;
};

/**
 * The assigned supporter accepts (assignment 'accepted') or declines (the request goes back to the
 * team without a supporter; the reason is kept in an internal request event).
 */
export function respondToAssignment(db: Db, input: RespondToAssignmentInput): AssignmentResult {
  return db.transaction((tx): AssignmentResult => {
    const request = requireRequest(tx, input.requestId);
    const region = requireRegion(tx, request.regionId);
    const supporter = requireUser(tx, input.supporterId);
    const decision = decideAssignmentResponse({ request, region, supporter, accept: input.accept });
    if (!decision.ok) return decision;

    const actor: Actor = { actorUserId: supporter.id, now: input.now };
    const reason = input.reason?.trim() ?? '';
    const updated = input.accept
      ? setAssignment(tx, request, { supporterId: supporter.id, assignmentStatus: 'accepted' }, input.now)
      : setAssignment(tx, request, { supporterId: null, assignmentStatus: null }, input.now);
    addEvent(
      tx,
      actor,
      request.id,
      input.accept
        ? { kind: 'assignment_accepted', message: supporter.name, visibleToRegion: true }
        : { kind: 'assignment_declined', message: reason, visibleToRegion: false },
    );
    writeAudit(tx, actor, {
      action: input.accept ? 'request.assignment_accepted' : 'request.assignment_declined',
      entityType: 'support_request',
      entityId: request.id,
      regionId: region.id,
      before: assignmentOf(request),
      after: assignmentOf(updated),
      reason: reason || null,
    });
    return { ok: true, request: updated, changed: true };
  }, immediate);
}
