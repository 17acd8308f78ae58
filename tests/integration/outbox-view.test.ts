import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOutboxMessage, listOutbox, resendFailedMessage } from '~/services/outbox-view.server';
import { auditEvents, outbox, users } from '~db/schema';
import { seedDemoData } from '~db/seed';
import { createTestDb } from '../helpers/db';

const { db, close } = createTestDb();
let coordinatorId = 0;
let failedId = 0;
let pendingId = 0;

beforeAll(async () => {
  await seedDemoData(db, { now: Date.now() });
  coordinatorId = db.select({ id: users.id }).from(users).where(eq(users.role, 'coordinator')).get()!.id;
  const base = { kind: 'request-received', toEmail: 'a@example.nl', language: 'nl' as const, subject: 'S', text: 'T', html: '<p>T</p>', nextAttemptAt: 0, createdAt: 0 };
  failedId = db.insert(outbox).values({ ...base, idempotencyKey: 'k-failed', status: 'failed', attempts: 8, lastError: '422 invalid' }).returning().get().id;
  pendingId = db.insert(outbox).values({ ...base, idempotencyKey: 'k-pending' }).returning().get().id;
});
afterAll(close);

describe('the outbox as coordinators see it', () => {
  it('lists messages newest first, filtered by status, with counts', () => {
    const failed = listOutbox(db, { status: 'failed', page: 1 });
    expect(failed.rows.map((r) => r.id)).toEqual([failedId]);
    expect(failed.counts.failed).toBe(1);
    expect(listOutbox(db, { status: null, page: 1 }).rows[0]!.id).toBe(pendingId);
  });

  it('sends a failed message again from zero attempts, audited; anything else is left alone', () => {
    const now = Date.now();
    expect(resendFailedMessage(db, { outboxId: pendingId, actorUserId: coordinatorId, now })).toBe(false);
    expect(resendFailedMessage(db, { outboxId: failedId, actorUserId: coordinatorId, now })).toBe(true);
    const row = getOutboxMessage(db, failedId)!;
    expect([row.status, row.attempts, row.nextAttemptAt]).toEqual(['pending', 0, now]);
    const audit = db.select().from(auditEvents).where(sql`action = 'outbox.resend'`).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entityId).toBe(failedId);
    expect(resendFailedMessage(db, { outboxId: failedId, actorUserId: coordinatorId, now })).toBe(false);
  });
});
