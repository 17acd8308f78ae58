import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimDue, deliverDue, requeue, startDeliveryLoop, type DeliverOptions } from '~/mail/deliver.server';
import { getMailConfig } from '~/mail/mail-config.server';
import { enqueueRequestReceived, enqueueVisitChange } from '~/mail/notify.server';
import { createResendTransport, localTransport, transportFromConfig, type MailTransport } from '~/mail/transports.server';
import type { Db } from '~db/client';
import { outbox } from '~db/schema';
import { fillStatusLinks } from '~/mail/status-links.server';
import { createTestDb } from '../helpers/db';
import { startFakeResend, type FakeResend } from '../helpers/fake-resend';
import { changeVisit, insertVisit, seedVisitWorld, T0, type VisitWorld } from '../helpers/visit-fixtures';

const MAIL_FROM = 'STO Ondersteuning <ondersteuning@sto.example.nl>';
const ENV_KEYS = ['RESEND_BASE_URL', 'RESEND_API_KEY', 'MAIL_FROM'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

let fake: FakeResend;
let transport: MailTransport;
let db: Db;
let world: VisitWorld;

beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_BASE_URL = fake.url;
  process.env.RESEND_API_KEY = 're_test';
  process.env.MAIL_FROM = MAIL_FROM;
  // The real SDK, constructed after RESEND_BASE_URL points at the fake; a short timeout for 'hang'.
  transport = createResendTransport({ apiKey: 're_test', from: MAIL_FROM, timeoutMs: 1000 });
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
  world = seedVisitWorld(db);
  return test.close;
});

const MONDAY = { startsAt: Date.UTC(2019, 9, 28, 8), endsAt: Date.UTC(2019, 9, 28, 11) };
const HOUR = 3_600_000;

function scheduleVisit() {
  const visit = insertVisit(db, world, MONDAY);
  db.transaction((tx) => enqueueVisitChange(tx, { kind: 'scheduled', visitId: visit.id }, T0));
  return visit;
}

function rows() {
  return db.select().from(outbox).orderBy(asc(outbox.id)).all();
}

function options(now: number, extra: Partial<DeliverOptions> = {}): DeliverOptions {
  // A clock that stands still, and no pacing (Infinity): these tests are about outcomes, not time.
  return { now, clock: () => now, ratePerSecond: Infinity, transport, leaseMs: 60_000, random: () => 0.5, ...extra };
}

describe('delivery through the real Resend SDK against a fake Resend', () => {
  it('sends each message with its recipient, subject, .ics attachment and idempotency key', async () => {
    const visit = scheduleVisit();
    const summary = await deliverDue(db, options(T0));
    expect(summary).toEqual({ claimed: 2, delivered: 2, retried: 0, failed: 0, released: 0 });

    const written = rows();
    expect(fake.requests).toHaveLength(2);
    for (const [i, request] of fake.requests.entries()) {
      // What is sent is the row with the contact's status link filled in (ADR 0013).
      const row = { ...written[i]!, ...fillStatusLinks(db, written[i]!) };
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/emails');
      expect(request.headers.authorization).toBe('Bearer re_test');
      expect(request.idempotencyKey).toBe(row.idempotencyKey);
      expect(request.body).toMatchObject({ from: MAIL_FROM, to: [row.toEmail], subject: row.subject, text: row.text, html: row.html });
      expect(request.body.attachments).toEqual([
        { filename: 'uitnodiging.ics', content: expect.any(String), content_type: 'text/calendar; charset=UTF-8; method=REQUEST' },
      ]);
      expect(Buffer.from(request.body.attachments![0]!.content, 'base64').toString('utf8')).toBe(row.ics);
      expect(row).toMatchObject({
        status: 'delivered',
        transport: 'resend',
        providerId: fake.accepted.get(row.idempotencyKey)?.id,
        deliveredAt: T0,
        attempts: 1,
        leaseUntil: null,
      });
    }
    expect(fake.requests.map((r) => r.body.to[0])).toEqual(['anne@ondersteuners.example', 'jan.devries@school.example']);
    expect(fake.requests[1]?.body.subject).toBe('Invitation: Critical friend – Zuidoost Fryslân on 28 October 2019');
    expect(fake.requests[1]?.body.text).toMatch(/Follow your request: https?:\/\/[^/]+\/aanvraag\/[A-Za-z0-9_-]{40,}\n/);
    expect(written[1]?.text).toContain(`{{status-link:${world.requestId}}}`);

    // A cancellation names its method in the attachment's content type.
    changeVisit(db, visit.id, { status: 'cancelled' });
    db.transaction((tx) => enqueueVisitChange(tx, { kind: 'cancelled', visitId: visit.id, reason: 'Ziek' }, T0 + 1000));
    await deliverDue(db, options(T0 + 1000));
    expect(fake.requests.slice(2).map((r) => r.body.attachments?.[0]?.content_type)).toEqual([
      'text/calendar; charset=UTF-8; method=CANCEL',
      'text/calendar; charset=UTF-8; method=CANCEL',
    ]);
    expect(fake.requests[2]?.body.attachments?.[0]?.filename).toBe('annulering.ics');
    expect(await deliverDue(db, options(T0 + 10 * HOUR))).toEqual({ claimed: 0, delivered: 0, retried: 0, failed: 0, released: 0 });
  });

  it('rides out 500s, 429s and timeouts: every message is delivered exactly once in the end', async () => {
    scheduleVisit();
    db.transaction((tx) => enqueueRequestReceived(tx, world.requestId, T0));
    const visit2 = insertVisit(db, world, { startsAt: MONDAY.startsAt + 24 * HOUR, endsAt: MONDAY.endsAt + 24 * HOUR });
    db.transaction((tx) => enqueueVisitChange(tx, { kind: 'scheduled', visitId: visit2.id }, T0));
    const keys = rows().map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(5);

    fake.script(500, 429, 'hang', 'accept-then-500', 503, 'hang', 429, 500, 'hang');
    let now = T0;
    const totals = { delivered: 0, retried: 0, failed: 0 };
    for (let round = 0; round < 30 && rows().some((r) => r.status !== 'delivered'); round += 1) {
      const summary = await deliverDue(db, options(now));
      totals.delivered += summary.delivered;
      totals.retried += summary.retried;
      totals.failed += summary.failed;
      now += HOUR; // past the longest backoff
    }

    expect(totals).toEqual({ delivered: 5, retried: 9, failed: 0 });
    const written = rows();
    expect(written.every((r) => r.status === 'delivered')).toBe(true);
    expect(fake.accepted.size).toBe(5);
    for (const row of written) {
      const sent = fake.accepted.get(row.idempotencyKey);
      expect(sent, row.idempotencyKey).toBeDefined();
      expect(row.providerId).toBe(sent!.id);
      expect(sent!.body.to).toEqual([row.toEmail]);
    }
    // The one that was accepted but answered 500 was tried again with the same key: no second e-mail.
    const replayed = [...fake.accepted.entries()].filter(([, sent]) => sent.replays > 0).map(([key]) => key);
    expect(replayed).toHaveLength(1);
    for (const key of keys) expect(fake.okCount(key), key).toBe(1);
    expect(written.filter((r) => r.attempts > 1).length).toBeGreaterThan(0);
    expect(written.some((r) => r.lastError?.includes('HTTP 500 internal_server_error'))).toBe(true);
    expect(written.some((r) => r.lastError?.includes('timeout after 1000 ms'))).toBe(true);
    expect(written.some((r) => r.lastError?.includes('HTTP 429 rate_limit_exceeded'))).toBe(true);
  });

  it('backs off exponentially between tries and gives up after the last attempt', async () => {
    db.transaction((tx) => enqueueRequestReceived(tx, world.requestId, T0));
    fake.script(500, 500, 500);
    const backoff = { baseMs: 1000, factor: 2, capMs: 3000 };
    const first = await deliverDue(db, options(T0, { maxAttempts: 3, backoff, random: () => 0.999999 }));
    expect(first.retried).toBe(1);
    expect(rows()[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: T0 + 1000 });
    expect((await deliverDue(db, options(T0 + 999, { maxAttempts: 3, backoff }))).claimed).toBe(0);
    await deliverDue(db, options(T0 + 1000, { maxAttempts: 3, backoff, random: () => 0.999999 }));
    expect(rows()[0]).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: T0 + 1000 + 2000 });
    const last = await deliverDue(db, options(T0 + 3000, { maxAttempts: 3, backoff }));
    expect(last).toEqual({ claimed: 1, delivered: 0, retried: 0, failed: 1, released: 0 });
    expect(rows()[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(rows()[0]?.lastError).toContain('HTTP 500 internal_server_error');
    expect(rows()[0]?.errorKind).toBe('too-many-attempts');
  });

  it('fails a 422 at once, and "send again" puts it back', async () => {
    db.transaction((tx) => enqueueRequestReceived(tx, world.requestId, T0));
    fake.script(422);
    expect(await deliverDue(db, options(T0))).toEqual({ claimed: 1, delivered: 0, retried: 0, failed: 1, released: 0 });
    const [failed] = rows();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed?.lastError).toBe('HTTP 422 validation_error: The `to` field is invalid.');
    expect(failed?.errorKind).toBe('rejected');
    expect((await deliverDue(db, options(T0 + 100 * HOUR))).claimed).toBe(0);

    expect(requeue(db, failed!.id, T0 + 100 * HOUR)).toBe(true);
    expect(requeue(db, failed!.id, T0 + 100 * HOUR)).toBe(false); // only a failed row
    expect(rows()[0]).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 + 100 * HOUR });
    expect(await deliverDue(db, options(T0 + 100 * HOUR))).toMatchObject({ delivered: 1 });
    expect(fake.accepted.size).toBe(1);
  });

  it('takes up rows claimed by a process that died, once their lease has run out, and sends them once', async () => {
    scheduleVisit();
    const claimed = claimDue(db, { now: T0, leaseMs: 60_000 });
    expect(claimed.map((r) => r.status)).toEqual(['sending', 'sending']);
    // The dying process got one message out before it crashed, and never recorded it.
    expect((await transport.send(claimed[0]!)).ok).toBe(true);

    expect(await deliverDue(db, options(T0 + 30_000))).toMatchObject({ claimed: 0 });
    expect(rows().map((r) => r.status)).toEqual(['sending', 'sending']);

    expect(await deliverDue(db, options(T0 + 60_001))).toEqual({ claimed: 2, delivered: 2, retried: 0, failed: 0, released: 0 });
    const written = rows();
    expect(written.map((r) => [r.status, r.attempts])).toEqual([
      ['delivered', 2],
      ['delivered', 2],
    ]);
    expect(fake.accepted.size).toBe(2);
    expect(fake.accepted.get(written[0]!.idempotencyKey)?.replays).toBe(1);
    expect(fake.accepted.get(written[1]!.idempotencyKey)?.replays).toBe(0);
    expect(await deliverDue(db, options(T0 + 10 * HOUR))).toMatchObject({ claimed: 0 });
  });

  it('fails a row whose claimer died on its last attempt instead of claiming it forever', () => {
    db.transaction((tx) => enqueueRequestReceived(tx, world.requestId, T0));
    claimDue(db, { now: T0, leaseMs: 1000, maxAttempts: 1 });
    expect(claimDue(db, { now: T0 + 2000, leaseMs: 1000, maxAttempts: 1 })).toEqual([]);
    expect(rows()[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'lease expired' });
  });

  it('chooses Resend when RESEND_API_KEY is set, and the local outbox without it', () => {
    expect(transportFromConfig(getMailConfig()).name).toBe('resend');
    expect(transportFromConfig(getMailConfig({ ...process.env, RESEND_API_KEY: '' })).name).toBe('local');
  });
});

describe('the local outbox (no RESEND_API_KEY)', () => {
  afterEach(() => {
    fake.reset();
  });

  it('marks messages delivered locally and sends nothing', async () => {
    scheduleVisit();
    expect(await deliverDue(db, { now: T0, transport: localTransport, ratePerSecond: Infinity })).toMatchObject({ delivered: 2 });
    expect(rows().map((r) => [r.status, r.transport, r.providerId])).toEqual([
      ['delivered', 'local', null],
      ['delivered', 'local', null],
    ]);
    expect(fake.requests).toHaveLength(0);
  });

  it('runs as a loop in the server process until stopped', async () => {
    scheduleVisit();
    const errors: unknown[] = [];
    const stop = startDeliveryLoop(db, { intervalMs: 10, transport: localTransport, onError: (e) => errors.push(e) });
    try {
      await expect.poll(() => rows().filter((r) => r.status === 'delivered').length, { timeout: 2000 }).toBe(2);
    } finally {
      await stop();
    }
    expect(errors).toEqual([]);
    db.update(outbox).set({ status: 'pending' }).where(eq(outbox.id, rows()[0]!.id)).run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rows()[0]?.status).toBe('pending');
  });
});
