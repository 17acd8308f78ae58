import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '~db/client';
import { auditEvents, requestEvents, visits } from '~db/schema';
import { refusalMessage } from '~/domain/refusals';
import { NotFoundError, perConnection } from '~/services/common.server';
import { adjustDays, setAllotment } from '~/services/ledger.server';
import { regionLedger } from '~/services/read-models.server';
import { addUnavailability } from '~/services/unavailability.server';
import {
  cancelVisit,
  recordVisitHeld,
  rescheduleVisit,
  scheduleVisit,
  type ScheduleVisitInput,
  type Visit,
} from '~/services/visits.server';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld, insertRequest, insertSupporter, LATER, setRequestStatus } from '../helpers/fixtures';

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

function book(overrides: Partial<ScheduleVisitInput> & { at?: string; minutes?: number } = {}) {
  const { at = '2019-11-05T09:00', minutes = 180, ...rest } = overrides;
  return scheduleVisit(db, {
    ...actor(),
    requestId: w.cfRequestId,
    supporterId: w.anna,
    when: { startLocal: at, durationMinutes: minutes },
    ...rest,
  });
}

function booked(overrides: Parameters<typeof book>[0] = {}): Visit {
  const result = book(overrides);
  if (!result.ok) throw new Error(`expected a booking, got ${result.refusal.code}`);
  return result.visit;
}

const refusalCode = (result: { ok: boolean; refusal?: { code: string } }) => (result.ok ? 'ok' : result.refusal!.code);
const auditRows = (entityId: number) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'visit'), eq(auditEvents.entityId, entityId))).all();
const rowCount = (table: typeof visits | typeof auditEvents) => db.select({ n: count() }).from(table).get()!.n;

describe('scheduleVisit', () => {
  it('books a visit with its ledger year, sequence 0, a calendar UID and an audit row', () => {
    const visit = booked();
    expect(visit).toMatchObject({
      regionId: w.regionId,
      supportTypeId: w.criticalFriendTypeId,
      supporterId: w.anna,
      startsAt: Date.parse('2019-11-05T08:00:00Z'),
      endsAt: Date.parse('2019-11-05T11:00:00Z'),
      ledgerYear: 2019,
      location: 'Middelburg',
      halfDays: 0,
      status: 'planned',
      sequence: 0,
    });
    expect(visit.calendarUid).toMatch(/^[0-9a-f-]{36}@sto-ondersteuning\.example$/);
    expect(auditRows(visit.id)).toEqual([
      expect.objectContaining({
        action: 'visit.scheduled',
        actorUserId: w.coordinatorId,
        actorLabel: 'Coördinator Cora',
        regionId: w.regionId,
        at: NOW,
        after: expect.objectContaining({ status: 'planned', supporterId: w.anna }),
      }),
    ]);
  });

  it('charges days by length for a type that draws on days, or what the caller says', () => {
    const dayRequest = { requestId: w.dayRequestId };
    expect(booked({ ...dayRequest, at: '2019-05-06T09:00', minutes: 240 }).halfDays).toBe(1);
    expect(booked({ ...dayRequest, at: '2019-05-07T09:00', minutes: 480 }).halfDays).toBe(2);
    expect(booked({ ...dayRequest, at: '2019-05-08T15:00', minutes: 20 * 60 }).halfDays).toBe(4);
    expect(booked({ ...dayRequest, at: '2019-05-13T09:00', minutes: 480, halfDays: 1 }).halfDays).toBe(1);
    expect(refusalCode(book({ ...dayRequest, at: '2019-05-14T09:00', halfDays: -2 }))).toBe('invalid_half_days');
  });

  it('stores the right instants for 09:00–12:00 on both summer-time days', () => {
    const spring = booked({ when: { startLocal: '2019-03-31T09:00', endLocal: '2019-03-31T12:00' } });
    const autumn = booked({ when: { startLocal: '2019-10-27T09:00', endLocal: '2019-10-27T12:00' } });
    expect([spring.startsAt, spring.endsAt]).toEqual([Date.parse('2019-03-31T07:00:00Z'), Date.parse('2019-03-31T10:00:00Z')]);
    expect([autumn.startsAt, autumn.endsAt]).toEqual([Date.parse('2019-10-27T08:00:00Z'), Date.parse('2019-10-27T11:00:00Z')]);
  });

  it('refuses a local time that does not exist or is ambiguous, and writes nothing', () => {
    const gap = book({ at: '2019-03-31T02:30' });
    const overlap = book({ at: '2019-10-27T02:30' });
    expect(gap).toMatchObject({ ok: false, refusal: { code: 'nonexistent_local_time' } });
    expect(overlap).toMatchObject({ ok: false, refusal: { code: 'ambiguous_local_time' } });
    expect(rowCount(visits)).toBe(0);
    expect(rowCount(auditEvents)).toBe(0);
  });

  it('rule 1: refuses a third critical-friend visit; cancelled ones do not count', () => {
    const first = booked({ at: '2019-10-01T09:00' });
    booked({ at: '2019-10-08T09:00', supporterId: w.bram });
    const third = book({ at: '2019-10-15T09:00' });
    expect(third).toMatchObject({ ok: false, refusal: { code: 'cap_reached', params: { count: 2, cap: 2 } } });
    if (!third.ok) {
      expect(refusalMessage(third.refusal, 'nl')).toBe(
        'Regio Zeeland heeft al 2 bezoeken van een critical friend gepland of gehad (maximaal 2).',
      );
    }
    expect(cancelVisit(db, { ...actor(), visitId: first.id, reason: 'school dicht' }).ok).toBe(true);
    expect(book({ at: '2019-10-15T09:00' }).ok).toBe(true);
  });

  it('rule 1: held visits count towards the cap', () => {
    const first = booked({ at: '2019-10-01T09:00' });
    booked({ at: '2019-10-08T09:00' });
    recordVisitHeld(db, { ...actor(), now: LATER, visitId: first.id, minutesSpent: 180, report: 'ok', reportVisibleToRegion: true });
    expect(refusalCode(book({ at: '2019-10-15T09:00' }))).toBe('cap_reached');
  });

  it('rule 2: a critical friend may start at 2019-11-30 23:59 but not at 2019-12-01 00:00 Amsterdam', () => {
    expect(book({ at: '2019-11-30T23:59', minutes: 60 }).ok).toBe(true);
    const late = book({ at: '2019-12-01T00:00', supporterId: w.bram });
    expect(late).toMatchObject({ ok: false, refusal: { code: 'after_cut_off' } });
    if (!late.ok) expect(refusalMessage(late.refusal, 'en')).toContain('must start before Sunday 1 December 2019 00:00');
  });

  it('rule 2: the start counts, not the moment of booking', () => {
    const afterCutOff = ams('2020-02-01T10:00');
    expect(book({ at: '2019-11-20T09:00', now: afterCutOff }).ok).toBe(true);
  });

  it('rule 3: refuses a visit that would overdraw the year, and a coordinator can add days', () => {
    setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 3, reason: 'afspraak' });
    const day = { requestId: w.dayRequestId };
    booked({ ...day, at: '2019-06-03T09:00', minutes: 480 }); // 2
    const refused = book({ ...day, at: '2019-06-04T09:00', minutes: 480 }); // 2 more: too many
    expect(refused).toMatchObject({
      ok: false,
      refusal: { code: 'days_exhausted', params: { regionName: 'Zeeland', year: 2019, allotted: 3, planned: 2, remaining: 1, requested: 2 } },
    });
    expect(book({ ...day, at: '2019-06-04T09:00', minutes: 240 }).ok).toBe(true); // exactly the last half day
    expect(adjustDays(db, { ...actor(), regionId: w.regionId, year: 2019, deltaHalfDays: 2, reason: 'extra' }).ok).toBe(true);
    expect(book({ ...day, at: '2019-06-05T09:00', minutes: 480 }).ok).toBe(true);
    expect(regionLedger(db, w.regionId, 2019)).toMatchObject({ allotted: 5, planned: 5, used: 0, remaining: 0 });
  });

  it('rule 3: a visit on 31 December and one on 1 January charge different ledger years', () => {
    setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 2, reason: 'x' });
    setAllotment(db, { ...actor(), regionId: w.regionId, year: 2020, halfDays: 2, reason: 'x' });
    const day = { requestId: w.dayRequestId, minutes: 480 };
    const eve = booked({ ...day, at: '2019-12-31T09:00' });
    const newYear = booked({ ...day, at: '2020-01-01T09:00', confirmHolidays: true }); // Nieuwjaarsdag, confirmed
    expect([eve.ledgerYear, newYear.ledgerYear]).toEqual([2019, 2020]);
    // 00:30 on 1 January is still 2019 in UTC but 2020 in Amsterdam.
    expect(refusalCode(book({ ...day, at: '2020-01-01T00:30', minutes: 30, supporterId: w.bram, confirmHolidays: true }))).toBe('days_exhausted');
    expect(regionLedger(db, w.regionId, 2019)).toMatchObject({ planned: 2, remaining: 0 });
    expect(regionLedger(db, w.regionId, 2020)).toMatchObject({ planned: 2, remaining: 0 });
  });

  it('rule 4: refuses overlapping visits of one supporter but not touching ones', () => {
    booked({ requestId: w.dayRequestId, at: '2019-11-05T09:00' }); // until 12:00
    expect(book({ at: '2019-11-05T12:00' }).ok).toBe(true);
    const clash = book({ at: '2019-11-05T11:00', supporterId: w.anna });
    expect(clash).toMatchObject({ ok: false, refusal: { code: 'supporter_busy', params: { supporterName: 'Anna Adviseur' } } });
    expect(book({ at: '2019-11-05T11:00', supporterId: w.bram }).ok).toBe(true);
  });

  it('rule 4: a cancelled visit frees the supporter', () => {
    const visit = booked();
    cancelVisit(db, { ...actor(), visitId: visit.id, reason: 'verzet' });
    expect(book({ requestId: w.dayRequestId }).ok).toBe(true);
  });

  it('rule 4: refuses a visit inside an unavailability block', () => {
    const block = addUnavailability(db, { ...actor(), supporterId: w.anna, when: { startLocal: '2019-11-05T00:00', endLocal: '2019-11-06T00:00' } });
    expect(block.ok).toBe(true);
    expect(refusalCode(book())).toBe('supporter_unavailable');
    expect(book({ at: '2019-11-06T00:00' }).ok).toBe(true);
  });

  it('rule 5: refuses a supporter for their own home region', () => {
    const result = book({ supporterId: w.local });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'conflict_of_interest' } });
    if (!result.ok) {
      expect(refusalMessage(result.refusal, 'nl')).toBe(
        'Lotte Lokaal werkt zelf in regio Zeeland en mag die regio niet ondersteunen (belangenverstrengeling).',
      );
    }
  });

  it('rule 6: only active supporters, and the end after the start', () => {
    const inactive = insertSupporter(db, { name: 'Oud', active: false });
    expect(refusalCode(book({ supporterId: inactive }))).toBe('supporter_inactive');
    expect(refusalCode(book({ supporterId: w.coordinatorId }))).toBe('not_a_supporter');
    expect(refusalCode(book({ when: { startLocal: '2019-11-05T12:00', endLocal: '2019-11-05T09:00' } }))).toBe('end_not_after_start');
  });

  it('only books for a submitted or accepted request', () => {
    const submitted = insertRequest(db, { regionId: w.regionId, supportTypeId: w.dayTypeId, status: 'submitted' });
    expect(book({ requestId: submitted }).ok).toBe(true);
    for (const status of ['declined', 'withdrawn', 'closed'] as const) {
      setRequestStatus(db, submitted, status);
      expect(refusalCode(book({ requestId: submitted, at: '2019-11-12T09:00' }))).toBe('request_not_open');
    }
  });

  it('throws NotFoundError for a request that does not exist', () => {
    expect(() => book({ requestId: 9999 })).toThrow(NotFoundError);
  });
});

describe('rescheduleVisit', () => {
  it('moves a visit: new times, ledger year, sequence + 1 and an audit row with before and after', () => {
    const visit = booked({ requestId: w.dayRequestId, at: '2019-12-30T09:00' });
    const moved = rescheduleVisit(db, { ...actor(), visitId: visit.id, when: { startLocal: '2020-01-06T13:00' }, reason: 'ziek' });
    expect(moved).toMatchObject({ ok: true, changed: true });
    if (!moved.ok) return;
    expect(moved.visit).toMatchObject({
      startsAt: ams('2020-01-06T13:00'),
      endsAt: ams('2020-01-06T16:00'),
      ledgerYear: 2020,
      sequence: 1,
      calendarUid: visit.calendarUid,
    });
    expect(auditRows(visit.id).map((r) => r.action)).toEqual(['visit.scheduled', 'visit.rescheduled']);
    expect(auditRows(visit.id)[1]).toMatchObject({
      reason: 'ziek',
      before: expect.objectContaining({ startsAt: visit.startsAt, sequence: 0 }),
      after: expect.objectContaining({ startsAt: ams('2020-01-06T13:00'), sequence: 1 }),
    });
    expect(regionLedger(db, w.regionId, 2019).planned).toBe(0);
    expect(regionLedger(db, w.regionId, 2020).planned).toBe(1);
  });

  it('raises the sequence on every change of time, place or supporter', () => {
    const visit = booked();
    const step = (change: object) => {
      const r = rescheduleVisit(db, { ...actor(), visitId: visit.id, ...change });
      if (!r.ok) throw new Error(r.refusal.code);
      return r.visit.sequence;
    };
    expect(step({ location: 'Goes' })).toBe(1);
    expect(step({ supporterId: w.bram })).toBe(2);
    expect(step({ when: { startLocal: '2019-11-06T09:00', durationMinutes: 120 } })).toBe(3);
    expect(step({ location: 'Goes' })).toBe(3); // nothing changed
  });

  it('checks every rule again but leaves the visit itself out', () => {
    setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 2, reason: 'x' });
    const visit = booked({ requestId: w.dayRequestId, at: '2019-11-05T09:00', minutes: 480 }); // the whole ledger
    booked({ at: '2019-11-01T09:00' });
    booked({ at: '2019-11-02T09:00', supporterId: w.bram }); // critical friend full
    // Overlapping its own old slot, with all its days: fine.
    expect(rescheduleVisit(db, { ...actor(), visitId: visit.id, when: { startLocal: '2019-11-05T10:00' } }).ok).toBe(true);
    const cf = db.select().from(visits).where(eq(visits.supportTypeId, w.criticalFriendTypeId)).all()[0]!;
    expect(rescheduleVisit(db, { ...actor(), visitId: cf.id, when: { startLocal: '2019-11-20T10:00' } }).ok).toBe(true);
  });

  it('refuses a move into a clash with another visit, and changes nothing', () => {
    const visit = booked({ at: '2019-11-05T09:00' });
    booked({ requestId: w.dayRequestId, at: '2019-11-06T09:00' });
    const result = rescheduleVisit(db, { ...actor(), visitId: visit.id, when: { startLocal: '2019-11-06T11:00' } });
    expect(refusalCode(result)).toBe('supporter_busy');
    expect(db.select().from(visits).where(eq(visits.id, visit.id)).get()).toMatchObject({ startsAt: visit.startsAt, sequence: 0 });
  });

  it('refuses a move to the supporter’s own home region, after the cut-off, or to a missing time', () => {
    const visit = booked();
    expect(refusalCode(rescheduleVisit(db, { ...actor(), visitId: visit.id, supporterId: w.local }))).toBe('conflict_of_interest');
    expect(refusalCode(rescheduleVisit(db, { ...actor(), visitId: visit.id, when: { startLocal: '2019-12-01T00:00' } }))).toBe(
      'after_cut_off',
    );
    expect(refusalCode(rescheduleVisit(db, { ...actor(), visitId: visit.id, when: { startLocal: '2019-10-27T02:15' } }))).toBe(
      'ambiguous_local_time',
    );
  });

  it('rule 7: a held or cancelled visit cannot be moved', () => {
    const held = booked({ at: '2019-10-01T09:00' });
    recordVisitHeld(db, { ...actor(), now: LATER, visitId: held.id, minutesSpent: 60, report: '', reportVisibleToRegion: false });
    const cancelled = booked({ at: '2019-10-02T09:00' });
    cancelVisit(db, { ...actor(), visitId: cancelled.id, reason: 'x' });
    expect(refusalCode(rescheduleVisit(db, { ...actor(), visitId: held.id, location: 'Goes' }))).toBe('held_visit_cannot_move');
    expect(refusalCode(rescheduleVisit(db, { ...actor(), visitId: cancelled.id, location: 'Goes' }))).toBe(
      'cancelled_visit_cannot_move',
    );
  });
});

describe('cancelVisit', () => {
  it('gives back the days and the critical-friend slot, raises the sequence, keeps the reason', () => {
    const day = booked({ requestId: w.dayRequestId, at: '2019-06-03T09:00', minutes: 480 });
    const cf = booked({ at: '2019-06-04T09:00' });
    expect(regionLedger(db, w.regionId, 2019)).toMatchObject({ planned: 2, remaining: 8, criticalFriendUsed: 1 });

    const result = cancelVisit(db, { ...actor(), visitId: day.id, reason: '  school gesloten ' });
    expect(result).toMatchObject({ ok: true, visit: { status: 'cancelled', sequence: 1, cancelReason: 'school gesloten' } });
    cancelVisit(db, { ...actor(), visitId: cf.id, reason: 'verzet' });
    expect(regionLedger(db, w.regionId, 2019)).toMatchObject({ planned: 0, remaining: 10, criticalFriendUsed: 0 });
    expect(auditRows(day.id)[1]).toMatchObject({ action: 'visit.cancelled', reason: 'school gesloten' });
  });

  it('needs a reason and refuses a held or already cancelled visit', () => {
    const visit = booked();
    expect(refusalCode(cancelVisit(db, { ...actor(), visitId: visit.id, reason: ' ' }))).toBe('reason_required');
    cancelVisit(db, { ...actor(), visitId: visit.id, reason: 'x' });
    expect(refusalCode(cancelVisit(db, { ...actor(), visitId: visit.id, reason: 'x' }))).toBe('visit_already_cancelled');
    const held = booked({ at: '2019-10-01T09:00' });
    recordVisitHeld(db, { ...actor(), now: LATER, visitId: held.id, minutesSpent: 60, report: '', reportVisibleToRegion: false });
    expect(refusalCode(cancelVisit(db, { ...actor(), visitId: held.id, reason: 'x' }))).toBe('held_visit_cannot_be_cancelled');
  });
});

describe('recordVisitHeld', () => {
  it('turns planned days into used days once the visit has started', () => {
    const visit = booked({ requestId: w.dayRequestId, at: '2019-06-03T09:00', minutes: 480 });
    const early = recordVisitHeld(db, { ...actor(), now: ams('2019-06-03T08:59'), visitId: visit.id, minutesSpent: 0, report: '', reportVisibleToRegion: false });
    expect(refusalCode(early)).toBe('visit_not_started');
    const held = recordVisitHeld(db, {
      ...actor(),
      now: ams('2019-06-03T09:00'),
      visitId: visit.id,
      minutesSpent: 420,
      report: ' Goed gesprek. ',
      reportVisibleToRegion: true,
    });
    expect(held).toMatchObject({ ok: true, visit: { status: 'held', minutesSpent: 420, report: 'Goed gesprek.', reportVisibleToRegion: true, sequence: 1 } });
    expect(regionLedger(db, w.regionId, 2019)).toMatchObject({ planned: 0, used: 2, remaining: 8 });
    expect(auditRows(visit.id).map((r) => r.action)).toEqual(['visit.scheduled', 'visit.held']);
  });

  it('refuses a cancelled visit', () => {
    const visit = booked();
    cancelVisit(db, { ...actor(), visitId: visit.id, reason: 'x' });
    const result = recordVisitHeld(db, { ...actor(), now: LATER, visitId: visit.id, minutesSpent: 60, report: '', reportVisibleToRegion: false });
    expect(refusalCode(result)).toBe('cancelled_visit_cannot_be_held');
  });
});

describe('addUnavailability', () => {
  it('allows a block over a planned visit but returns the clash as a warning', () => {
    const visit = booked();
    const result = addUnavailability(db, { ...actor(), supporterId: w.anna, when: { startLocal: '2019-11-05T11:00', endLocal: '2019-11-05T17:00' }, reason: 'tandarts' });
    expect(result).toMatchObject({ ok: true, block: { reason: 'tandarts' }, clashingVisits: [expect.objectContaining({ id: visit.id })] });
    const touching = addUnavailability(db, { ...actor(), supporterId: w.anna, when: { startLocal: '2019-11-05T12:00', endLocal: '2019-11-05T13:00' } });
    expect(touching).toMatchObject({ ok: true, clashingVisits: [] });
    expect(refusalCode(addUnavailability(db, { ...actor(), supporterId: w.coordinatorId, when: { startLocal: '2019-11-05T12:00' } }))).toBe(
      'not_a_supporter',
    );
  });
});

describe('prepared statements', () => {
  it('are built once per connection and shared with its transactions', () => {
    const build = vi.fn(() => ({}));
    const statementsFor = perConnection(build);
    const mine = statementsFor(db);
    db.transaction((tx) => expect(statementsFor(tx)).toBe(mine), { behavior: 'immediate' });
    expect(build).toHaveBeenCalledTimes(1);
    const other = createTestDb();
    try {
      expect(statementsFor(other.db)).not.toBe(mine);
    } finally {
      other.close();
    }
  });
});

describe('the request history the region sees', () => {
  it('gets a line for every visit change, whoever makes it, in the contact’s language', () => {
    const visit = booked({ at: '2019-11-05T09:00' });
    expect(rescheduleVisit(db, { ...actor(), visitId: visit.id, when: { startLocal: '2019-11-06T09:00', durationMinutes: 180 } }).ok).toBe(true);
    expect(cancelVisit(db, { ...actor(), visitId: visit.id, reason: 'Ziekte' }).ok).toBe(true);
    const lines = db
      .select({ kind: requestEvents.kind, message: requestEvents.message, visible: requestEvents.visibleToRegion })
      .from(requestEvents)
      .where(eq(requestEvents.requestId, w.cfRequestId))
      .all()
      .filter((e) => e.kind.startsWith('visit_'));
    expect(lines).toEqual([
      { kind: 'visit_scheduled', message: 'dinsdag 5 november 2019 09:00–12:00', visible: true },
      { kind: 'visit_moved', message: 'woensdag 6 november 2019 09:00–12:00', visible: true },
      { kind: 'visit_cancelled', message: 'woensdag 6 november 2019 09:00–12:00: Ziekte', visible: true },
    ]);
  });
});
