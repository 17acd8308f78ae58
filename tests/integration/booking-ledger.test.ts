import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '~db/client';
import { auditEvents, dayAllotments, settings, supportTypes } from '~db/schema';
import { adjustDays, setAllotment } from '~/services/ledger.server';
import {
  allRegionsOverview,
  regionLedger,
  supporterLoads,
  supporterPlannedHalfDays,
  supporterVisits,
} from '~/services/read-models.server';
import { setDefaultDaysPerYear, updateSupportTypeRules } from '~/services/support-types.server';
import { removeUnavailability, addUnavailability } from '~/services/unavailability.server';
import { cancelVisit, recordVisitHeld, scheduleVisit } from '~/services/visits.server';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld, insertRegion, insertRequest, LATER, setDefaultHalfDays } from '../helpers/fixtures';

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
const code = (r: { ok: boolean; refusal?: { code: string } }) => (r.ok ? 'ok' : r.refusal!.code);
const lastAudit = () => db.select().from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1);

function bookDay(at: string, minutes: number, requestId = w.dayRequestId, supporterId = w.anna) {
  // Holidays confirmed: these tests are about the ledger (10 June 2019 is Tweede Pinksterdag).
  const r = scheduleVisit(db, { ...actor(), requestId, supporterId, when: { startLocal: at, durationMinutes: minutes }, confirmHolidays: true });
  if (!r.ok) throw new Error(r.refusal.code);
  return r.visit;
}

describe('the days ledger', () => {
  it('defaults to 5 days (10 half-days), or the setting', () => {
    expect(regionLedger(db, w.regionId, 2019)).toMatchObject({ allotted: 10, planned: 0, used: 0, remaining: 10 });
    setDefaultHalfDays(db, 6);
    expect(regionLedger(db, w.regionId, 2019).allotted).toBe(6);
  });

  it('sets an allotment per region and year with a reason, audited', () => {
    const result = setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 7, reason: ' groot plan ' });
    expect(result).toEqual({ ok: true, ledger: { allotted: 7, planned: 0, used: 0, remaining: 7 } });
    expect(db.select().from(dayAllotments).all()).toEqual([
      { regionId: w.regionId, year: 2019, halfDays: 7, reason: 'groot plan', setById: w.coordinatorId, setAt: NOW },
    ]);
    expect(lastAudit()).toMatchObject({
      action: 'ledger.allotment_set',
      regionId: w.regionId,
      reason: 'groot plan',
      before: expect.objectContaining({ allotmentHalfDays: null, allotted: 10 }),
      after: expect.objectContaining({ allotmentHalfDays: 7, allotted: 7 }),
    });
    // Again for the same year: the row is replaced, adjustments stay on top.
    adjustDays(db, { ...actor(), regionId: w.regionId, year: 2019, deltaHalfDays: 1, reason: 'extra' });
    expect(setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 4, reason: 'herzien' })).toMatchObject({
      ok: true,
      ledger: { allotted: 5 },
    });
    expect(regionLedger(db, w.regionId, 2020).allotted).toBe(10);
  });

  it('refuses an allotment below what is booked, without a reason, or not whole', () => {
    bookDay('2019-06-03T09:00', 480);
    bookDay('2019-06-04T09:00', 240);
    expect(code(setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 2, reason: 'x' }))).toBe('ledger_would_go_negative');
    expect(code(setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 3, reason: '' }))).toBe('reason_required');
    expect(code(setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 3.5, reason: 'x' }))).toBe('invalid_half_days');
    expect(setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 3, reason: 'x' }).ok).toBe(true);
  });

  it('adds and removes days with a reason; a removal may not overdraw', () => {
    bookDay('2019-06-03T09:00', 480); // 2 planned
    const held = bookDay('2019-06-04T09:00', 480); // 2 more
    recordVisitHeld(db, { ...actor(), now: LATER, visitId: held.id, minutesSpent: 400, report: '', reportVisibleToRegion: false });
    expect(adjustDays(db, { ...actor(), regionId: w.regionId, year: 2019, deltaHalfDays: 3, reason: 'extra vraag' })).toMatchObject({
      ok: true,
      ledger: { allotted: 13, planned: 2, used: 2, remaining: 9 },
    });
    const tooMuch = adjustDays(db, { ...actor(), regionId: w.regionId, year: 2019, deltaHalfDays: -10, reason: 'correctie' });
    expect(tooMuch).toMatchObject({ ok: false, refusal: { code: 'ledger_would_go_negative', params: { remaining: -1, regionName: 'Zeeland' } } });
    expect(adjustDays(db, { ...actor(), regionId: w.regionId, year: 2019, deltaHalfDays: -9, reason: 'correctie' }).ok).toBe(true);
    expect(regionLedger(db, w.regionId, 2019)).toMatchObject({ allotted: 4, remaining: 0 });
    expect(lastAudit()).toMatchObject({ action: 'ledger.days_adjusted', entityType: 'day_adjustment', reason: 'correctie' });
    expect(code(adjustDays(db, { ...actor(), regionId: w.regionId, year: 2019, deltaHalfDays: 1, reason: ' ' }))).toBe('reason_required');
  });

  it('changes the default days only when no region on the default would be overdrawn', () => {
    bookDay('2019-06-03T09:00', 480);
    bookDay('2019-06-04T09:00', 480);
    expect(code(setDefaultDaysPerYear(db, { ...actor(), halfDays: 3, reason: 'bezuiniging' }))).toBe('ledger_would_go_negative');
    // A region with its own allotment is not bound by the default.
    setAllotment(db, { ...actor(), regionId: w.regionId, year: 2019, halfDays: 4, reason: 'eigen afspraak' });
    expect(setDefaultDaysPerYear(db, { ...actor(), halfDays: 3, reason: 'bezuiniging' })).toEqual({ ok: true, halfDays: 3 });
    expect(db.select().from(settings).all()).toEqual([{ key: 'default_half_days_per_year', value: 3, updatedAt: NOW }]);
    expect(regionLedger(db, w.otherRegionId, 2019).allotted).toBe(3);
    expect(lastAudit()).toMatchObject({ action: 'settings.default_days_changed', before: { halfDays: 10 }, after: { halfDays: 3 } });
  });
});

describe('support type rules', () => {
  it('changes cap, cut-off, days and length with a reason, audited before and after', () => {
    const result = updateSupportTypeRules(db, {
      ...actor(),
      supportTypeId: w.criticalFriendTypeId,
      changes: { capPerRegion: 3, bookableUntil: '2020-01-01T00:00', drawsOnDays: true, defaultMinutes: 120 },
      reason: 'besluit OCW',
    });
    expect(result).toMatchObject({
      ok: true,
      supportType: { capPerRegion: 3, bookableUntil: ams('2020-01-01T00:00'), drawsOnDays: true, defaultMinutes: 120 },
      regionsOverCap: [],
    });
    expect(lastAudit()).toMatchObject({
      action: 'support_type.rules_changed',
      entityId: w.criticalFriendTypeId,
      reason: 'besluit OCW',
      before: { capPerRegion: 2, bookableUntil: ams('2019-12-01T00:00'), drawsOnDays: false, defaultMinutes: 180 },
      after: { capPerRegion: 3, bookableUntil: ams('2020-01-01T00:00'), drawsOnDays: true, defaultMinutes: 120 },
    });
    // The new rules apply to the next booking: December is bookable now, and it draws days.
    const december = scheduleVisit(db, { ...actor(), requestId: w.cfRequestId, supporterId: w.anna, when: { startLocal: '2019-12-10T09:00' } });
    expect(december).toMatchObject({ ok: true, visit: { halfDays: 1, endsAt: ams('2019-12-10T11:00') } });
  });

  it('reports regions already over a lowered cap, and can remove cap and cut-off', () => {
    for (const at of ['2019-10-01T09:00', '2019-10-02T09:00']) {
      scheduleVisit(db, { ...actor(), requestId: w.cfRequestId, supporterId: w.anna, when: { startLocal: at } });
    }
    const lowered = updateSupportTypeRules(db, { ...actor(), supportTypeId: w.criticalFriendTypeId, changes: { capPerRegion: 1 }, reason: 'x' });
    expect(lowered).toMatchObject({ ok: true, regionsOverCap: [{ regionId: w.regionId, regionName: 'Zeeland', count: 2 }] });
    const open = updateSupportTypeRules(db, {
      ...actor(),
      supportTypeId: w.criticalFriendTypeId,
      changes: { capPerRegion: null, bookableUntil: null },
      reason: 'x',
    });
    expect(open).toMatchObject({ ok: true, supportType: { capPerRegion: null, bookableUntil: null }, regionsOverCap: [] });
  });

  it('refuses bad values, a missing reason and a non-existent cut-off time', () => {
    const change = (changes: object, reason = 'x') =>
      code(updateSupportTypeRules(db, { ...actor(), supportTypeId: w.dayTypeId, changes, reason }));
    expect(change({ capPerRegion: -1 })).toBe('invalid_value');
    expect(change({ defaultMinutes: 0 })).toBe('invalid_value');
    expect(change({ capPerRegion: 2 }, '')).toBe('reason_required');
    expect(change({ bookableUntil: '2019-03-31T02:30' })).toBe('nonexistent_local_time');
    expect(db.select().from(supportTypes).where(eq(supportTypes.id, w.dayTypeId)).get()).toMatchObject({ capPerRegion: null });
  });
});

describe('read models', () => {
  it('gives every region its figures in one overview', () => {
    const third = insertRegion(db, { name: 'Achterhoek' });
    const thirdRequest = insertRequest(db, { regionId: third, supportTypeId: w.dayTypeId, status: 'submitted' });
    insertRequest(db, { regionId: third, supportTypeId: w.dayTypeId, status: 'closed' });
    setAllotment(db, { ...actor(), regionId: third, year: 2019, halfDays: 4, reason: 'x' });
    adjustDays(db, { ...actor(), regionId: third, year: 2019, deltaHalfDays: 2, reason: 'x' });
    bookDay('2019-06-03T09:00', 240, thirdRequest);
    const held = bookDay('2019-06-04T09:00', 480, thirdRequest);
    recordVisitHeld(db, { ...actor(), now: LATER, visitId: held.id, minutesSpent: 1, report: '', reportVisibleToRegion: false });
    const cancelled = bookDay('2019-06-05T09:00', 480, thirdRequest);
    cancelVisit(db, { ...actor(), visitId: cancelled.id, reason: 'x' });
    bookDay('2020-06-05T09:00', 480, thirdRequest); // another year
    scheduleVisit(db, { ...actor(), requestId: w.cfRequestId, supporterId: w.bram, when: { startLocal: '2019-10-01T09:00' } });

    const overview = allRegionsOverview(db, 2019);
    const byName = Object.fromEntries(overview.map((r) => [r.regionName, r]));
    expect(overview).toHaveLength(3);
    expect(byName.Achterhoek).toMatchObject({ allotted: 6, planned: 1, used: 2, remaining: 3, criticalFriendUsed: 0, criticalFriendCap: 2, openRequests: 1 });
    expect(byName.Zeeland).toMatchObject({ allotted: 10, planned: 0, used: 0, remaining: 10, criticalFriendUsed: 1, openRequests: 2 });
    expect(byName.Twente).toMatchObject({ allotted: 10, remaining: 10, criticalFriendUsed: 0, openRequests: 0 });
    expect(regionLedger(db, third, 2019)).toEqual(byName.Achterhoek);
    expect(regionLedger(db, third, 2020)).toMatchObject({ allotted: 10, planned: 2, remaining: 8 });
  });

  it('answers the overview in a fixed number of queries, however many regions', () => {
    const statementsFor = (run: () => unknown) => {
      const statements: string[] = [];
      const prepare = db.$client.prepare.bind(db.$client);
      db.$client.prepare = ((source: string) => {
        statements.push(source);
        return prepare(source);
      }) as typeof db.$client.prepare;
      try {
        run();
      } finally {
        db.$client.prepare = prepare;
      }
      return statements.length;
    };
    const few = statementsFor(() => expect(allRegionsOverview(db, 2019)).toHaveLength(2));
    for (let i = 0; i < 30; i++) insertRegion(db);
    const many = statementsFor(() => expect(allRegionsOverview(db, 2019)).toHaveLength(32));
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });

  it('lists a supporter’s visits in a range and their planned days', () => {
    const a = bookDay('2019-06-03T09:00', 480);
    const b = bookDay('2019-06-10T09:00', 240); // Tweede Pinksterdag: confirmed in bookDay
    const c = bookDay('2019-06-17T09:00', 240);
    cancelVisit(db, { ...actor(), visitId: c.id, reason: 'x' });
    bookDay('2019-06-03T09:00', 240, w.dayRequestId, w.bram);

    const june = supporterVisits(db, w.anna, ams('2019-06-01T00:00'), ams('2019-07-01T00:00'));
    expect(june.map((v) => v.id)).toEqual([a.id, b.id]);
    expect(june[0]).toMatchObject({ regionName: 'Zeeland', supportTypeKey: 'theme_support', halfDays: 2 });
    expect(supporterVisits(db, w.anna, ams('2019-06-01T00:00'), ams('2019-07-01T00:00'), { includeCancelled: true })).toHaveLength(3);
    // The range is half-open and catches a visit running into it.
    expect(supporterVisits(db, w.anna, ams('2019-06-03T17:00'), ams('2019-06-10T09:00'))).toEqual([]);
    expect(supporterVisits(db, w.anna, ams('2019-06-03T16:59'), ams('2019-06-10T09:01')).map((v) => v.id)).toEqual([a.id, b.id]);

    expect(supporterPlannedHalfDays(db, w.anna, 2019)).toBe(3);
    const loads = supporterLoads(db, 2019);
    expect(loads.map((l) => l.name)).toEqual(['Anna Adviseur', 'Bram Begeleider', 'Lotte Lokaal']);
    expect(loads[0]).toMatchObject({ plannedVisits: 2, heldVisits: 0, plannedHalfDays: 3, usedHalfDays: 0 });
    expect(loads[1]).toMatchObject({ plannedVisits: 1, plannedHalfDays: 1 });
    expect(loads[2]).toMatchObject({ plannedVisits: 0, plannedHalfDays: 0 });
  });

  it('removes an unavailability block with an audit row', () => {
    const added = addUnavailability(db, { ...actor(), supporterId: w.anna, when: { startLocal: '2019-06-03T00:00' } });
    if (!added.ok) throw new Error(added.refusal.code);
    expect(added.block.endsAt - added.block.startsAt).toBe(24 * 3600_000);
    expect(removeUnavailability(db, { ...actor(), blockId: added.block.id })).toMatchObject({ ok: true });
    expect(lastAudit()).toMatchObject({ action: 'unavailability.removed', entityId: added.block.id });
    expect(() => removeUnavailability(db, { ...actor(), blockId: added.block.id })).toThrow(/not found/);
  });
});
