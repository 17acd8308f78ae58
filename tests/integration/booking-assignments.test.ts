import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '~db/client';
import { auditEvents, requestEvents } from '~db/schema';
import {
  assignSupporter,
  reassignSupporter,
  respondToAssignment,
  unassignSupporter,
} from '~/services/assignments.server';
import { NotFoundError } from '~/services/common.server';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld, insertSupporter, setRequestStatus } from '../helpers/fixtures';

const NOW = ams('2019-09-01T12:00');

let db: Db;
let close: () => void;
let w: ReturnType<typeof bookingWorld>;

beforeEach(() => {
  ({ db, close } = createTestDb());
  w = bookingWorld(db);
});
afterEach(() => close());

const actor = () => ({ actorUserId: w.coordinatorId, now: NOW });
const events = () =>
  db
    .select({ kind: requestEvents.kind, message: requestEvents.message, visibleToRegion: requestEvents.visibleToRegion, actorKind: requestEvents.actorKind })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, w.dayRequestId))
    .orderBy(asc(requestEvents.id))
    .all();
const audits = () => db.select().from(auditEvents).where(eq(auditEvents.entityId, w.dayRequestId)).orderBy(asc(auditEvents.id)).all();
const code = (r: { ok: boolean; refusal?: { code: string } }) => (r.ok ? 'ok' : r.refusal!.code);

describe('assigning supporters', () => {
  it('assigns a supporter pending their answer, with a visible request event and an audit row', () => {
    const result = assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.anna });
    expect(result).toMatchObject({ ok: true, changed: true, request: { supporterId: w.anna, assignmentStatus: 'pending', updatedAt: NOW } });
    expect(events()).toEqual([{ kind: 'assigned', message: 'Anna Adviseur', visibleToRegion: true, actorKind: 'user' }]);
    expect(audits()).toEqual([
      expect.objectContaining({
        action: 'request.assigned',
        entityType: 'support_request',
        regionId: w.regionId,
        before: { supporterId: null, assignmentStatus: null },
        after: { supporterId: w.anna, assignmentStatus: 'pending' },
      }),
    ]);
  });

  it('reassigns with an unassigned and an assigned event', () => {
    assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.anna });
    const result = reassignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.bram, reason: 'andere expertise' });
    expect(result).toMatchObject({ ok: true, request: { supporterId: w.bram, assignmentStatus: 'pending' } });
    expect(events().map((e) => `${e.kind}:${e.message}`)).toEqual(['assigned:Anna Adviseur', 'unassigned:Anna Adviseur', 'assigned:Bram Begeleider']);
    expect(audits().at(-1)).toMatchObject({ action: 'request.reassigned', reason: 'andere expertise' });
  });

  it('does nothing when the same supporter is assigned again', () => {
    assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.anna });
    expect(assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.anna })).toMatchObject({ ok: true, changed: false });
    expect(events()).toHaveLength(1);
  });

  it('refuses the supporter’s own home region, inactive supporters, coordinators and ended requests', () => {
    expect(code(assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.local }))).toBe('conflict_of_interest');
    const inactive = insertSupporter(db, { active: false });
    expect(code(assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: inactive }))).toBe('supporter_inactive');
    expect(code(assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.coordinatorId }))).toBe('not_a_supporter');
    setRequestStatus(db, w.dayRequestId, 'withdrawn');
    expect(code(assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.anna }))).toBe('request_not_open');
    expect(events()).toEqual([]);
    expect(() => assignSupporter(db, { ...actor(), requestId: 404, supporterId: w.anna })).toThrow(NotFoundError);
  });

  it('unassigns', () => {
    assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.anna });
    expect(unassignSupporter(db, { ...actor(), requestId: w.dayRequestId })).toMatchObject({
      ok: true,
      request: { supporterId: null, assignmentStatus: null },
    });
    expect(events().at(-1)).toMatchObject({ kind: 'unassigned', visibleToRegion: true });
    expect(unassignSupporter(db, { ...actor(), requestId: w.dayRequestId })).toMatchObject({ ok: true, changed: false });
  });
});

describe('the supporter’s answer', () => {
  beforeEach(() => {
    assignSupporter(db, { ...actor(), requestId: w.dayRequestId, supporterId: w.anna });
  });

  it('accepting marks the assignment accepted', () => {
    const result = respondToAssignment(db, { requestId: w.dayRequestId, supporterId: w.anna, accept: true, now: NOW });
    expect(result).toMatchObject({ ok: true, request: { supporterId: w.anna, assignmentStatus: 'accepted' } });
    expect(audits().at(-1)).toMatchObject({ action: 'request.assignment_accepted', actorUserId: w.anna, actorLabel: 'Anna Adviseur' });
    expect(code(respondToAssignment(db, { requestId: w.dayRequestId, supporterId: w.anna, accept: false, now: NOW }))).toBe(
      'assignment_not_pending',
    );
  });

  it('declining hands the request back with an internal event carrying the reason', () => {
    const result = respondToAssignment(db, { requestId: w.dayRequestId, supporterId: w.anna, accept: false, reason: 'Geen tijd', now: NOW });
    expect(result).toMatchObject({ ok: true, request: { supporterId: null, assignmentStatus: null } });
    expect(events().at(-1)).toEqual({ kind: 'assignment_declined', message: 'Geen tijd', visibleToRegion: false, actorKind: 'user' });
  });

  it('only the assigned supporter may answer', () => {
    expect(code(respondToAssignment(db, { requestId: w.dayRequestId, supporterId: w.bram, accept: true, now: NOW }))).toBe(
      'not_assigned_supporter',
    );
  });
});
