/**
 * `npm run db:seed`: migrates the database at DATABASE_PATH (default data/sto.db), writes the
 * reference data and, on an empty database, the demo data, by the same rule as the server's start:
 * only when APP_URL is local (the default) or SEED_DEMO=1.
 */
import { loadConfig } from '../app/config.server';
import { migrateDatabase, openDatabase } from '../db/client';
import { seedAtStart } from '../db/seed';
import { DEMO_COORDINATOR, DEMO_SUPPORTER_PASSWORD } from '../db/seed-data';

const config = loadConfig();
const db = openDatabase(config.DATABASE_PATH);
try {
  migrateDatabase(db);
  const { demo } = await seedAtStart(db, config, Date.now());
  if (demo.seeded) {
    const counts = Object.entries(demo.summary).map(([kind, n]) => `${n} ${kind}`);
    console.log(`Seeded ${config.DATABASE_PATH}: ${counts.join(', ')}.`);
    console.log(`Sign in as ${DEMO_COORDINATOR.email} / ${DEMO_COORDINATOR.password}; supporters use ${DEMO_SUPPORTER_PASSWORD}.`);
  } else if (demo.reason === 'not_local') {
    console.log(`Reference data written. No demo data: APP_URL (${config.APP_URL}) is not local and SEED_DEMO is not 1.`);
  } else {
    console.log('Reference data written. The database already has data; no demo data seeded.');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
