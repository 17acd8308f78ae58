/**
 * Tool files on disk: one file per content, named by its SHA-256 (in a folder of its first two hex
 * digits), in FILES_PATH or a `files` folder next to the database. No database, so the backup
 * script can use it as well.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where tool files live: FILES_PATH, or a `files` folder next to the database. */
export function toolFilesDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.FILES_PATH || path.join(path.dirname(path.resolve(env.DATABASE_PATH ?? 'data/sto.db')), 'files'));
}

const HASH = /^[0-9a-f]{64}$/;

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function toolFilePath(hash: string, dir = toolFilesDir()): string {
  if (!HASH.test(hash)) throw new Error('not a content hash');
  return path.join(dir, hash.slice(0, 2), hash);
}

/** Writes the bytes under their hash (a temporary file, then a rename: never a half-written file). */
export function storeToolBytes(bytes: Buffer, dir = toolFilesDir()): string {
  const hash = sha256(bytes);
  const target = toolFilePath(hash, dir);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    fs.renameSync(temp, target);
  }
  return hash;
}

/** Copies every stored file whose content matches its name into `target` (same layout); returns how many. */
export function backupToolFiles(source: string, target: string): number {
  if (!fs.existsSync(source)) return 0;
  let copied = 0;
  for (const prefix of fs.readdirSync(source)) {
    const folder = path.join(source, prefix);
    if (!/^[0-9a-f]{2}$/.test(prefix) || !fs.statSync(folder).isDirectory()) continue;
    for (const name of fs.readdirSync(folder)) {
      if (!HASH.test(name)) continue;
      const bytes = fs.readFileSync(path.join(folder, name));
      if (sha256(bytes) !== name) {
        console.error(`Tool file ${name} does not match its hash; not copied.`);
        continue;
      }
      const out = path.join(target, prefix, name);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, bytes);
      copied++;
    }
  }
  return copied;
}
