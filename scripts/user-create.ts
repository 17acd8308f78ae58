/**
 * `npm run user:create -- --role coordinator|supporter --email … --name … [--language nl|en]`:
 * creates an account in DATABASE_PATH (default data/sto.db, migrated first) with a random
 * temporary password, printed once; the account must change it at its first sign-in. Bad arguments
 * or an e-mail that already has an account: a clear message, exit code 1, nothing written.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { accountProblemMessage, checkNewAccount } from '../app/domain/accounts';
import { createAccount } from '../app/services/accounts.server';
import { migrateDatabase, openDatabase, type Db } from '../db/client';

const USAGE = 'Usage: npm run user:create -- --role coordinator|supporter --email <address> --name "<full name>" [--language nl|en]';

/**
 * The command: what it prints and its exit code (for the tests, too). The database is opened only
 * once the arguments are right, so bad arguments touch no file at all.
 */
export async function userCreateCommand(argv: string[], openDb: () => Db, now: number): Promise<{ code: number; out: string[]; err: string[] }> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, language: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { code: 1, out: [], err: [error instanceof Error ? error.message : String(error), USAGE] };
  }
  const checked = checkNewAccount(values);
  if (!checked.ok) return { code: 1, out: [], err: [...checked.problems.map((p) => accountProblemMessage(p, 'en')), USAGE] };
  const result = await createAccount(openDb(), { actorUserId: null, now, ...values });
  if (!result.ok) return { code: 1, out: [], err: [...result.problems.map((p) => accountProblemMessage(p, 'en')), USAGE] };
  const { account } = result;
  return {
    code: 0,
    out: [
      `Created ${account.role} ${account.name} <${account.email}> (id ${result.userId}).`,
      `Temporary password (shown only now): ${result.temporaryPassword}`,
      'Hand it over in person. At the first sign-in it must be changed before anything else opens.',
    ],
    err: [],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let db: Db | null = null;
  const open = () => {
    db = openDatabase(process.env.DATABASE_PATH ?? 'data/sto.db');
    migrateDatabase(db);
    return db;
  };
  try {
    const { code, out, err } = await userCreateCommand(process.argv.slice(2), open, Date.now());
    for (const line of out) console.log(line);
    for (const line of err) console.error(line);
    process.exitCode = code;
  } finally {
    (db as Db | null)?.$client.close();
  }
}
