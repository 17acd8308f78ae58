/** What coordinators see of the outbox, and the one thing they do there: send a failed message again. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '~db/client';
import { outbox, type OutboxStatus } from '~db/schema';
import { requeue } from '~/mail/deliver.server';
import { getMailConfig } from '~/mail/mail-config.server';
import { fillStatusLinks } from '~/mail/status-links.server';
import { writeAudit } from './common.server';

export const OUTBOX_PAGE_SIZE = 50;

export function listOutbox(db: Queryable, { status, page }: { status: OutboxStatus | null; page: number }) {
  const where: SQL | undefined = status ? eq(outbox.status, status) : undefined;
  const rows = db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      toEmail: outbox.toEmail,
      toName: outbox.toName,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      errorKind: outbox.errorKind,
      transport: outbox.transport,
      createdAt: outbox.createdAt,
      deliveredAt: outbox.deliveredAt,
      nextAttemptAt: outbox.nextAttemptAt,
      icsMethod: outbox.icsMethod,
    })
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(outbox).where(where).get()?.n ?? 0;
  const counts = Object.fromEntries(
    db
      .select({ status: outbox.status, n: sql<number>`count(*)` })
      .from(outbox)
      .groupBy(outbox.status)
      .all()
      .map((r) => [r.status, r.n]),
  ) as Partial<Record<OutboxStatus, number>>;
  return { rows, total, counts, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

/**
 * One message as the team reads it. With a mail account the contact's status links stay
 * placeholders (ADR 0013: the team never sees them). Without one (RESEND_API_KEY unset) the local
 * outbox is the only mailbox there is, so the links are filled in as they would have been sent.
 */
export function getOutboxMessage(db: Queryable, id: number) {
  const message = db.select().from(outbox).where(eq(outbox.id, id)).get() ?? null;
  if (!message || getMailConfig().resendApiKey) return message;
  return fillStatusLinks(db, message);
}

/** A failed message goes back in the queue (attempts from zero); audited. False if it had not failed. */
export function resendFailedMessage(db: Db, { outboxId, actorUserId, now }: { outboxId: number; actorUserId: number; now: number }): boolean {
  return db.transaction(
    (tx) => {
      const row = tx.select({ status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError }).from(outbox).where(and(eq(outbox.id, outboxId))).get();
      if (!row || !requeue(tx, outboxId, now)) return false;
      writeAudit(tx, { actorUserId, now }, {
        action: 'outbox.resend',
        entityType: 'outbox',
        entityId: outboxId,
        regionId: null,
        before: row,
        after: { status: 'pending', attempts: 0 },
      });
      return true;
    },
    { behavior: 'immediate' },
  );
}
