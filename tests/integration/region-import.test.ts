import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { auditEvents, regions } from '~db/schema';
import { importRegions, previewRegionImport } from '~/services/region-import.server';
import { regionZone } from '~/domain/holidays';
import { regionsImportCommand } from '../../scripts/regions-import';
import { createTestDb } from '../helpers/db';
import { insertCoordinator, insertRegion } from '../helpers/fixtures';

let db: Db;
let close: () => void;
let actor: { actorUserId: number; now: number };

beforeEach(() => {
  ({ db, close } = createTestDb());
  actor = { actorUserId: insertCoordinator(db), now: Date.UTC(2026, 11, 2) };
});
afterEach(() => close());

const HEADER = 'registratienummer;naam;provincie;planstatus;penvoerder;hoofdplaats;speerpunten;breedtegraad;lengtegraad';
const csv = (...lines: string[]) => '\uFEFF' + [HEADER, ...lines].join('\r\n') + '\r\n';
const GOOD = csv(
  'STO19072;TechniekPact Kop van Noord-Holland;Noord-Holland;goedgekeurd juli 2019;ROC Kop van Noord-Holland;Den Helder;lob;52,9563;4,7608',
  'STO19101;Techniek Gelderland;Gelderland;lichtgroen;Graafschap College;Doetinchem;"instroom;po";;',
);
const snapshot = () =>
  db
    .select()
    .from(regions)
    .all()
    .map((r) => JSON.stringify(r))
    .sort();
const imports = () => db.select().from(auditEvents).where(eq(auditEvents.action, 'region.imported')).all();

describe('importing regions', () => {
  it('upserts by registration number: adds new ones (zone from the province), updates changed ones, keeps a set zone and stored coordinates', () => {
    const existing = insertRegion(db, { registrationNumber: 'STO19101', name: 'Oude naam', province: 'Gelderland', holidayZone: 'zuid' });
    db.update(regions).set({ latitude: 51.97, longitude: 6.29 }).where(eq(regions.id, existing)).run();

    const preview = previewRegionImport(db, GOOD);
    expect(preview.ok && [preview.plan.added.length, preview.plan.updated.length, preview.plan.unchanged.length]).toEqual([1, 1, 0]);
    expect(imports()).toHaveLength(0);

    const result = importRegions(db, { ...actor, text: GOOD, fileName: 'regios.csv' });
    expect(result.ok).toBe(true);
    const kop = db.select().from(regions).where(eq(regions.registrationNumber, 'STO19072')).get()!;
    expect(kop).toMatchObject({ name: 'TechniekPact Kop van Noord-Holland', mainTown: 'Den Helder', speerpunten: ['lob'], latitude: 52.9563, longitude: 4.7608, holidayZone: null });
    expect(regionZone(kop)).toBe('noord');
    const gelderland = db.select().from(regions).where(eq(regions.id, existing)).get()!;
    expect(gelderland).toMatchObject({ name: 'Techniek Gelderland', planStatus: 'lichtgroen', speerpunten: ['instroom', 'po'], holidayZone: 'zuid', latitude: 51.97, longitude: 6.29 });
    expect(imports()).toHaveLength(1);
    expect(imports()[0]!.after).toMatchObject({
      fileName: 'regios.csv',
      added: ['STO19072'],
      updated: [{ registrationNumber: 'STO19101', changed: ['name', 'planStatus', 'penvoerder', 'mainTown', 'speerpunten'] }],
      unchanged: 0,
    });

    // The same file again changes nothing.
    const again = importRegions(db, { ...actor, text: GOOD, fileName: 'regios.csv' });
    expect(again.ok && [again.plan.added.length, again.plan.updated.length, again.plan.unchanged.length]).toEqual([0, 0, 2]);
  });

  it('all or nothing: one wrong row and not a single region is written or audited', () => {
    insertRegion(db, { registrationNumber: 'STO19101', name: 'Oude naam', province: 'Gelderland' });
    const before = snapshot();
    const bad = csv(
      'STO19072;TechniekPact Kop van Noord-Holland;Noord-Holland;goedgekeurd juli 2019;ROC Kop;Den Helder;lob;;',
      'STO19101;Techniek Gelderland;Gelderland;lichtgroen;Graafschap College;Doetinchem;po;;',
      'STO19102;Nieuw;Holland;lichtgroen;ROC;Ergens;po;;',
    );
    const result = importRegions(db, { ...actor, text: bad, fileName: 'fout.csv' });
    expect(result).toEqual({ ok: false, problems: [{ row: 4, column: 'province', code: 'province_unknown', value: 'Holland' }] });
    expect(snapshot()).toEqual(before);
    expect(imports()).toHaveLength(0);
  });
});

describe('npm run regions:import', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regions-import-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('prints a summary, or the row errors with exit code 1 and nothing written; --dry-run writes nothing', () => {
    const good = write('goed.csv', GOOD);
    const dry = regionsImportCommand([good, '--dry-run'], () => db, actor.now);
    expect(dry).toEqual({ code: 0, out: ['Would add 2 region(s): STO19072, STO19101.', 'Would update 0.', 'Unchanged: 0.', 'Dry run: nothing was written.'], err: [] });
    expect(snapshot()).toEqual([]);

    const bad = write('fout.csv', GOOD.replace('lichtgroen', 'groen'));
    const refused = regionsImportCommand([bad, '--lang', 'nl'], () => db, actor.now);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      'Rij 3, kolom planstatus: "groen" is geen planstatus: goedgekeurd juli 2019, goedgekeurd december 2019, lichtgroen of herindienen.',
      'Er is niets geïmporteerd.',
    ]);
    expect(snapshot()).toEqual([]);

    const done = regionsImportCommand([good], () => db, actor.now);
    expect(done.code).toBe(0);
    expect(done.out[0]).toBe('Added 2 region(s): STO19072, STO19101.');
    expect(snapshot()).toHaveLength(2);
    expect(imports()[0]).toMatchObject({ actorUserId: null, actorLabel: 'system' });

    const missing = regionsImportCommand([path.join(dir, 'nergens.csv')], () => {
      throw new Error('opened');
    }, actor.now);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/^Cannot read /);
  });
});
