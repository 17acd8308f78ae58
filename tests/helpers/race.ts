/**
 * Races between real connections: each contender is a worker thread with its OWN SQLite connection
 * to the same file. The parent sends every contender its attempt, waits until all are in position,
 * then releases them at the same instant (Atomics on a shared buffer) and collects the outcomes.
 * Used by the booking race and the meeting sign-up race; the workers' side is race-worker.ts.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { expect } from 'vitest';

/**
 * Worker threads can't load TypeScript themselves: a tiny bootstrap registers tsx in the thread and
 * imports the worker. The packages are loaded first, straight from node_modules, so only our own
 * TypeScript goes through tsx's hooks (that halves the start-up time of fifty threads).
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  for (const m of ['drizzle-orm', 'drizzle-orm/sqlite-core', 'drizzle-orm/better-sqlite3', 'better-sqlite3', 'luxon']) {
    await import(m);
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(workerData.file);
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** A worker's messages in order, however they are batched. */
export class Contender<Attempt> {
  private readonly inbox: unknown[] = [];
  private readonly waiting: Array<(message: unknown) => void> = [];
  readonly worker: Worker;

  constructor(workerFile: string, dbFile: string) {
    this.worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { file: pathToFileURL(workerFile).href, dbFile },
    });
    this.worker.on('message', (message: unknown) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter(message);
      else this.inbox.push(message);
    });
  }

  next(): Promise<unknown> {
    if (this.inbox.length) return Promise.resolve(this.inbox.shift());
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      this.worker.once('error', reject);
    });
  }

  send(message: { input: Attempt; start: Int32Array } | 'close'): void {
    this.worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.send('close');
    await new Promise((resolve) => this.worker.once('exit', resolve));
  }
}

/** Sends one attempt to every contender, releases them together, and collects the outcomes. */
export async function race<Attempt, Outcome>(contenders: Array<Contender<Attempt>>, inputs: Attempt[]): Promise<Outcome[]> {
  const start = new Int32Array(new SharedArrayBuffer(4));
  contenders.forEach((c, i) => c.send({ input: inputs[i]!, start }));
  const positions = await Promise.all(contenders.map((c) => c.next()));
  expect(positions.every((p) => p === 'waiting')).toBe(true);
  Atomics.store(start, 0, 1);
  Atomics.notify(start, 0);
  return (await Promise.all(contenders.map((c) => c.next()))) as Outcome[];
}
