import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '~db/schema';
import { decideToolFile, safeFileName } from '~/domain/tools';
import { listTools, publishToolFile, publishToolLink, removeTool, toolDownload } from '~/services/tools.server';
import { backupToolFiles, toolFilePath, toolFilesDir } from '~/services/tool-files.server';
import type { Db } from '~db/client';
import { createTestDb } from '../helpers/db';
import { insertCoordinator } from '../helpers/fixtures';
import { SAMPLE_CFB, SAMPLE_PDF, sampleExe } from '../helpers/sample-files';

const PDF = SAMPLE_PDF;
const CFB = SAMPLE_CFB;
const exeBytes = sampleExe;

describe('decideToolFile', () => {
  it('accepts a PDF and old Office files by content and name together', () => {
    expect(decideToolFile({ fileName: 'Handreiking.pdf', size: 10, detected: 'pdf' })).toMatchObject({ ok: true, mime: 'application/pdf' });
    expect(decideToolFile({ fileName: 'Begroting.XLS', size: 10, detected: 'cfb' })).toMatchObject({ ok: true, mime: 'application/vnd.ms-excel' });
  });
  it('refuses a disguised program, a wrong extension, an empty and a too large file', () => {
    expect(decideToolFile({ fileName: 'setup.pdf', size: 10, detected: 'exe' })).toMatchObject({ ok: false, problem: 'file_content_mismatch' });
    expect(decideToolFile({ fileName: 'tekst.pdf', size: 10, detected: null })).toMatchObject({ ok: false, problem: 'file_content_mismatch' });
    expect(decideToolFile({ fileName: 'setup.exe', size: 10, detected: 'exe' })).toMatchObject({ ok: false, problem: 'file_type_not_allowed' });
    expect(decideToolFile({ fileName: 'leeg.pdf', size: 0, detected: null })).toMatchObject({ ok: false, problem: 'file_empty' });
    expect(decideToolFile({ fileName: 'groot.pdf', size: 10 * 1024 * 1024 + 1, detected: 'pdf' })).toMatchObject({ ok: false, problem: 'file_too_large' });
  });
  it('keeps file names harmless', () => {
    expect(safeFileName('..\\..\\etc/"passwd".pdf')).toBe('passwd.pdf');
  });
});

describe('tools', () => {
  let db: Db;
  let close: () => void;
  let dir: string;
  let actor: { actorUserId: number; now: number };
  beforeEach(() => {
    ({ db, close } = createTestDb());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sto-files-'));
    actor = { actorUserId: insertCoordinator(db), now: 1_000 };
  });
  afterEach(() => {
    close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const text = { title: 'Handreiking samenwerking', description: 'Hoe vmbo, mbo en bedrijven afspraken maken.', theme: 'bedrijfsleven' };

  it('stores a PDF under its content hash and gives the same bytes back, audited', async () => {
    const result = await publishToolFile(db, { ...actor, ...text, fileName: 'Handreiking.pdf', bytes: PDF }, dir);
    if (!result.ok) throw new Error(result.problem);
    const hash = createHash('sha256').update(PDF).digest('hex');
    expect(fs.readFileSync(toolFilePath(hash, dir))).toEqual(PDF);
    const download = toolDownload(db, result.id, dir)!;
    expect(download).toMatchObject({ fileName: 'Handreiking.pdf', mimeType: 'application/pdf', sizeBytes: PDF.length });
    expect(fs.readFileSync(download.path)).toEqual(PDF);
    expect(db.select().from(auditEvents).all().map((a) => a.action)).toEqual(['tool.publish']);
  });

  it('refuses an .exe renamed .pdf and writes nothing', async () => {
    const result = await publishToolFile(db, { ...actor, ...text, fileName: 'setup.pdf', bytes: exeBytes() }, dir);
    expect(result).toMatchObject({ ok: false, problem: 'file_content_mismatch', detected: 'exe' });
    expect(listTools(db)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('accepts an old Word file by its container and extension', async () => {
    const result = await publishToolFile(db, { ...actor, ...text, fileName: 'Oud.doc', bytes: CFB }, dir);
    expect(result.ok).toBe(true);
    expect(listTools(db)[0]).toMatchObject({ mimeType: 'application/msword' });
  });

  it('one file for the same content twice; removed from disk with the last tool that uses it', async () => {
    const a = await publishToolFile(db, { ...actor, ...text, fileName: 'a.pdf', bytes: PDF }, dir);
    const b = await publishToolFile(db, { ...actor, ...text, fileName: 'b.pdf', bytes: PDF }, dir);
    if (!a.ok || !b.ok) throw new Error('not published');
    const file = toolDownload(db, a.id, dir)!.path;
    removeTool(db, { ...actor, id: a.id }, dir);
    expect(fs.existsSync(file)).toBe(true);
    removeTool(db, { ...actor, id: b.id }, dir);
    expect(fs.existsSync(file)).toBe(false);
    expect(removeTool(db, { ...actor, id: b.id }, dir)).toEqual({ ok: false, problem: 'not_found' });
  });

  it('the backup copies every file, checked against its hash', async () => {
    await publishToolFile(db, { ...actor, ...text, fileName: 'a.pdf', bytes: PDF }, dir);
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'sto-files-backup-'));
    expect(backupToolFiles(dir, target)).toBe(1);
    const hash = createHash('sha256').update(PDF).digest('hex');
    expect(fs.readFileSync(toolFilePath(hash, target))).toEqual(PDF);
    fs.rmSync(target, { recursive: true, force: true });
  });

  it('a link tool has no download', () => {
    const result = publishToolLink(db, { ...actor, ...text, linkUrl: 'https://www.example.org/tool' });
    if (!result.ok) throw new Error('not published');
    expect(toolDownload(db, result.id, dir)).toBeNull();
    expect(listTools(db)[0]).toMatchObject({ linkUrl: 'https://www.example.org/tool', fileName: null });
  });

  it('puts files next to the database unless FILES_PATH says otherwise', () => {
    expect(toolFilesDir({ DATABASE_PATH: '/srv/sto/sto.db' })).toBe('/srv/sto/files');
    expect(toolFilesDir({ DATABASE_PATH: '/srv/sto/sto.db', FILES_PATH: '/mnt/files' })).toBe('/mnt/files');
  });
});
