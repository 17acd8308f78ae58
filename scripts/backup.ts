/**
 * `npm run backup [target]`: a consistent copy of the live SQLite file through SQLite's online
 * backup API, safe while the server runs. Default target: backups/sto-<timestamp>.db next to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupToolFiles, toolFilesDir } from '../app/services/tool-files.server';

const source = process.env.DATABASE_PATH ?? 'data/sto.db';
if (!fs.existsSync(source)) {
  console.error(`No database at ${source} (set DATABASE_PATH).`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = process.argv[2] ?? path.join(path.dirname(source), 'backups', `sto-${stamp}.db`);
fs.mkdirSync(path.dirname(target), { recursive: true });

const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 10000');
const started = Date.now();
await db.backup(target);
db.close();
const check = new Database(target, { readonly: true });
const integrity = check.pragma('integrity_check', { simple: true });
check.close();
console.log(`Backed up ${source} to ${target} in ${Date.now() - started} ms (integrity: ${String(integrity)}).`);
if (integrity !== 'ok') process.exit(1);

// The tool files (named by their SHA-256): copied next to the backup, each checked against its name.
const filesSource = toolFilesDir({ DATABASE_PATH: source, FILES_PATH: process.env.FILES_PATH });
const filesTarget = `${target.replace(/\.db$/, '')}-files`;
const copied = backupToolFiles(filesSource, filesTarget);
console.log(`Copied ${copied} tool file(s) from ${filesSource} to ${filesTarget}.`);
