import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '~/auth/password.server';
import { assignSupporter } from '~/services/assignments.server';
import { feedForToken } from '~/services/feeds.server';
import {
  addMyBlock,
  amsterdamWeek,
  answerMyAssignment,
  cancelMyVisit,
  changeMyPassword,
  moveMyVisit,
  myBlocks,
  myFeedCreatedAt,
  myPendingRequests,
  myProfile,
  myRequest,
  myRequests,
  myVisit,
  myVisits,
  proposeMyVisit,
  recordMyVisitHeld,
  removeMyBlock,
  replaceMyFeed,
  supporterStart,
  updateMyProfile,
  updateMyReport,
} from '~/services/supporter-work.server';
import { scheduleVisit } from '~/services/visits.server';
import type { Db } from '~db/client';
import { auditEvents, outbox, requestEvents, supportRequests, unavailability, users, visits } from '~db/schema';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld } from '../helpers/fixtures';

const NOW = ams('2019-09-04T12:00'); // a Wednesday

let db: Db;
let close: () => void;
let w: ReturnType<typeof bookingWorld>;

beforeEach(() => {
  ({ db, close } = createTestDb());
  w = bookingWorld(db);
});
afterEach(() => close());

const coordinator = () => ({ actorUserId: w.coordinatorId, now: NOW });

/** Assigns the day request to Anna and has her accept it. */
function annaAccepts(requestId = w.dayRequestId) {
  assignSupporter(db, { ...coordinator(), requestId, supporterId: w.anna });
  const answer = answerMyAssignment(db, { supporterId: w.anna, requestId, accept: true, now: NOW });
  expect(answer).toMatchObject({ ok: true });
}

function bookFor(supporterId: number, startLocal: string, endLocal: string, requestId = w.dayRequestId) {
  const result = scheduleVisit(db, { ...coordinator(), requestId, supporterId, when: { startLocal, endLocal } });
  if (!result.ok) throw new Error(result.refusal.code);
  return result.visit;
}

describe('my requests', () => {
  it('lists only the requests assigned to me, and gives null for anyone else’s or an unknown id', () => {
    assignSupporter(db, { ...coordinator(), requestId: w.dayRequestId, supporterId: w.anna });
    assignSupporter(db, { ...coordinator(), requestId: w.cfRequestId, supporterId: w.bram });

    expect(myRequests(db, w.anna).map((r) => r.id)).toEqual([w.dayRequestId]);
    expect(myPendingRequests(db, w.anna).map((r) => r.id)).toEqual([w.dayRequestId]);
    expect(myRequests(db, w.bram).map((r) => r.id)).toEqual([w.cfRequestId]);

    expect(myRequest(db, w.anna, w.dayRequestId, NOW)).toMatchObject({
      id: w.dayRequestId,
      regionName: 'Zeeland',
      contactName: 'Petra Projectleider',
      contactEmail: 'petra@example.nl',
      canRespond: true,
      canPropose: false,
      year: 2019,
      ledger: { allotted: 10, planned: 0, used: 0, remaining: 10 },
    });
    expect(myRequest(db, w.anna, w.cfRequestId, NOW)).toBeNull();
    expect(myRequest(db, w.anna, 999_999, NOW)).toBeNull();
  });

  it('accepts my assignment; answering someone else’s request gives null and changes nothing', () => {
    assignSupporter(db, { ...coordinator(), requestId: w.cfRequestId, supporterId: w.bram });
    expect(answerMyAssignment(db, { supporterId: w.anna, requestId: w.cfRequestId, accept: true, now: NOW })).toBeNull();
    expect(answerMyAssignment(db, { supporterId: w.anna, requestId: 999_999, accept: true, now: NOW })).toBeNull();
    const cf = db.select().from(supportRequests).where(eq(supportRequests.id, w.cfRequestId)).get()!;
    expect(cf).toMatchObject({ supporterId: w.bram, assignmentStatus: 'pending' });

    annaAccepts();
    expect(myRequest(db, w.anna, w.dayRequestId, NOW)).toMatchObject({ assignmentStatus: 'accepted', canPropose: true, canRespond: false });
    expect(myPendingRequests(db, w.anna)).toEqual([]);
  });

  it('declines with a reason: the request goes back to the team and leaves my list', () => {
    assignSupporter(db, { ...coordinator(), requestId: w.dayRequestId, supporterId: w.anna });
    const result = answerMyAssignment(db, { supporterId: w.anna, requestId: w.dayRequestId, accept: false, reason: 'Geen tijd in september', now: NOW });
    expect(result).toMatchObject({ ok: true, request: { supporterId: null, assignmentStatus: null } });
    expect(myRequests(db, w.anna)).toEqual([]);
    expect(myRequest(db, w.anna, w.dayRequestId, NOW)).toBeNull();
    const declined = db.select().from(requestEvents).where(eq(requestEvents.kind, 'assignment_declined')).get();
    expect(declined).toMatchObject({ message: 'Geen tijd in september', visibleToRegion: false });
  });
});

describe('proposing visits', () => {
  it('refuses before I accepted, books after: invitations to the contact and me', () => {
    assignSupporter(db, { ...coordinator(), requestId: w.dayRequestId, supporterId: w.anna });
    const when = { startLocal: '2019-10-08T10:00', endLocal: '2019-10-08T12:00' };
    expect(proposeMyVisit(db, { supporterId: w.anna, requestId: w.dayRequestId, when, location: 'Goes', now: NOW })).toEqual({
      ok: false,
      problem: 'not_accepted',
    });
    answerMyAssignment(db, { supporterId: w.anna, requestId: w.dayRequestId, accept: true, now: NOW });

    const result = proposeMyVisit(db, { supporterId: w.anna, requestId: w.dayRequestId, when, location: 'Goes', now: NOW });
    expect(result).toMatchObject({ ok: true, visit: { supporterId: w.anna, location: 'Goes', halfDays: 1, status: 'planned' } });
    const visitId = result?.ok && 'visit' in result ? result.visit.id : 0;
    const mails = db.select().from(outbox).where(eq(outbox.visitId, visitId)).all();
    expect(mails.map((m) => [m.toEmail.includes('petra') ? 'contact' : 'supporter', m.icsMethod])).toEqual(
      expect.arrayContaining([
        ['contact', 'REQUEST'],
        ['supporter', 'REQUEST'],
      ]),
    );
    expect(mails).toHaveLength(2);
    expect(myRequest(db, w.anna, w.dayRequestId, NOW)!.visits.map((v) => v.id)).toEqual([visitId]);
  });

  it('gives null for someone else’s request, and passes the booking core’s refusals on', () => {
    assignSupporter(db, { ...coordinator(), requestId: w.cfRequestId, supporterId: w.bram });
    const when = { startLocal: '2019-10-08T10:00', endLocal: '2019-10-08T12:00' };
    expect(proposeMyVisit(db, { supporterId: w.anna, requestId: w.cfRequestId, when, location: '', now: NOW })).toBeNull();
    expect(db.select().from(visits).all()).toEqual([]);

    annaAccepts();
    addMyBlock(db, { supporterId: w.anna, when: { startLocal: '2019-10-07T00:00', endLocal: '2019-10-14T00:00' }, reason: 'Vakantie', now: NOW });
    const refused = proposeMyVisit(db, { supporterId: w.anna, requestId: w.dayRequestId, when, location: '', now: NOW });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'supporter_unavailable' } });
    const gap = proposeMyVisit(db, {
      supporterId: w.anna,
      requestId: w.dayRequestId,
      when: { startLocal: '2020-03-29T02:30', endLocal: '2020-03-29T04:00' },
      location: '',
      now: NOW,
    });
    expect(gap).toMatchObject({ ok: false, refusal: { code: 'nonexistent_local_time' } });
    expect(db.select().from(visits).all()).toEqual([]);
  });
});

describe('my visits', () => {
  it('lists only my visits, split in upcoming and past; someone else’s visit is null', () => {
    annaAccepts();
    const past = bookFor(w.anna, '2019-09-02T10:00', '2019-09-02T12:00');
    const future = bookFor(w.anna, '2019-09-20T10:00', '2019-09-20T12:00');
    const bramVisit = bookFor(w.bram, '2019-09-21T10:00', '2019-09-21T12:00');

    const mine = myVisits(db, w.anna, NOW);
    expect(mine.upcoming.map((v) => v.id)).toEqual([future.id]);
    expect(mine.past.map((v) => v.id)).toEqual([past.id]);
    expect(myVisit(db, w.anna, future.id)).toMatchObject({ id: future.id, regionName: 'Zeeland', contactEmail: 'petra@example.nl' });
    expect(myVisit(db, w.anna, bramVisit.id)).toBeNull();
    expect(myVisit(db, w.anna, 999_999)).toBeNull();
  });

  it('the start page: pending answers, this week’s visits, visits to record and held ones without a report', () => {
    annaAccepts();
    const monday = bookFor(w.anna, '2019-09-02T10:00', '2019-09-02T12:00');
    const friday = bookFor(w.anna, '2019-09-06T10:00', '2019-09-06T12:00');
    bookFor(w.anna, '2019-09-10T10:00', '2019-09-10T12:00'); // next week
    const lastWeek = bookFor(w.anna, '2019-08-28T10:00', '2019-08-28T12:00');
    recordMyVisitHeld(db, { supporterId: w.anna, visitId: lastWeek.id, minutesSpent: 120, report: '', reportVisibleToRegion: false, now: NOW });
    assignSupporter(db, { ...coordinator(), requestId: w.cfRequestId, supporterId: w.anna });

    expect(amsterdamWeek(NOW)).toEqual({ from: ams('2019-09-02T00:00'), until: ams('2019-09-09T00:00') });
    const start = supporterStart(db, w.anna, NOW);
    expect(start.pending.map((r) => r.id)).toEqual([w.cfRequestId]);
    expect(start.thisWeek.map((v) => v.id)).toEqual([monday.id, friday.id]);
    expect(start.toRecord.map((v) => v.id)).toEqual([monday.id]);
    expect(start.withoutReport.map((v) => v.id)).toEqual([lastWeek.id]);
    expect(supporterStart(db, w.bram, NOW)).toEqual({ pending: [], thisWeek: [], toRecord: [], withoutReport: [] });
  });

  it('moves, cancels and records only my own visits', () => {
    annaAccepts();
    const mine = bookFor(w.anna, '2019-09-20T10:00', '2019-09-20T12:00');
    const bramVisit = bookFor(w.bram, '2019-09-21T10:00', '2019-09-21T12:00');
    const when = { startLocal: '2019-09-23T13:00', endLocal: '2019-09-23T15:00' };

    expect(moveMyVisit(db, { supporterId: w.anna, visitId: bramVisit.id, when, location: 'X', reason: 'r', now: NOW })).toBeNull();
    expect(cancelMyVisit(db, { supporterId: w.anna, visitId: bramVisit.id, reason: 'r', now: NOW })).toBeNull();
    expect(
      recordMyVisitHeld(db, { supporterId: w.anna, visitId: bramVisit.id, minutesSpent: 60, report: 'x', reportVisibleToRegion: true, now: NOW }),
    ).toBeNull();
    expect(updateMyReport(db, { supporterId: w.anna, visitId: bramVisit.id, report: 'x', reportVisibleToRegion: true, now: NOW })).toBeNull();
    expect(db.select().from(visits).where(eq(visits.id, bramVisit.id)).get()).toMatchObject({ status: 'planned', sequence: 0 });

    const moved = moveMyVisit(db, { supporterId: w.anna, visitId: mine.id, when, location: 'Vlissingen', reason: 'Ziek', now: NOW });
    expect(moved).toMatchObject({ ok: true, changed: true, visit: { startsAt: ams('2019-09-23T13:00'), location: 'Vlissingen', sequence: 1 } });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'visit.rescheduled')).get()).toMatchObject({ reason: 'Ziek', actorUserId: w.anna });

    const cancelled = cancelMyVisit(db, { supporterId: w.anna, visitId: mine.id, reason: 'Regio wil niet meer', now: NOW });
    expect(cancelled).toMatchObject({ ok: true, visit: { status: 'cancelled', cancelReason: 'Regio wil niet meer' } });
  });

  it('records a started visit as held with a report the team sees, and refuses one not yet started', () => {
    annaAccepts();
    const future = bookFor(w.anna, '2019-09-20T10:00', '2019-09-20T12:00');
    const early = recordMyVisitHeld(db, { supporterId: w.anna, visitId: future.id, minutesSpent: 60, report: 'x', reportVisibleToRegion: false, now: NOW });
    expect(early).toMatchObject({ ok: false, refusal: { code: 'visit_not_started' } });

    const past = bookFor(w.anna, '2019-09-02T10:00', '2019-09-02T12:00');
    const held = recordMyVisitHeld(db, {
      supporterId: w.anna,
      visitId: past.id,
      minutesSpent: 150,
      report: '  Goed gesprek over LOB.  ',
      reportVisibleToRegion: true,
      now: NOW,
    });
    expect(held).toMatchObject({ ok: true, visit: { status: 'held', minutesSpent: 150, report: 'Goed gesprek over LOB.', reportVisibleToRegion: true } });

    const corrected = updateMyReport(db, { supporterId: w.anna, visitId: past.id, report: 'Beter verslag', reportVisibleToRegion: false, now: NOW });
    expect(corrected).toMatchObject({ ok: true, visit: { report: 'Beter verslag', reportVisibleToRegion: false } });
    expect(updateMyReport(db, { supporterId: w.anna, visitId: future.id, report: 'x', reportVisibleToRegion: false, now: NOW })).toEqual({
      ok: false,
      problem: 'not_held',
    });
  });
});

describe('my availability', () => {
  it('adds a block with clashing visits as a warning, lists only mine and removes only mine', () => {
    annaAccepts();
    const visit = bookFor(w.anna, '2019-09-20T10:00', '2019-09-20T12:00');
    const added = addMyBlock(db, { supporterId: w.anna, when: { startLocal: '2019-09-20T00:00', endLocal: '2019-09-21T00:00' }, reason: 'Congres', now: NOW });
    expect(added).toMatchObject({ ok: true, block: { reason: 'Congres' } });
    expect(added.ok && added.clashingVisits.map((v) => v.id)).toEqual([visit.id]);
    const bramBlock = addMyBlock(db, { supporterId: w.bram, when: { startLocal: '2019-09-25T00:00', endLocal: '2019-09-26T00:00' }, reason: '', now: NOW });

    expect(myBlocks(db, w.anna, NOW).map((b) => b.reason)).toEqual(['Congres']);
    const bramBlockId = bramBlock.ok ? bramBlock.block.id : 0;
    expect(removeMyBlock(db, { supporterId: w.anna, blockId: bramBlockId, now: NOW })).toBeNull();
    expect(removeMyBlock(db, { supporterId: w.anna, blockId: 999_999, now: NOW })).toBeNull();
    expect(db.select().from(unavailability).all()).toHaveLength(2);

    const annaBlockId = added.ok ? added.block.id : 0;
    expect(removeMyBlock(db, { supporterId: w.anna, blockId: annaBlockId, now: NOW })).toEqual({ ok: true });
    expect(myBlocks(db, w.anna, NOW)).toEqual([]);
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.action, 'unavailability.removed'), eq(auditEvents.actorUserId, w.anna))).all()).toHaveLength(1);
  });
});

describe('my calendar link and profile', () => {
  it('replaces the calendar link: the old one stops working', () => {
    expect(myFeedCreatedAt(db, w.anna)).toBeNull();
    const first = replaceMyFeed(db, w.anna, NOW);
    expect(feedForToken(db, first, NOW)).toContain('BEGIN:VCALENDAR');
    const second = replaceMyFeed(db, w.anna, NOW + 1000);
    expect(feedForToken(db, first, NOW)).toBeNull();
    expect(feedForToken(db, second, NOW)).toContain('BEGIN:VCALENDAR');
    expect(myFeedCreatedAt(db, w.anna)).toBe(NOW + 1000);
    expect(myFeedCreatedAt(db, w.bram)).toBeNull();
  });

  it('updates name, language and known themes only', () => {
    const profile = updateMyProfile(db, { userId: w.anna, name: '  Anna de Adviseur ', language: 'en', themes: ['lob', 'nonsense', 'lob', 'po'], now: NOW });
    expect(profile).toMatchObject({ name: 'Anna de Adviseur', language: 'en', themes: ['lob', 'po'] });
    expect(myProfile(db, w.anna)).toMatchObject({ name: 'Anna de Adviseur', language: 'en', themes: ['lob', 'po'] });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'user.profile_updated')).get()).toMatchObject({ entityId: w.anna });
  });

  it('throttles guesses of the current password like sign-in: five free, then a wait, even for the right one', async () => {
    db.update(users).set({ passwordHash: await hashPassword('oud-wachtwoord-123') }).where(eq(users.id, w.anna)).run();
    const attempt = (currentPassword: string, now: number) =>
      changeMyPassword(db, { userId: w.anna, currentPassword, newPassword: 'nieuw-wachtwoord-456', ip: '10.7.7.7', now });
    for (let i = 0; i < 5; i += 1) expect(await attempt(`fout-${i}`, NOW)).toEqual({ ok: false, problem: 'wrong_password' });
    expect(await attempt('oud-wachtwoord-123', NOW + 1000)).toEqual({ ok: false, problem: 'too_many', waitMs: 59_000 });
    expect(await verifyPassword('oud-wachtwoord-123', db.select({ h: users.passwordHash }).from(users).where(eq(users.id, w.anna)).get()!.h)).toBe(true);
    expect(await attempt('oud-wachtwoord-123', NOW + 60_000)).toEqual({ ok: true });
  });

  it('changes the password only when the current one is right', async () => {
    db.update(users).set({ passwordHash: await hashPassword('oud-wachtwoord-123') }).where(eq(users.id, w.anna)).run();
    expect(await changeMyPassword(db, { userId: w.anna, currentPassword: 'fout', newPassword: 'nieuw-wachtwoord-456', ip: '10.0.0.1', now: NOW })).toEqual({
      ok: false,
      problem: 'wrong_password',
    });
    expect(await changeMyPassword(db, { userId: w.anna, currentPassword: 'oud-wachtwoord-123', newPassword: 'nieuw-wachtwoord-456', ip: '10.0.0.1', now: NOW })).toEqual({
      ok: true,
    });
    const hash = db.select({ h: users.passwordHash }).from(users).where(eq(users.id, w.anna)).get()!.h;
    expect(await verifyPassword('nieuw-wachtwoord-456', hash)).toBe(true);
    expect(await verifyPassword('oud-wachtwoord-123', hash)).toBe(false);
  });
});
