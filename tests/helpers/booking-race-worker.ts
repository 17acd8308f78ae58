/**
 * One contender in the booking race (tests/integration/booking-race.test.ts). Runs in its own worker
 * thread with its OWN connection to the shared SQLite file; waits for the start signal, tries to book
 * once, and reports the outcome (ok, a refusal code, or an error message).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '~db/client';
import { scheduleVisit, type ScheduleVisitInput } from '~/services/visits.server';

export type RaceOutcome = { ok: true; visitId: number } | { ok: false; code: string } | { error: string };

const { dbFile } = workerData as { dbFile: string };
const db = openDatabase(dbFile);
const port = parentPort!;

export type RaceAttempt = { input: ScheduleVisitInput; start: Int32Array };

port.on('message', (message: RaceAttempt | 'close') => {
  if (message === 'close') {
    db.$client.close();
    port.close();
    return;
  }
  // Every contender says it is in position, then blocks until the parent releases all at once.
  port.postMessage('waiting');
  Atomics.wait(message.start, 0, 0);
  let outcome: RaceOutcome;
  try {
    const result = scheduleVisit(db, message.input);
    outcome = result.ok ? { ok: true, visitId: result.visit.id } : { ok: false, code: result.refusal.code };
  } catch (error) {
    outcome = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(outcome);
});

port.postMessage('ready');
