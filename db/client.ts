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

const globalKey = Symbol.for('sto.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: { file: string; db: Db } };

/**
 * The process-wide connection. The server entry and the Remix build each load this module, so the
 * handle lives on globalThis: both share one connection, and the server can close it on shutdown.
 */
export function getDb(file = process.env.DATABASE_PATH ?? 'data/sto.db'): Db {
  const g = globalThis as GlobalWithDb;
  const existing = g[globalKey];
  if (existing && existing.file === file && existing.db.$client.open) return existing.db;
  const db = openDatabase(file);
  g[globalKey] = { file, db };
  return db;
}

export function closeDb(): void {
  const g = globalThis as GlobalWithDb;
  const existing = g[globalKey];
  if (existing?.db.$client.open) existing.db.$client.close();
  delete g[globalKey];
}

export { schema };
