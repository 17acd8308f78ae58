/**
 * `npm run db:seed`: migrates the database at DATABASE_PATH (default data/sto.db) and fills it with
 * the demo data, but only when it has no regions and no users yet.
 */
import { migrateDatabase, openDatabase } from '../db/client';
import { seedDemoDataIfEmpty } from '../db/seed';
import { DEMO_COORDINATOR, DEMO_SUPPORTER_PASSWORD } from '../db/seed-data';

const file = process.env.DATABASE_PATH ?? 'data/sto.db';
const db = openDatabase(file);
try {
  migrateDatabase(db);
  const summary = await seedDemoDataIfEmpty(db, { now: Date.now() });
  if (summary) {
    console.log(
      `Seeded ${file}: ${summary.regions} regions (${summary.contacts} contacts), ${summary.supporters} supporters, ` +
        `${summary.coordinators} coordinator, ${summary.supportTypes} support types, ${summary.requests} requests, ${summary.visits} visits.`,
    );
    console.log(`Sign in as ${DEMO_COORDINATOR.email} / ${DEMO_COORDINATOR.password}; supporters use ${DEMO_SUPPORTER_PASSWORD}.`);
  } else {
    console.log('Database already has data; nothing seeded.');
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
