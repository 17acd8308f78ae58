/**
 * The race: many contenders, each in its own worker thread with its own SQLite connection to the
 * same file, try to take the last place at the same instant. BEGIN IMMEDIATE plus the busy timeout
 * must let exactly the allowed number through; the rest get the refusal, nobody an error.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAllotment } from '~/services/ledger.server';
import { regionLedger } from '~/services/read-models.server';
import { scheduleVisit, type ScheduleVisitInput } from '~/services/visits.server';
import type { RaceOutcome } from '../helpers/booking-race-worker';
import { Contender, race as raceAll } from '../helpers/race';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld, insertRegion, insertRequest, insertSupporter, insertSupportType } from '../helpers/fixtures';

const CONTENDERS = 50;
const WORKER_FILE = path.resolve(__dirname, '../helpers/booking-race-worker.ts');

type BookingContender = Contender<ScheduleVisitInput>;
const race = (contenders: BookingContender[], inputs: ScheduleVisitInput[]) => raceAll<ScheduleVisitInput, RaceOutcome>(contenders, inputs);

function tally(outcomes: RaceOutcome[]) {
  const errors = outcomes.filter((o): o is { error: string } => 'error' in o);
  const succeeded = outcomes.filter((o) => 'ok' in o && o.ok);
  const refusals = outcomes.flatMap((o) => ('ok' in o && !o.ok ? [o.code] : []));
  return { errors, succeeded: succeeded.length, refusals };
}

describe(`booking race between ${CONTENDERS} connections`, () => {
  const { db, file, close } = createTestDb();
  const world = bookingWorld(db);
  const now = ams('2019-09-01T12:00');
  const actor = { actorUserId: world.coordinatorId, now };
  // Enough supporters from elsewhere that nobody's diary decides the race.
  const supporters = [world.anna, world.bram, insertSupporter(db), insertSupporter(db), insertSupporter(db)];
  const contenders: BookingContender[] = [];

  /** Attempt i: its own day (no clashes), a supporter in turn, 3 hours (one half-day); holidays confirmed (the race is about the caps). */
  const attempts = (requestId: number, firstDay: string): ScheduleVisitInput[] =>
    Array.from({ length: CONTENDERS }, (_, i) => {
      const startsAt = ams(`${firstDay}T10:00`) + i * 24 * 60 * 60 * 1000;
      return { ...actor, requestId, supporterId: supporters[i % supporters.length]!, when: { startsAt, endsAt: startsAt + 3 * 3600_000 }, confirmHolidays: true };
    });

  // A region and a free, uncapped type where every contender books once, one after another, before
  // the races: each connection then has its statements prepared and its code warm, so a race is
  // decided by the rules and the lock alone (and no cold start holds the lock for long).
  const warmUpRegion = insertRegion(db, { name: 'Warming-up' });
  const warmUpRequest = insertRequest(db, { regionId: warmUpRegion, supportTypeId: insertSupportType(db, { drawsOnDays: false }) });

  beforeAll(async () => {
    for (let i = 0; i < CONTENDERS; i++) contenders.push(new Contender<ScheduleVisitInput>(WORKER_FILE, file));
    const ready = await Promise.all(contenders.map((c) => c.next()));
    expect(ready.every((m) => m === 'ready')).toBe(true);
    const warmUps = attempts(warmUpRequest, '2018-01-01');
    for (const [i, contender] of contenders.entries()) {
      expect(await race([contender], [warmUps[i]!])).toEqual([{ ok: true, visitId: expect.any(Number) }]);
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all(contenders.map((c) => c.close()));
    close();
  });

  it('lets exactly one contender take the last critical-friend slot', async () => {
    const first = scheduleVisit(db, {
      ...actor,
      requestId: world.cfRequestId,
      supporterId: world.anna,
      when: { startLocal: '2019-09-20T10:00', durationMinutes: 180 },
    });
    expect(first.ok).toBe(true);

    const outcomes = await race(contenders, attempts(world.cfRequestId, '2019-10-01'));
    const { errors, succeeded, refusals } = tally(outcomes);
    expect(errors).toEqual([]);
    expect(succeeded).toBe(1);
    expect(refusals).toEqual(Array(CONTENDERS - 1).fill('cap_reached'));
    expect(regionLedger(db, world.regionId, 2019).criticalFriendUsed).toBe(2);
  });

  it('lets exactly one contender take the last half day of a region', async () => {
    expect(setAllotment(db, { ...actor, regionId: world.regionId, year: 2020, halfDays: 1, reason: 'race' }).ok).toBe(true);

    const outcomes = await race(contenders, attempts(world.dayRequestId, '2020-02-03'));
    const { errors, succeeded, refusals } = tally(outcomes);
    expect(errors).toEqual([]);
    expect(succeeded).toBe(1);
    expect(refusals).toEqual(Array(CONTENDERS - 1).fill('days_exhausted'));
    expect(regionLedger(db, world.regionId, 2020)).toMatchObject({ allotted: 1, planned: 1, remaining: 0 });
  });

  it('lets exactly as many through as there are half days left', async () => {
    expect(setAllotment(db, { ...actor, regionId: world.regionId, year: 2021, halfDays: 3, reason: 'race' }).ok).toBe(true);

    const outcomes = await race(contenders, attempts(world.dayRequestId, '2021-03-01'));
    const { errors, succeeded, refusals } = tally(outcomes);
    expect(errors).toEqual([]);
    expect(succeeded).toBe(3);
    expect(refusals).toEqual(Array(CONTENDERS - 3).fill('days_exhausted'));
    expect(regionLedger(db, world.regionId, 2021)).toMatchObject({ allotted: 3, planned: 3, remaining: 0 });
  });
});
