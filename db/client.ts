import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a synchronous transaction callback receives. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run queries: the database or a transaction. */
export type Queryable = Db | Tx;

/** Opens (creating if needed) the SQLite file with the pragmas every connection needs. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema }) as Db;
}

/** Applies pending migrations from `migrations/` (resolved against the working directory). */
export function migrateDatabase(db: Db, migrationsFolder = path.resolve(process.cwd(), 'migrations')): void {
  migrate(db, { migrationsFolder });
}

let current: { file: string; db: Db } | undefined;

/**
 * The process-wide connection. The server takes start-up and shutdown from the Remix build, so this
 * module is loaded once and the server closes the same connection the routes use (ADR 0011).
 */
export function getDb(file = process.env.DATABASE_PATH ?? 'data/sto.db'): Db {
  if (current && current.file === file && current.db.$client.open) return current.db;
  const db = openDatabase(file);
  current = { file, db };
  return db;
}

export function closeDb(): void {
  if (current?.db.$client.open) current.db.$client.close();
  current = undefined;
}

export { schema };
