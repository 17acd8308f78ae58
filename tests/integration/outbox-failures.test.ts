/**
 * The provider and the operator failing the way they do in real life (issue 11's table), driven
 * through the real deliverer (in this process, and as `npm run mail:deliver` in a child process
 * that is stopped or killed) and the real Resend SDK against the project's fake Resend.
 *
 * Every scenario ends with the same three checks: 0 messages lost (every row delivered, and the fake
 * holds exactly one e-mail for each), 0 sent twice under a new idempotency key (every request the
 * fake saw carries the key of a row, the same key on every try), and the recovery time, measured
 * and held against its bound.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue, newPacer, startDeliveryLoop, type DeliverOptions } from '~/mail/deliver.server';
import { DEFAULT_LEASE_MS, worstRecoveryMs } from '~/mail/delivery-rules';
import { DEFAULT_LOOP_INTERVAL_MS } from '~/mail/deliver.server';
import { enqueueVisitChange } from '~/mail/notify.server';
import { createResendTransport, type MailTransport } from '~/mail/transports.server';
import type { Db } from '~db/client';
import { outbox } from '~db/schema';
import { createTestDb } from '../helpers/db';
import { startFakeResend, type FakeResend } from '../helpers/fake-resend';
import { insertVisit, seedVisitWorld, T0 } from '../helpers/visit-fixtures';

const MAIL_FROM = 'STO Ondersteuning <ondersteuning@sto.example.nl>';
const ENV_KEYS = ['RESEND_BASE_URL', 'RESEND_API_KEY', 'MAIL_FROM'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
const HOUR = 3_600_000;
const FAST_BACKOFF = { baseMs: 100, factor: 2, capMs: 400 };

let fake: FakeResend;
let db: Db;
let dbFile: string;

beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_BASE_URL = fake.url;
  process.env.RESEND_API_KEY = 're_test';
  process.env.MAIL_FROM = MAIL_FROM;
});

afterAll(async () => {
  await fake.close();
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

beforeEach(() => {
  fake.reset();
  const test = createTestDb();
  db = test.db;
  dbFile = test.file;
  return test.close;
});

/** `visits` scheduled visits: an invitation to the supporter and one to the contact each (2 rows per visit). */
function enqueueInvitations(visits: number): string[] {
  const world = seedVisitWorld(db);
  for (let i = 0; i < visits; i += 1) {
    const startsAt = Date.UTC(2019, 9, 1 + i, 8);
    const visit = insertVisit(db, world, { startsAt, endsAt: startsAt + 3 * HOUR });
    db.transaction((tx) => enqueueVisitChange(tx, { kind: 'scheduled', visitId: visit.id }, T0));
  }
  return rows().map((r) => r.idempotencyKey);
}

function rows() {
  return db.select().from(outbox).orderBy(asc(outbox.id)).all();
}

function transport(timeoutMs = 1000): MailTransport {
  return createResendTransport({ apiKey: 're_test', from: MAIL_FROM, timeoutMs });
}

/** Runs the real deliverer on the wall clock, round after round, until nothing is left to send. */
async function deliverUntilDone(options: Omit<DeliverOptions, 'now'>, deadlineMs = 20_000): Promise<void> {
  const pacer = options.pacer ?? newPacer();
  const until = Date.now() + deadlineMs;
  while (Date.now() < until && rows().some((r) => r.status === 'pending' || r.status === 'sending')) {
    const summary = await deliverDue(db, { ...options, pacer });
    if (summary.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** 0 lost, 0 sent twice under a new key. */
function expectEachDeliveredOnce(keys: string[]) {
  const written = rows();
  expect(written.map((r) => r.status)).toEqual(keys.map(() => 'delivered'));
  expect(fake.accepted.size).toBe(keys.length);
  for (const row of written) {
    const sent = fake.accepted.get(row.idempotencyKey);
    expect(sent, row.idempotencyKey).toBeDefined();
    expect(row.providerId).toBe(sent!.id);
    expect(sent!.body.to).toEqual([row.toEmail]);
  }
  const known = new Set(keys);
  expect(fake.requests.filter((r) => !known.has(r.idempotencyKey ?? '')).length).toBe(0);
}

function report(scenario: string, figures: Record<string, number | string>) {
  console.log(`[mail scenario] ${scenario}: ${Object.entries(figures).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

describe('issue 11, row by row', () => {
  it('a gateway answering 502 with a JSON body without statusCode: retried, not failed', async () => {
    const keys = enqueueInvitations(18);
    expect(keys).toHaveLength(36);
    fake.script(...keys.map(() => 'bare-502' as const));
    const started = Date.now();
    await deliverUntilDone({ transport: transport(), ratePerSecond: 200, backoff: FAST_BACKOFF, random: () => 0.5 });
    const lastAccepted = Math.max(...[...fake.accepted.values()].map((s) => s.at));
    const lastFailure = Math.max(...fake.requests.filter((r) => r.answer === 'bare-502').map((r) => r.at));

    expectEachDeliveredOnce(keys);
    // All 36 bare 502s were taken as "try again" (none failed), each message answered 200 once.
    expect(fake.requests.filter((r) => r.answer === 'bare-502')).toHaveLength(36);
    const retried = rows().filter((r) => r.attempts > 1);
    expect(retried.length).toBeGreaterThanOrEqual(18);
    expect(retried.every((r) => r.errorKind === 'provider-unavailable' && r.lastError === 'HTTP 502: Bad gateway')).toBe(true);
    for (const key of keys) expect(fake.okCount(key)).toBe(1);
    const recovery = lastAccepted - lastFailure;
    report('bare 502 ×36', { 'recovery ms': recovery, 'total ms': Date.now() - started });
    expect(recovery).toBeLessThan(FAST_BACKOFF.capMs + 2000);
  });

  it('a 4xx other than 408/429 fails at once with its reason; 408 and a cut connection are retried', async () => {
    const keys = enqueueInvitations(2);
    fake.script(422, 408, 'reset', 'html-504');
    await deliverUntilDone({ transport: transport(), ratePerSecond: 200, concurrency: 1, backoff: FAST_BACKOFF, random: () => 0.5 });
    const written = rows();
    expect(written.map((r) => [r.status, r.errorKind])).toEqual([
      ['failed', 'rejected'],
      ['delivered', 'timeout'],
      ['delivered', 'network'],
      ['delivered', 'provider-unavailable'],
    ]);
    expect(written[0]?.lastError).toBe('HTTP 422 validation_error: The `to` field is invalid.');
    expect(written[0]?.attempts).toBe(1);
    expect(fake.accepted.size).toBe(3);
    expect(new Set(fake.requests.map((r) => r.idempotencyKey))).toEqual(new Set(keys));
  });

  it('SIGTERM while sending: the deliverer gives back what it holds; after a restart all goes out at once', async () => {
    const keys = enqueueInvitations(9);
    // Two answered, then the provider hangs: the stop comes while sends are in flight.
    fake.script('ok', 'ok', ...keys.map(() => 'hang' as const));
    const child = startDeliverer();
    await waitFor(() => fake.requests.length >= 4, 15_000);
    const stoppedAt = Date.now();
    child.process.kill('SIGTERM');
    const code = await child.exited;
    const stopMs = Date.now() - stoppedAt;

    expect(code).toBe(0);
    expect(child.output()).toContain('SIGTERM received');
    const afterStop = rows();
    expect(afterStop.filter((r) => r.status === 'sending')).toEqual([]);
    expect(afterStop.filter((r) => r.status === 'delivered')).toHaveLength(2);
    // Given back due now, the attempt not counted against the row.
    for (const row of afterStop.filter((r) => r.status === 'pending')) {
      expect(row.nextAttemptAt).toBeLessThanOrEqual(Date.now());
      expect(row.attempts).toBe(0);
    }

    fake.reset();
    fake.script(); // the provider is back
    const restartedAt = Date.now();
    const stop = startDeliveryLoop(db, { transport: transport(), ratePerSecond: 200 });
    try {
      await waitFor(() => rows().every((r) => r.status === 'delivered'), 30_000);
    } finally {
      await stop();
    }
    const recovery = Date.now() - restartedAt;
    expect(rows().every((r) => r.status === 'delivered')).toBe(true);
    for (const key of keys.slice(2)) expect(fake.okCount(key), key).toBe(1);
    expect(fake.requests.every((r) => keys.includes(r.idempotencyKey ?? ''))).toBe(true);
    report('SIGTERM mid-batch', { 'stop ms': stopMs, 'recovery after restart ms': recovery });
    expect(stopMs).toBeLessThan(10_000);
    expect(recovery).toBeLessThan(30_000);
  });

  it('mail:deliver killed mid-batch: its claims expire within one lease and are sent once', async () => {
    const keys = enqueueInvitations(4);
    fake.script(...keys.map(() => 'hang' as const));
    const child = startDeliverer();
    await waitFor(() => fake.requests.length >= 4, 15_000);
    const claimed = rows().filter((r) => r.status === 'sending');
    expect(claimed.length).toBeGreaterThan(0);
    child.process.kill('SIGKILL');
    await child.exited;
    const killedAt = Date.now();

    fake.reset();
    const stop = startDeliveryLoop(db, { transport: transport(), ratePerSecond: 200 });
    try {
      await waitFor(() => rows().every((r) => r.status === 'delivered'), 40_000);
    } finally {
      await stop();
    }
    const recovery = Math.max(...[...fake.accepted.values()].map((s) => s.at)) - killedAt;
    expectEachDeliveredOnce(keys);
    report('killed mid-batch', { 'recovery ms': recovery, 'lease ms': DEFAULT_LEASE_MS });
    expect(recovery).toBeLessThanOrEqual(worstRecoveryMs(DEFAULT_LEASE_MS, DEFAULT_LOOP_INTERVAL_MS) + 1000);
    expect(recovery).toBeLessThan(60_000);
  }, 60_000);

  it('429 with Retry-After: 5 — nothing is sent for 5 s, then the rest goes out, each once', async () => {
    const keys = enqueueInvitations(6);
    fake.script('ok', 'ok', { status: 429, retryAfter: 5 });
    const started = Date.now();
    await deliverUntilDone({ transport: transport(), ratePerSecond: 50, concurrency: 1, backoff: FAST_BACKOFF, random: () => 0.5 });
    const refused = fake.requests.find((r) => typeof r.answer === 'object')!;
    const inPause = fake.requests.filter((r) => r.at > refused.at && r.at < refused.at + 5000);
    expectEachDeliveredOnce(keys);
    expect(inPause).toEqual([]);
    const resumed = Math.min(...fake.requests.filter((r) => r.at > refused.at).map((r) => r.at));
    report('429 Retry-After 5', { 'requests during pause': inPause.length, 'resumed after ms': resumed - refused.at, 'total ms': Date.now() - started });
    expect(resumed - refused.at).toBeLessThan(5000 + 1500);
    expect(rows().find((r) => r.idempotencyKey === refused.idempotencyKey)?.errorKind).toBe('rate-limited');
  }, 20_000);

  it('a provider rate limit: paced to MAIL_RATE_PER_SECOND, its 429s honoured, nothing doubled', async () => {
    const keys = enqueueInvitations(8);
    fake.rateLimit({ perSecond: 5, retryAfter: 1 });
    const started = Date.now();
    // Paced at the provider's rate: only a stray 429 at a window's edge (a busy machine can bunch
    // two sends into one window), never most of them.
    await deliverUntilDone({ transport: transport(), ratePerSecond: 5, backoff: FAST_BACKOFF, random: () => 0.5 });
    const paced = { ms: Date.now() - started, refused: fake.requests.filter((r) => typeof r.answer === 'object').length };
    expectEachDeliveredOnce(keys);
    expect(paced.refused).toBeLessThan(keys.length / 2);
    // Paced: 16 sends at 5 per second take at least 3 s (unpaced they take a few milliseconds).
    const span = Math.max(...fake.requests.map((r) => r.at)) - Math.min(...fake.requests.map((r) => r.at));
    expect(span).toBeGreaterThanOrEqual(((keys.length - 1) / 5) * 1000 - 100);

    // Configured too fast for the account: the 429s pause everything and still nothing is lost or doubled.
    fake.reset();
    db.update(outbox).set({ status: 'pending', attempts: 0, nextAttemptAt: 0, deliveredAt: null, providerId: null }).run();
    fake.rateLimit({ perSecond: 5, retryAfter: 1 });
    const fastStarted = Date.now();
    await deliverUntilDone({ transport: transport(), ratePerSecond: 100, backoff: FAST_BACKOFF, random: () => 0.5 });
    const refused = fake.requests.filter((r) => typeof r.answer === 'object');
    expectEachDeliveredOnce(keys);
    expect(refused.length).toBeGreaterThan(0);
    report('rate limit 5/s', {
      'paced ms': paced.ms,
      '429s when paced': paced.refused,
      'too fast ms': Date.now() - fastStarted,
      '429s when too fast': refused.length,
      requests: fake.requests.length,
    });
    expect(fake.requests.length).toBeLessThan(keys.length * 3);
  }, 30_000);

  it('one send hangs: the others go out meanwhile; it times out and is sent later, once, with the same key', async () => {
    const keys = enqueueInvitations(5);
    fake.script('hang');
    const started = Date.now();
    await deliverUntilDone({ transport: transport(1500), ratePerSecond: 100, backoff: FAST_BACKOFF, random: () => 0.5 });
    const hung = fake.requests[0]!;
    const others = [...fake.accepted.entries()].filter(([key]) => key !== hung.idempotencyKey);
    expectEachDeliveredOnce(keys);
    expect(others).toHaveLength(keys.length - 1);
    for (const [, sent] of others) expect(sent.at - hung.at).toBeLessThan(1500);
    expect(fake.requests.filter((r) => r.idempotencyKey === hung.idempotencyKey)).toHaveLength(2);
    expect(rows().find((r) => r.idempotencyKey === hung.idempotencyKey)).toMatchObject({ attempts: 2, errorKind: 'timeout' });
    report('one send hangs', { 'others done after ms': Math.max(...others.map(([, s]) => s.at)) - hung.at, 'total ms': Date.now() - started });
  });

  it('a send slower than the lease keeps its claim (heartbeat): a second deliverer cannot take it', async () => {
    const keys = enqueueInvitations(1);
    fake.script({ delayMs: 1200, then: 'ok' }, { delayMs: 1200, then: 'ok' });
    const first = deliverDue(db, { transport: transport(3000), leaseMs: 300, ratePerSecond: 100 });
    const second: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      second.push((await deliverDue(db, { transport: transport(3000), leaseMs: 300, ratePerSecond: 100 })).claimed);
    }
    expect(await first).toMatchObject({ claimed: 2, delivered: 2 });
    expect(second.every((n) => n === 0)).toBe(true);
    expect(fake.requests).toHaveLength(2);
    expect(rows().map((r) => [r.status, r.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
    ]);
    expectEachDeliveredOnce(keys);
  });
});

describe('the lease without a heartbeat would expire', () => {
  it('a row claimed by nobody alive is free again once its lease has run out', async () => {
    enqueueInvitations(1);
    db.update(outbox).set({ status: 'sending', leaseUntil: Date.now() + 200, attempts: 1 }).where(eq(outbox.id, rows()[0]!.id)).run();
    expect((await deliverDue(db, { transport: transport(), ratePerSecond: 100 })).claimed).toBe(1); // the other row
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await deliverDue(db, { transport: transport(), ratePerSecond: 100 })).claimed).toBe(1);
    expect(rows().map((r) => r.status)).toEqual(['delivered', 'delivered']);
  });
});

function startDeliverer(): { process: ChildProcess; exited: Promise<number | null>; output: () => string } {
  // One process (tsx as a loader, not its CLI that runs the script in a child of its own), so the
  // signals reach the deliverer itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/deliver-mail.ts'], {
    env: {
      ...process.env,
      DATABASE_PATH: dbFile,
      RESEND_API_KEY: 're_test',
      RESEND_BASE_URL: fake.url,
      MAIL_FROM,
      MAIL_RATE_PER_SECOND: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, exited, output: () => output };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
