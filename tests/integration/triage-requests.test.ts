import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '~db/client';
import { auditEvents, outbox, requestEvents, supportRequests, visits } from '~db/schema';
import { requestStatusView } from '~/services/requests.server';
import {
  acceptRequest,
  addInternalNote,
  assignSupporterToRequest,
  cancelVisitForRequest,
  closeRequest,
  declineRequest,
  recordVisitHeldForRequest,
  rescheduleVisitForRequest,
  scheduleVisitForRequest,
} from '~/services/triage.server';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld, insertRequest, LATER, setRequestStatus } from '../helpers/fixtures';

const NOW = ams('2019-09-01T12:00');

let db: Db;
let close: () => void;
let w: ReturnType<typeof bookingWorld>;

beforeEach(() => {
  ({ db, close } = createTestDb());
  w = bookingWorld(db);
});
afterEach(() => close());

const actor = (requestId: number, now = NOW) => ({ actorUserId: w.coordinatorId, now, requestId });
const statusOf = (id: number) => db.select({ status: supportRequests.status }).from(supportRequests).where(eq(supportRequests.id, id)).get()!.status;
const eventsOf = (id: number) =>
  db
    .select({ kind: requestEvents.kind, message: requestEvents.message, visibleToRegion: requestEvents.visibleToRegion })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, id))
    .orderBy(asc(requestEvents.id))
    .all();
const auditActions = () => db.select({ action: auditEvents.action }).from(auditEvents).orderBy(asc(auditEvents.id)).all().map((a) => a.action);
const outboxRows = () => db.select().from(outbox).orderBy(asc(outbox.id)).all();
const slot = (date: string, from = '09:00', to = '12:00') => ({ startLocal: `${date}T${from}`, endLocal: `${date}T${to}` });

describe('accept', () => {
  it('takes a submitted request on, with a visible history line and an audit row', () => {
    setRequestStatus(db, w.dayRequestId, 'submitted');
    expect(acceptRequest(db, actor(w.dayRequestId))).toEqual({ ok: true });
    expect(statusOf(w.dayRequestId)).toBe('accepted');
    expect(eventsOf(w.dayRequestId)).toEqual([{ kind: 'accepted', message: '', visibleToRegion: true }]);
    expect(auditActions()).toEqual(['request.accepted']);
  });

  it('refuses a request that is no longer new, and an unknown one, changing nothing', () => {
    expect(acceptRequest(db, actor(w.dayRequestId))).toEqual({ ok: false, problem: 'notSubmitted' });
    expect(acceptRequest(db, actor(9999))).toEqual({ ok: false, problem: 'notFound' });
    expect(eventsOf(w.dayRequestId)).toEqual([]);
    expect(auditActions()).toEqual([]);
  });
});

describe('decline', () => {
  it('declines with the reason: status, visible history, audit and one e-mail to the contact', () => {
    setRequestStatus(db, w.dayRequestId, 'submitted');
    const result = declineRequest(db, { ...actor(w.dayRequestId), reason: '  Valt buiten het aanbod.  ' });
    expect(result).toEqual({ ok: true });
    expect(statusOf(w.dayRequestId)).toBe('declined');
    expect(eventsOf(w.dayRequestId)).toEqual([{ kind: 'declined', message: 'Valt buiten het aanbod.', visibleToRegion: true }]);
    const audit = db.select().from(auditEvents).get()!;
    expect(audit).toMatchObject({ action: 'request.declined', reason: 'Valt buiten het aanbod.', before: { status: 'submitted' }, after: { status: 'declined' } });
    const mails = outboxRows();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'request-declined', toEmail: 'petra@example.nl', requestId: w.dayRequestId, status: 'pending' });
    expect(mails[0]!.text).toContain('Valt buiten het aanbod.');
  });

  it('needs a reason and an open request without planned visits', () => {
    expect(declineRequest(db, { ...actor(w.dayRequestId), reason: '   ' })).toEqual({ ok: false, problem: 'reasonRequired' });
    scheduleVisitForRequest(db, { ...actor(w.dayRequestId), supporterId: w.anna, when: slot('2019-10-01') });
    expect(declineRequest(db, { ...actor(w.dayRequestId), reason: 'Nee' })).toEqual({ ok: false, problem: 'hasPlannedVisits' });
    setRequestStatus(db, w.cfRequestId, 'closed');
    expect(declineRequest(db, { ...actor(w.cfRequestId), reason: 'Nee' })).toEqual({ ok: false, problem: 'notOpen' });
    expect(outboxRows().filter((m) => m.kind === 'request-declined')).toEqual([]);
  });
});

describe('internal notes', () => {
  it('are kept for the team only: not on the region’s page and never mailed', () => {
    expect(addInternalNote(db, { ...actor(w.dayRequestId), text: 'Eerst bellen met de penvoerder.' })).toEqual({ ok: true });
    expect(eventsOf(w.dayRequestId)).toEqual([{ kind: 'note', message: 'Eerst bellen met de penvoerder.', visibleToRegion: false }]);
    expect(auditActions()).toEqual(['request.note_added']);
    expect(outboxRows()).toEqual([]);
    const regionView = requestStatusView(db, w.dayRequestId, NOW)!;
    expect(regionView.history).toEqual([]);
  });

  it('need text', () => {
    expect(addInternalNote(db, { ...actor(w.dayRequestId), text: ' ' })).toEqual({ ok: false, problem: 'textRequired' });
    expect(eventsOf(w.dayRequestId)).toEqual([]);
  });
});

describe('close', () => {
  it('closes an open request once no visit is planned', () => {
    const booked = scheduleVisitForRequest(db, { ...actor(w.dayRequestId), supporterId: w.anna, when: slot('2019-10-01') });
    expect(booked.ok).toBe(true);
    expect(closeRequest(db, actor(w.dayRequestId))).toEqual({ ok: false, problem: 'hasPlannedVisits' });
    const visitId = booked.ok ? booked.visit.id : 0;
    expect(recordVisitHeldForRequest(db, { ...actor(w.dayRequestId, LATER), visitId, minutesSpent: 180, report: 'Goed gesprek.', reportVisibleToRegion: true })).toMatchObject({
      ok: true,
    });
    expect(closeRequest(db, { ...actor(w.dayRequestId, LATER), message: 'Afgerond.' })).toEqual({ ok: true });
    expect(statusOf(w.dayRequestId)).toBe('closed');
    expect(eventsOf(w.dayRequestId).map((e) => e.kind)).toEqual(['visit_scheduled', 'visit_held', 'closed']);
  });
});

describe('visits from the request page', () => {
  it('schedules: invitations, a visible history line, and a submitted request is taken on', () => {
    setRequestStatus(db, w.dayRequestId, 'submitted');
    const result = scheduleVisitForRequest(db, { ...actor(w.dayRequestId), supporterId: w.anna, when: slot('2019-10-01'), location: 'Goes' });
    expect(result).toMatchObject({ ok: true, visit: { supporterId: w.anna, location: 'Goes', halfDays: 1, status: 'planned' } });
    expect(statusOf(w.dayRequestId)).toBe('accepted');
    expect(eventsOf(w.dayRequestId)).toEqual([
      { kind: 'accepted', message: '', visibleToRegion: true },
      { kind: 'visit_scheduled', message: 'dinsdag 1 oktober 2019 09:00–12:00', visibleToRegion: true },
    ]);
    expect(outboxRows().map((m) => [m.kind, m.icsMethod])).toEqual([
      ['visit-invitation', 'REQUEST'],
      ['visit-invitation', 'REQUEST'],
    ]);
  });

  it('writes nothing when the booking core refuses (the supporter’s own region, overdrawn days)', () => {
    setRequestStatus(db, w.dayRequestId, 'submitted');
    const own = scheduleVisitForRequest(db, { ...actor(w.dayRequestId), supporterId: w.local, when: slot('2019-10-01') });
    expect(own).toMatchObject({ ok: false, refusal: { code: 'conflict_of_interest' } });
    const overdrawn = scheduleVisitForRequest(db, { ...actor(w.dayRequestId), supporterId: w.anna, when: slot('2019-10-01'), halfDays: 12 });
    expect(overdrawn).toMatchObject({ ok: false, refusal: { code: 'days_exhausted', params: { remaining: 10, requested: 12 } } });
    expect(statusOf(w.dayRequestId)).toBe('submitted');
    expect(eventsOf(w.dayRequestId)).toEqual([]);
    expect(db.select().from(visits).all()).toEqual([]);
    expect(outboxRows()).toEqual([]);
    expect(auditActions()).toEqual([]);
  });

  it('moves and cancels with history lines; a visit of another request is not found', () => {
    const booked = scheduleVisitForRequest(db, { ...actor(w.dayRequestId), supporterId: w.anna, when: slot('2019-10-01') });
    const visitId = booked.ok ? booked.visit.id : 0;
    const moved = rescheduleVisitForRequest(db, { ...actor(w.dayRequestId), visitId, supporterId: w.bram, when: slot('2019-10-02', '13:00', '15:00') });
    expect(moved).toMatchObject({ ok: true, changed: true, visit: { supporterId: w.bram, sequence: 1 } });
    const otherRequest = insertRequest(db, { regionId: w.regionId, supportTypeId: w.dayTypeId });
    expect(cancelVisitForRequest(db, { ...actor(otherRequest), visitId, reason: 'Ziek' })).toEqual({ ok: false, problem: 'notFound' });
    expect(cancelVisitForRequest(db, { ...actor(w.dayRequestId), visitId, reason: 'Ziek' })).toMatchObject({ ok: true, visit: { status: 'cancelled' } });
    expect(eventsOf(w.dayRequestId).map((e) => [e.kind, e.message])).toEqual([
      ['visit_scheduled', 'dinsdag 1 oktober 2019 09:00–12:00'],
      ['visit_moved', 'woensdag 2 oktober 2019 13:00–15:00'],
      ['visit_cancelled', 'woensdag 2 oktober 2019 13:00–15:00: Ziek'],
    ]);
  });

  it('refuses a clash when moving and keeps the visit as it was', () => {
    const first = scheduleVisitForRequest(db, { ...actor(w.dayRequestId), supporterId: w.anna, when: slot('2019-10-01') });
    const second = scheduleVisitForRequest(db, { ...actor(w.dayRequestId), supporterId: w.anna, when: slot('2019-10-02') });
    const secondId = second.ok ? second.visit.id : 0;
    expect(first.ok && second.ok).toBe(true);
    const clash = rescheduleVisitForRequest(db, { ...actor(w.dayRequestId), visitId: secondId, supporterId: w.anna, when: slot('2019-10-01', '10:00', '11:00') });
    expect(clash).toMatchObject({ ok: false, refusal: { code: 'supporter_busy' } });
    expect(db.select().from(visits).where(eq(visits.id, secondId)).get()).toMatchObject({ sequence: 0, startsAt: ams('2019-10-02T09:00') });
  });
});

describe('assigning from the request page', () => {
  it('assigns, refuses the supporter from the region itself, and treats an unknown id as a problem', () => {
    expect(assignSupporterToRequest(db, { ...actor(w.dayRequestId), supporterId: w.anna })).toEqual({ ok: true, supporterName: 'Anna Adviseur', changed: true });
    expect(assignSupporterToRequest(db, { ...actor(w.dayRequestId), supporterId: w.local })).toMatchObject({ ok: false, refusal: { code: 'conflict_of_interest' } });
    expect(assignSupporterToRequest(db, { ...actor(w.dayRequestId), supporterId: 4242 })).toEqual({ ok: false, problem: 'unknownSupporter' });
  });
});
