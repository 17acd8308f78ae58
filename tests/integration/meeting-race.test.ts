/**
 * The sign-up race: fifty contenders, each in its own worker thread with its own SQLite connection
 * to the same file, sign up for the same meeting at the same instant. BEGIN IMMEDIATE plus the busy
 * timeout must confirm exactly as many as there are places (in the meeting and per region) and put
 * everyone else on the waiting list, each with a position of their own; nobody gets an error.
 */
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingSignups, outbox } from '~db/schema';
import type { MeetingRaceAttempt, MeetingRaceOutcome } from '../helpers/meeting-race-worker';
import { Contender, race } from '../helpers/race';
import { createTestDb } from '../helpers/db';
import { insertCoordinator, insertRegion } from '../helpers/fixtures';
import { publishedMeeting, SIGNUP_NOW, signUpInput } from '../helpers/meeting-fixtures';

const CONTENDERS = 50;
const WORKER_FILE = path.resolve(__dirname, '../helpers/meeting-race-worker.ts');

describe(`sign-up race between ${CONTENDERS} connections`, () => {
  const { db, file, close } = createTestDb();
  const coordinatorId = insertCoordinator(db);
  const regionIds = Array.from({ length: 10 }, (_, i) => insertRegion(db, { name: `Raceregio ${i + 1}` }));
  const contenders: Array<Contender<MeetingRaceAttempt>> = [];

  const attempts = (meetingId: number, regions: number[], round: string): MeetingRaceAttempt[] =>
    Array.from({ length: CONTENDERS }, (_, i) => ({
      input: signUpInput(meetingId, regions[i % regions.length]!, { email: `${round}-${i}@example.nl` }),
      now: SIGNUP_NOW,
      ip: `10.${round.length}.0.${i}`,
    }));

  function signupsOf(meetingId: number) {
    return db.select().from(meetingSignups).where(eq(meetingSignups.meetingId, meetingId)).all();
  }

  beforeAll(async () => {
    for (let i = 0; i < CONTENDERS; i++) contenders.push(new Contender<MeetingRaceAttempt>(WORKER_FILE, file));
    const ready = await Promise.all(contenders.map((c) => c.next()));
    expect(ready.every((m) => m === 'ready')).toBe(true);
    // Each connection signs up once on its own first, so its code is warm and a race is decided by
    // the rules and the lock alone.
    const warmUp = publishedMeeting(db, coordinatorId, { capacity: 100 });
    const warmUps = attempts(warmUp, regionIds, 'warm');
    for (const [i, contender] of contenders.entries()) {
      expect(await race([contender], [warmUps[i]!])).toEqual([{ ok: true, status: 'confirmed' }]);
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all(contenders.map((c) => c.close()));
    close();
  });

  it('confirms exactly 10 of 50 for 10 places; the other 40 wait, positions 1 to 40', async () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 10 });
    const outcomes = await race<MeetingRaceAttempt, MeetingRaceOutcome>(contenders, attempts(meetingId, regionIds, 'ten'));
    expect(outcomes.filter((o) => 'error' in o)).toEqual([]);
    expect(outcomes.filter((o) => 'ok' in o && o.ok && o.status === 'confirmed')).toHaveLength(10);
    expect(outcomes.filter((o) => 'ok' in o && o.ok && o.status === 'waiting')).toHaveLength(40);
    const rows = signupsOf(meetingId);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    const invitations = db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'meeting-confirmed')))
      .all()
      .filter((m) => m.idempotencyKey.startsWith(`meeting-${meetingId}-`));
    expect(invitations).toHaveLength(10);
    const positions = db
      .select()
      .from(outbox)
      .where(eq(outbox.kind, 'meeting-waiting'))
      .all()
      .filter((m) => m.idempotencyKey.startsWith(`meeting-${meetingId}-`))
      .map((m) => Number(/Plaats op de wachtlijst: (\d+)/.exec(m.text)?.[1]))
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('holds the places per region too: 50 from 3 regions with 2 places each confirm exactly 6', async () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 10, placesPerRegion: 2 });
    const three = regionIds.slice(0, 3);
    const outcomes = await race<MeetingRaceAttempt, MeetingRaceOutcome>(contenders, attempts(meetingId, three, 'share'));
    expect(outcomes.filter((o) => 'error' in o)).toEqual([]);
    expect(outcomes.filter((o) => 'ok' in o && o.ok && o.status === 'confirmed')).toHaveLength(6);
    const confirmed = signupsOf(meetingId).filter((r) => r.status === 'confirmed');
    for (const regionId of three) expect(confirmed.filter((r) => r.regionId === regionId)).toHaveLength(2);
  });
});
