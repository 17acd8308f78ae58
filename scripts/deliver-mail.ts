/**
 * npm run mail:deliver — a one-off delivery run: sends everything that is due (through Resend when
 * RESEND_API_KEY is set, else into the local outbox), until nothing is due, then prints a summary.
 * SIGTERM or SIGINT stop it cleanly: nothing new starts, what it holds is sent or given back.
 */
import { deliverDue, newPacer, type DeliverySummary } from '../app/mail/deliver.server';
import { transportFromConfig } from '../app/mail/transports.server';
import { openDatabase } from '../db/client';

const MAX_ROUNDS = 1000;

async function main(): Promise<void> {
  const file = process.env.DATABASE_PATH ?? 'data/sto.db';
  const db = openDatabase(file);
  const transport = transportFromConfig();
  const stopping = new AbortController();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`${signal} received: finishing or giving back what is in hand.`);
      stopping.abort();
    });
  }
  const pacer = newPacer();
  const total: DeliverySummary = { claimed: 0, delivered: 0, retried: 0, failed: 0, released: 0 };
  try {
    for (let round = 0; round < MAX_ROUNDS && !stopping.signal.aborted; round += 1) {
      const summary = await deliverDue(db, { transport, pacer, signal: stopping.signal });
      if (summary.claimed === 0) break;
      for (const key of Object.keys(total) as Array<keyof DeliverySummary>) total[key] += summary[key];
      if (summary.released > 0 && !stopping.signal.aborted) break; // the provider asked for a pause: the server's loop goes on later
    }
  } finally {
    db.$client.close();
  }
  console.log(
    `Mail delivery (${transport.name}) from ${file}: ${total.delivered} delivered, ` +
      `${total.retried} to retry later, ${total.failed} failed, ${total.released} given back (${total.claimed} attempted).`,
  );
  if (total.failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
