/**
 * `npm run regions:import -- <file.csv> [--dry-run] [--lang nl|en]`: imports regions into
 * DATABASE_PATH (default data/sto.db, migrated first) by the same rules as the coordinators' page
 * (app/services/region-import.server.ts): all or nothing, an upsert by registration number. Prints
 * what was added, updated and left alone, or every wrong row; exit code 1 on any error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { MAX_REGION_IMPORT_BYTES, regionImportProblemMessage, type RegionImportPlan } from '../app/domain/region-import';
import { importRegions, previewRegionImport } from '../app/services/region-import.server';
import { migrateDatabase, openDatabase, type Db } from '../db/client';

const USAGE = 'Usage: npm run regions:import -- <file.csv> [--dry-run] [--lang nl|en]';

function summary(plan: RegionImportPlan, dryRun: boolean): string[] {
  const verb = dryRun ? 'Would add' : 'Added';
  return [
    `${verb} ${plan.added.length} region(s)${plan.added.length ? ': ' + plan.added.map((r) => r.registrationNumber).join(', ') : ''}.`,
    `${dryRun ? 'Would update' : 'Updated'} ${plan.updated.length}${plan.updated.length ? ': ' + plan.updated.map((u) => `${u.row.registrationNumber} (${u.changed.join(', ')})`).join(', ') : ''}.`,
    `Unchanged: ${plan.unchanged.length}.`,
    ...(dryRun ? ['Dry run: nothing was written.'] : []),
  ];
}

/** The command: what it prints and its exit code. The database is opened only for a readable file. */
export function regionsImportCommand(argv: string[], openDb: () => Db, now: number): { code: number; out: string[]; err: string[] } {
  let parsed: ReturnType<typeof parseArgs<{ options: { 'dry-run': { type: 'boolean' }; lang: { type: 'string' } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return { code: 1, out: [], err: [error instanceof Error ? error.message : String(error), USAGE] };
  }
  const lang = parsed.values.lang ?? 'en';
  if (lang !== 'nl' && lang !== 'en') return { code: 1, out: [], err: [`--lang "${lang}" is not nl or en.`, USAGE] };
  if (parsed.positionals.length !== 1) return { code: 1, out: [], err: ['Give exactly one CSV file.', USAGE] };
  const file = parsed.positionals[0]!;
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_REGION_IMPORT_BYTES) return { code: 1, out: [], err: [`${file} is larger than ${MAX_REGION_IMPORT_BYTES / 1024} kB; that is not a list of regions.`] };
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { code: 1, out: [], err: [`Cannot read ${file}.`, USAGE] };
  }
  const dryRun = parsed.values['dry-run'] === true;
  const db = openDb();
  const result = dryRun ? previewRegionImport(db, text) : importRegions(db, { actorUserId: null, now, text, fileName: path.basename(file) });
  if (!result.ok) {
    return { code: 1, out: [], err: [...result.problems.map((p) => regionImportProblemMessage(p, lang)), lang === 'nl' ? 'Er is niets geïmporteerd.' : 'Nothing was imported.'] };
  }
  return { code: 0, out: summary(result.plan, dryRun), err: [] };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let db: Db | null = null;
  const open = () => {
    db = openDatabase(process.env.DATABASE_PATH ?? 'data/sto.db');
    migrateDatabase(db);
    return db;
  };
  try {
    const { code, out, err } = regionsImportCommand(process.argv.slice(2), open, Date.now());
    for (const line of out) console.log(line);
    for (const line of err) console.error(line);
    process.exitCode = code;
  } finally {
    (db as Db | null)?.$client.close();
  }
}
