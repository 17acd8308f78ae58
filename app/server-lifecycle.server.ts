/**
 * Start-up and shutdown of the app's own machinery: configuration, migrations, reference (and demo)
 * data, the mail delivery loop, reminders and housekeeping. It lives in the app so that the Express
 * server gets it from the Remix build (app/entry.server.tsx re-exports it): the server and the
 * routes then share one copy of every app module (one configuration, one database connection, one
 * session cookie) without any globalThis hand-over. See ADR 0011.
 */
import { ConfigError, getConfig, type Config } from './config.server';
import { startDeliveryLoop, startReminderJob } from './mail/deliver.server';
import { startHousekeeping } from './services/housekeeping.server';
import { closeDb, getDb, migrateDatabase } from '~db/client';
import { seedAtStart } from '~db/seed';

export { ConfigError };

export type RunningApp = {
  config: Config;
  /** Stops the loops: mail being sent is finished or given back (a few seconds at most). */
  stopJobs: () => Promise<void>;
  /** Closes the database; call it once the HTTP server has finished its requests and the jobs have stopped. */
  close: () => void;
};

/** Reads the configuration (throws ConfigError with a readable message), migrates, seeds, starts the loops. */
export async function startApp(): Promise<RunningApp> {
  const config = getConfig();
  // Scripts and a development reload read the configuration again: hand them the (possibly generated) secret.
  process.env.SESSION_SECRET = config.SESSION_SECRET;
  process.env.DATABASE_PATH = config.DATABASE_PATH;

  const db = getDb(config.DATABASE_PATH);
  migrateDatabase(db);
  const seeded = await seedAtStart(db, config, Date.now());
  const added = [...seeded.reference.supportTypesAdded, ...seeded.reference.settingsAdded];
  if (added.length > 0) console.log(`Reference data added: ${added.join(', ')}`);
  if (seeded.demo.seeded) console.log(`Seeded demo data into ${config.DATABASE_PATH}`);

  const stopDelivery = startDeliveryLoop(db, {});
  const stopReminders = startReminderJob(db, {});
  const stopHousekeeping = startHousekeeping(db);

  let stopped: Promise<void> | null = null;
  return {
    config,
    stopJobs: () => {
      stopped ??= (async () => {
        stopHousekeeping();
        await Promise.all([stopDelivery(), stopReminders()]);
      })();
      return stopped;
    },
    close: () => closeDb(),
  };
}
