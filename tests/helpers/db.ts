import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type Db } from '~db/client';

const root = fs.mkdtempSync(path.join(os.tmpdir(), `sto-test-${process.env.VITEST_POOL_ID ?? '0'}-`));
let counter = 0;

/**
 * A real, migrated SQLite file of its own (WAL and all pragmas), in a temporary folder per worker.
 * Each call gives a fresh, empty database; `file` lets another process open the same one.
 */
export function createTestDb(): { db: Db; file: string; close: () => void } {
  counter += 1;
  const file = path.join(root, `test-${counter}.db`);
  const db = openDatabase(file);
  migrateDatabase(db);
  return {
    db,
    file,
    close: () => {
      if (db.$client.open) db.$client.close();
    },
  };
}
