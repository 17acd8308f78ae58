/**
 * npm run mail:deliver — a one-off delivery run: sends everything that is due (through Resend when
 * RESEND_API_KEY is set, else into the local outbox), until nothing is due, then prints a summary.
 */
import { deliverDue, type DeliverySummary } from '../app/mail/deliver.server';
import { transportFromConfig } from '../app/mail/transports.server';
import { openDatabase } from '../db/client';

const MAX_ROUNDS = 1000;

async function main(): Promise<void> {
  const file = process.env.DATABASE_PATH ?? 'data/sto.db';
  const db = openDatabase(file);
  const transport = transportFromConfig();
  const total: DeliverySummary = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
  try {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const summary = await deliverDue(db, { now: Date.now(), transport });
      if (summary.claimed === 0) break;
      for (const key of Object.keys(total) as Array<keyof DeliverySummary>) total[key] += summary[key];
    }
  } finally {
    db.$client.close();
  }
  console.log(
    `Mail delivery (${transport.name}) from ${file}: ${total.delivered} delivered, ` +
      `${total.retried} to retry later, ${total.failed} failed (${total.claimed} attempted).`,
  );
  if (total.failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
