/**
 * Reminders two working days before a visit, to the supporter and the region contact. The job runs
 * every hour; the idempotency key (visit, sequence, recipient) makes each reminder go out once.
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '~db/client';
import { visits } from '~db/schema';
import { getMailConfig } from './mail-config.server';
import { contactRecipient, insertOutboxRows, visitMessageRow, visitSupporterRecipient } from './outbox.server';
import { selectVisitRecords } from './visit-facts.server';
import { workingDaysAhead } from './working-days';

/** Writes the reminders for planned visits starting two working days after `now`. Returns how many are new. */
export function enqueueDueReminders(db: Db, now: number): number {
  const config = getMailConfig();
  const { from, until } = workingDaysAhead(now);
  return db.transaction(
    (tx) => {
      const due = selectVisitRecords(
        tx,
        and(eq(visits.status, 'planned'), gte(visits.startsAt, from), lt(visits.startsAt, until)),
      );
      const rows = due.flatMap((record) =>
        [visitSupporterRecipient(record, config), contactRecipient(tx, record)].map((recipient) => visitMessageRow({ record, recipient, kind: 'visit-reminder', method: null }, config, now)),
      );
      return insertOutboxRows(tx, rows);
    },
    { behavior: 'immediate' },
  );
}
