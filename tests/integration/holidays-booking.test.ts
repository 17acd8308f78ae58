import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { auditEvents, outbox, regions, visits } from '~db/schema';
import { setRegionHolidayZone } from '~/services/holidays.server';
import { proposeMyVisit } from '~/services/supporter-work.server';
import { rescheduleVisit, scheduleVisit } from '~/services/visits.server';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld, insertHerfstvakantie2019, insertRegion, insertRequest } from '../helpers/fixtures';
import { schoolHolidays, supportRequests } from '~db/schema';
import { demoHolidays } from '~db/demo/holidays';
import { demoRegions } from '~db/demo/regions';
import { seedDemoDataIfEmpty } from '~db/seed';
import { regionZone } from '~/domain/holidays';

const NOW = ams('2019-09-01T12:00');

let db: Db;
let close: () => void;
let w: ReturnType<typeof bookingWorld>;

beforeEach(() => {
  ({ db, close } = createTestDb());
  w = bookingWorld(db); // the region's province is Zeeland: zone zuid
  insertHerfstvakantie2019(db);
});
afterEach(() => close());

const actor = () => ({ actorUserId: w.coordinatorId, now: NOW });
const visitCount = () => db.select({ n: count() }).from(visits).get()!.n;
const auditActions = () => db.select({ action: auditEvents.action }).from(auditEvents).all().map((r) => r.action);
const outboxCount = () => db.select({ n: count() }).from(outbox).get()!.n;

function book(at: string, extra: { confirmHolidays?: boolean; requestId?: number } = {}) {
  return scheduleVisit(db, {
    ...actor(),
    requestId: extra.requestId ?? w.cfRequestId,
    supporterId: w.anna,
    when: { startLocal: at, durationMinutes: 180 },
    confirmHolidays: extra.confirmHolidays,
  });
}

describe('holiday warnings when booking', () => {
  it('warns for a visit in the herfstvakantie of the region’s zone and writes nothing', () => {
    const result = book('2019-10-15T09:00');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.code).toBe('holiday_warning');
    expect(result.refusal.params).toMatchObject({ regionName: 'Zeeland', hits: [{ kind: 'school', zone: 'zuid', name: 'Herfstvakantie' }] });
    expect([visitCount(), outboxCount(), auditActions()]).toEqual([0, 0, []]);
  });

  it('books when confirmed and records the confirmation in the audit log', () => {
    const result = book('2019-10-15T09:00', { confirmHolidays: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(visitCount()).toBe(1);
    const row = db.select().from(auditEvents).where(eq(auditEvents.action, 'visit.holiday_confirmed')).get();
    expect(row).toMatchObject({ entityType: 'visit', entityId: result.visit.id, regionId: w.regionId, actorUserId: w.coordinatorId });
    expect(row!.after).toMatchObject({ holidays: [{ kind: 'school', name: 'Herfstvakantie', zone: 'zuid', dates: ['2019-10-15'] }] });
    expect(auditActions()).toEqual(['visit.scheduled', 'visit.holiday_confirmed']);
  });

  it('books a school day without a warning and without a confirmation row', () => {
    // 22 October is in the herfstvakantie of noord and midden, not of zuid.
    expect(book('2019-10-22T09:00').ok).toBe(true);
    expect(auditActions()).toEqual(['visit.scheduled']);
  });

  it('still refuses first: a refusal wins over a holiday warning', () => {
    const other = insertRequest(db, { regionId: w.regionId, supportTypeId: w.criticalFriendTypeId });
    expect(book('2019-11-05T09:00').ok).toBe(true);
    expect(book('2019-11-12T09:00', { requestId: other }).ok).toBe(true);
    const third = insertRequest(db, { regionId: w.regionId, supportTypeId: w.criticalFriendTypeId });
    const result = book('2019-10-15T13:00', { requestId: third });
    expect(!result.ok && result.refusal.code).toBe('cap_reached');
  });

  it('warns for a public holiday in a region without a zone (Caribisch Nederland)', () => {
    const bes = insertRegion(db, { name: 'Caribisch Nederland', province: 'Caribisch Nederland' });
    const requestId = insertRequest(db, { regionId: bes, supportTypeId: w.dayTypeId });
    const herfst = book('2019-10-15T09:00', { requestId });
    expect(herfst.ok).toBe(true);
    const christmas = book('2019-12-25T09:00', { requestId });
    expect(!christmas.ok && christmas.refusal).toMatchObject({ code: 'holiday_warning', params: { hits: [{ kind: 'public', nameNl: 'Kerstmis' }] } });
  });

  it('follows a zone the coordinator set on the region over the province default', () => {
    const result = setRegionHolidayZone(db, { ...actor(), regionId: w.regionId, zone: 'midden' });
    expect(result).toEqual({ ok: true, zone: 'midden', changed: true });
    expect(db.select({ z: regions.holidayZone }).from(regions).where(eq(regions.id, w.regionId)).get()!.z).toBe('midden');
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'region.holiday_zone_set')).get();
    expect(audit).toMatchObject({ before: { holidayZone: null, zoneInEffect: 'zuid' }, after: { holidayZone: 'midden', zoneInEffect: 'midden' } });
    expect(book('2019-10-15T09:00').ok).toBe(true); // zuid's holiday, not midden's
    const warned = book('2019-10-22T09:00');
    expect(!warned.ok && warned.refusal.code).toBe('holiday_warning');
    // Back to the province's default; the same value again changes nothing.
    expect(setRegionHolidayZone(db, { ...actor(), regionId: w.regionId, zone: 'default' })).toEqual({ ok: true, zone: 'zuid', changed: true });
    expect(setRegionHolidayZone(db, { ...actor(), regionId: w.regionId, zone: 'default' })).toMatchObject({ changed: false });
    expect(setRegionHolidayZone(db, { ...actor(), regionId: w.regionId, zone: 'oost' as never })).toEqual({ ok: false, problem: 'invalid_zone' });
  });
});

describe('holiday warnings when moving and proposing', () => {
  it('warns when new times land in a holiday, not when only the place changes', () => {
    const booked = book('2019-11-05T09:00');
    if (!booked.ok) throw new Error('booking');
    const moved = rescheduleVisit(db, { ...actor(), visitId: booked.visit.id, when: { startLocal: '2019-10-14T09:00' } });
    expect(!moved.ok && moved.refusal.code).toBe('holiday_warning');
    expect(db.select().from(visits).get()!.startsAt).toBe(ams('2019-11-05T09:00'));
    const confirmed = rescheduleVisit(db, { ...actor(), visitId: booked.visit.id, when: { startLocal: '2019-10-14T09:00' }, confirmHolidays: true });
    expect(confirmed.ok).toBe(true);
    expect(auditActions()).toEqual(['visit.scheduled', 'visit.rescheduled', 'visit.holiday_confirmed']);
    // Still in the holiday, only the place changes: no new warning.
    const place = rescheduleVisit(db, { ...actor(), visitId: booked.visit.id, location: 'Goes' });
    expect(place.ok).toBe(true);
  });

  it('warns a supporter proposing a visit, and lets them confirm', () => {
    db.update(supportRequests).set({ supporterId: w.anna, assignmentStatus: 'accepted' }).where(eq(supportRequests.id, w.dayRequestId)).run();
    const input = { supporterId: w.anna, requestId: w.dayRequestId, when: { startLocal: '2019-10-16T09:00', durationMinutes: 180 }, location: 'Goes', now: NOW };
    const warned = proposeMyVisit(db, input);
    expect(warned && !warned.ok && 'refusal' in warned && warned.refusal.code).toBe('holiday_warning');
    expect(visitCount()).toBe(0);
    const confirmed = proposeMyVisit(db, { ...input, confirmHolidays: true });
    expect(confirmed?.ok).toBe(true);
    const row = db.select().from(auditEvents).where(eq(auditEvents.action, 'visit.holiday_confirmed')).get();
    expect(row?.actorUserId).toBe(w.anna);
  });
});

describe('the demo holidays', () => {
  it('seeds 2019–2020 and the current school year, and every region but Caribisch Nederland gets a zone', async () => {
    const fresh = createTestDb();
    try {
      const summary = await seedDemoDataIfEmpty(fresh.db, { now: NOW, seeders: [demoRegions, demoHolidays] });
      expect(summary).toMatchObject({ regions: 78, schoolHolidays: 21 });
      const herfst = fresh.db.select().from(schoolHolidays).where(eq(schoolHolidays.name, 'Herfstvakantie')).all();
      expect(herfst.map((h) => `${h.zone} ${h.startDate} ${h.endDate}`).sort()).toEqual([
        'midden 2019-10-19 2019-10-27',
        'noord 2019-10-19 2019-10-27',
        'zuid 2019-10-12 2019-10-20',
      ]);
      const years = new Set(fresh.db.select({ y: schoolHolidays.schoolYear }).from(schoolHolidays).all().map((r) => r.y));
      expect([...years].sort()).toEqual(['2019-2020', '2026-2027']);
      const all = fresh.db.select({ province: regions.province, holidayZone: regions.holidayZone }).from(regions).all();
      const withoutZone = all.filter((r) => regionZone(r) === null).map((r) => r.province);
      expect(withoutZone).toEqual(['Caribisch Nederland']);
      expect(new Set(all.filter((r) => r.province === 'Gelderland').map((r) => regionZone(r)))).toEqual(new Set(['midden']));
    } finally {
      fresh.close();
    }
  });
});
