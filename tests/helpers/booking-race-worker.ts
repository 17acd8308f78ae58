/**
 * One contender in the booking race (tests/integration/booking-race.test.ts). Runs in its own worker
 * thread with its OWN connection to the shared SQLite file; waits for the start signal, tries to book
 * once, and reports the outcome (ok, a refusal code, or an error message).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '~db/client';
import { scheduleVisit, type ScheduleVisitInput } from '~/services/visits.server';
import { serveAttempts } from './race-worker';

export type RaceOutcome = { ok: true; visitId: number } | { ok: false; code: string } | { error: string };

const { dbFile } = workerData as { dbFile: string };
const db = openDatabase(dbFile);

serveAttempts<ScheduleVisitInput, RaceOutcome>(
  parentPort!,
  (input) => {
    const result = scheduleVisit(db, input);
    return result.ok ? { ok: true, visitId: result.visit.id } : { ok: false, code: result.refusal.code };
  },
  () => db.$client.close(),
);
