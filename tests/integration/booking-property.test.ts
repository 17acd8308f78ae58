/**
 * Property: whatever sequence of schedule / reschedule / cancel / hold / adjust / allot / block the
 * team throws at a small world, the database never shows a region over a cap, a ledger below zero,
 * a supporter in two places at once, a visit after its type's cut-off or in its supporter's home
 * region. Checked by SQL over the tables after every step.
 */
import fc from 'fast-check';
import { asc, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '~db/client';
import { visits } from '~db/schema';
import { REFUSAL_CODES } from '~/domain/refusals';
import { amsterdamYear } from '~/domain/time';
import { adjustDays, setAllotment } from '~/services/ledger.server';
import { addUnavailability } from '~/services/unavailability.server';
import { cancelVisit, recordVisitHeld, rescheduleVisit, scheduleVisit } from '~/services/visits.server';
import { createTestDb } from '../helpers/db';
import {
  insertCoordinator,
  insertCriticalFriendType,
  insertDayType,
  insertRegion,
  insertRequest,
  insertSupporter,
  LATER,
  setDefaultHalfDays,
} from '../helpers/fixtures';

/** Days around the cut-off and the year edge; hours and lengths that touch, overlap and span days. */
const DAYS = ['2019-11-28', '2019-11-29', '2019-11-30', '2019-12-01', '2019-12-31', '2020-01-01', '2020-01-02'];
const HOURS = ['08:00', '09:00', '10:30', '12:00', '13:00', '15:00', '23:00'];
const LENGTHS = [60, 120, 180, 240, 300, 480, 1500];

function buildWorld(db: Db) {
  const regionA = insertRegion(db, { name: 'Zeeland' });
  const regionB = insertRegion(db, { name: 'Twente' });
  const coordinatorId = insertCoordinator(db);
  const supporters = [
    insertSupporter(db, { name: 'Anna', homeRegionId: regionA }),
    insertSupporter(db, { name: 'Bram', homeRegionId: regionB }),
    insertSupporter(db, { name: 'Chris', homeRegionId: null }),
  ];
  const criticalFriend = insertCriticalFriendType(db);
  const dayType = insertDayType(db);
  const requests = [regionA, regionB].flatMap((regionId) => [
    insertRequest(db, { regionId, supportTypeId: criticalFriend }),
    insertRequest(db, { regionId, supportTypeId: dayType }),
  ]);
  setDefaultHalfDays(db, 4); // two days a year: the ledger fills up quickly
  return { regions: [regionA, regionB], coordinatorId, supporters, requests };
}

const slot = fc.record({
  day: fc.integer({ min: 0, max: DAYS.length - 1 }),
  hour: fc.integer({ min: 0, max: HOURS.length - 1 }),
  length: fc.integer({ min: 0, max: LENGTHS.length - 1 }),
});
const when = (s: { day: number; hour: number; length: number }) => ({
  startLocal: `${DAYS[s.day]}T${HOURS[s.hour]}`,
  durationMinutes: LENGTHS[s.length],
});

const command = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('schedule' as const), request: fc.nat(3), supporter: fc.nat(2), slot, halfDays: fc.option(fc.nat(3), { nil: undefined }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), pick: fc.nat(), supporter: fc.option(fc.nat(2), { nil: undefined }), slot: fc.option(slot, { nil: undefined }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hold' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('adjust' as const), region: fc.nat(1), year: fc.constantFrom(2019, 2020), delta: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('allot' as const), region: fc.nat(1), year: fc.constantFrom(2019, 2020), halfDays: fc.nat(6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), supporter: fc.nat(2), slot }) },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

function run(db: Db, world: ReturnType<typeof buildWorld>, c: Command): { ok: boolean; refusal?: { code: string } } {
  const actor = { actorUserId: world.coordinatorId, now: LATER };
  const visitIds = db.select({ id: visits.id }).from(visits).orderBy(asc(visits.id)).all().map((v) => v.id);
  const pick = (n: number) => visitIds[n % visitIds.length];
  switch (c.kind) {
    case 'schedule':
      return scheduleVisit(db, {
        ...actor,
        requestId: world.requests[c.request]!,
        supporterId: world.supporters[c.supporter]!,
        when: when(c.slot),
        halfDays: c.halfDays,
      });
    case 'reschedule': {
      const visitId = pick(c.pick);
      if (visitId === undefined) return { ok: true };
      return rescheduleVisit(db, {
        ...actor,
        visitId,
        supporterId: c.supporter === undefined ? undefined : world.supporters[c.supporter],
        when: c.slot && when(c.slot),
      });
    }
    case 'cancel': {
      const visitId = pick(c.pick);
      return visitId === undefined ? { ok: true } : cancelVisit(db, { ...actor, visitId, reason: 'property' });
    }
    case 'hold': {
      const visitId = pick(c.pick);
      if (visitId === undefined) return { ok: true };
      return recordVisitHeld(db, { ...actor, visitId, minutesSpent: 60, report: '', reportVisibleToRegion: false });
    }
    case 'adjust':
      return adjustDays(db, { ...actor, regionId: world.regions[c.region]!, year: c.year, deltaHalfDays: c.delta, reason: 'property' });
    case 'allot':
      return setAllotment(db, { ...actor, regionId: world.regions[c.region]!, year: c.year, halfDays: c.halfDays, reason: 'property' });
    case 'block':
      return addUnavailability(db, { ...actor, supporterId: world.supporters[c.supporter]!, when: when(c.slot) });
  }
}

/** Every invariant, straight from the tables. Each query lists the offending rows (expected: none). */
function violations(db: Db) {
  const rows = (query: ReturnType<typeof sql>) => db.all<Record<string, unknown>>(query);
  return {
    overCap: rows(sql`
      SELECT v.region_id, v.support_type_id, count(*) AS n, t.cap_per_region AS cap
      FROM visits v JOIN support_types t ON t.id = v.support_type_id
      WHERE v.status IN ('planned', 'held') AND t.cap_per_region IS NOT NULL
      GROUP BY v.region_id, v.support_type_id HAVING count(*) > t.cap_per_region`),
    ledgerBelowZero: rows(sql`
      WITH keys AS (
        SELECT region_id, ledger_year AS year FROM visits
        UNION SELECT region_id, year FROM day_adjustments
        UNION SELECT region_id, year FROM day_allotments
      )
      SELECT k.region_id, k.year,
        coalesce((SELECT half_days FROM day_allotments d WHERE d.region_id = k.region_id AND d.year = k.year),
                 (SELECT value FROM settings WHERE key = 'default_half_days_per_year'), 10)
        + (SELECT coalesce(sum(delta_half_days), 0) FROM day_adjustments a WHERE a.region_id = k.region_id AND a.year = k.year)
        - (SELECT coalesce(sum(half_days), 0) FROM visits v
           WHERE v.region_id = k.region_id AND v.ledger_year = k.year AND v.status IN ('planned', 'held')) AS remaining
      FROM keys k WHERE remaining < 0`),
    doubleBooked: rows(sql`
      SELECT a.id AS a, b.id AS b FROM visits a JOIN visits b
        ON a.supporter_id = b.supporter_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
      WHERE a.status != 'cancelled' AND b.status != 'cancelled'`),
    afterCutOff: rows(sql`
      SELECT v.id FROM visits v JOIN support_types t ON t.id = v.support_type_id
      WHERE t.bookable_until IS NOT NULL AND v.starts_at >= t.bookable_until`),
    homeRegion: rows(sql`
      SELECT v.id FROM visits v JOIN users u ON u.id = v.supporter_id WHERE u.home_region_id = v.region_id`),
    wrongLedgerYear: db
      .select({ id: visits.id, startsAt: visits.startsAt, ledgerYear: visits.ledgerYear })
      .from(visits)
      .all()
      .filter((v) => amsterdamYear(v.startsAt) !== v.ledgerYear),
  };
}

const NONE = { overCap: [], ledgerBelowZero: [], doubleBooked: [], afterCutOff: [], homeRegion: [], wrongLedgerYear: [] };

describe('booking invariants under random sequences of use cases', () => {
  it('never over a cap, never below zero days, never double-booked', () => {
    let successes = 0;
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 40, size: 'max' }), (commands) => {
        const { db, close } = createTestDb();
        try {
          const world = buildWorld(db);
          for (const c of commands) {
            const result = run(db, world, c);
            if (result.ok) successes += 1;
            else expect(REFUSAL_CODES).toContain(result.refusal!.code);
            expect(violations(db)).toEqual(NONE);
          }
        } finally {
          close();
        }
      }),
      { numRuns: 150 },
    );
    // The world is small enough that plenty of steps succeed (the property isn't vacuous).
    expect(successes).toBeGreaterThan(500);
  }, 120_000);
});
