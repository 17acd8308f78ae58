/**
 * One contender in the meeting sign-up race (tests/integration/meeting-race.test.ts): its own
 * connection to the shared SQLite file, one sign-up per release.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { signUp, type SignUpInput } from '~/services/meeting-signups.server';
import { openDatabase } from '~db/client';
import { serveAttempts } from './race-worker';

export type MeetingRaceAttempt = { input: SignUpInput; now: number; ip: string };
export type MeetingRaceOutcome = { ok: true; status: string } | { ok: false; code: string } | { error: string };

const { dbFile } = workerData as { dbFile: string };
const db = openDatabase(dbFile);

serveAttempts<MeetingRaceAttempt, MeetingRaceOutcome>(
  parentPort!,
  ({ input, now, ip }) => {
    const result = signUp(db, input, { now, ip });
    if (result.ok) return { ok: true, status: result.status };
    return { ok: false, code: result.problem === 'refused' ? result.refusal.code : result.problem };
  },
  () => db.$client.close(),
);
