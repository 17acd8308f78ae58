/** `npm run db:migrate`: applies pending migrations to DATABASE_PATH (the server does this at start too). */
import { migrateDatabase, openDatabase } from '../db/client';

const file = process.env.DATABASE_PATH ?? 'data/sto.db';
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`Migrated ${file}.`);
