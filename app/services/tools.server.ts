/**
 * Tools: files (PDF, Word, Excel, PowerPoint) or links that coordinators publish for the regions.
 * A file is stored once on disk next to the database, named by the SHA-256 of its content (so the
 * same file twice is one file, and a name can't be guessed or traversed); the table keeps the name
 * it was uploaded with and its type, checked by content (file-type) before anything is written.
 */
import fs from 'node:fs';
import { asc, count, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '~db/client';
import { tools } from '~db/schema';
import { decideToolFile, type ToolFileProblem } from '~/domain/tools';
import { writeAudit, type Actor } from './common.server';
import { storeToolBytes, toolFilePath, toolFilesDir } from './tool-files.server';

export type ToolText = { title: string; description: string; theme: string };
export type ToolUpload = { fileName: string; bytes: Buffer };

export type ToolResult =
  | { ok: true; id: number }
  | { ok: false; problem: ToolFileProblem; fileName: string; detected: string | null }
  | { ok: false; problem: 'not_found' };

/** Publishes a tool with a file: the type is checked by content, the file stored, the row and audit written in one transaction. */
export async function publishToolFile(db: Db, input: Actor & ToolText & ToolUpload, dir = toolFilesDir()): Promise<ToolResult> {
  const detected = input.bytes.length > 0 ? await fileTypeFromBuffer(input.bytes) : undefined;
  const decision = decideToolFile({ fileName: input.fileName, size: input.bytes.length, detected: detected?.ext ?? null });
  if (!decision.ok) return decision;
  const hash = storeToolBytes(input.bytes, dir);
  return db.transaction(
    (tx): ToolResult => {
      const row = tx
        .insert(tools)
        .values({
          title: input.title,
          description: input.description,
          theme: input.theme,
          fileHash: hash,
          fileName: decision.fileName,
          mimeType: decision.mime,
          sizeBytes: input.bytes.length,
          createdById: input.actorUserId,
          createdAt: input.now,
        })
        .returning({ id: tools.id })
        .get();
      writeAudit(tx, input, {
        action: 'tool.publish',
        entityType: 'tool',
        entityId: row.id,
        regionId: null,
        after: { title: input.title, theme: input.theme, fileName: decision.fileName, sha256: hash, sizeBytes: input.bytes.length },
      });
      return { ok: true, id: row.id };
    },
    { behavior: 'immediate' },
  );
}

/** Publishes a tool that is a link. */
export function publishToolLink(db: Db, input: Actor & ToolText & { linkUrl: string }): ToolResult {
  return db.transaction(
    (tx): ToolResult => {
      const row = tx
        .insert(tools)
        .values({ title: input.title, description: input.description, theme: input.theme, linkUrl: input.linkUrl, createdById: input.actorUserId, createdAt: input.now })
        .returning({ id: tools.id })
        .get();
      writeAudit(tx, input, { action: 'tool.publish', entityType: 'tool', entityId: row.id, regionId: null, after: { title: input.title, theme: input.theme, linkUrl: input.linkUrl } });
      return { ok: true, id: row.id };
    },
    { behavior: 'immediate' },
  );
}

/** Removes a tool; its file goes too once no other tool uses the same content. */
export function removeTool(db: Db, input: Actor & { id: number }, dir = toolFilesDir()): ToolResult {
  const result = db.transaction(
    (tx): { ok: true; orphan: string | null } | { ok: false } => {
      const row = tx.select().from(tools).where(eq(tools.id, input.id)).get();
      if (!row) return { ok: false };
      tx.delete(tools).where(eq(tools.id, input.id)).run();
      const others = row.fileHash ? (tx.select({ n: count() }).from(tools).where(eq(tools.fileHash, row.fileHash)).get()?.n ?? 0) : 0;
      writeAudit(tx, input, { action: 'tool.remove', entityType: 'tool', entityId: row.id, regionId: null, before: { title: row.title, fileName: row.fileName, linkUrl: row.linkUrl } });
      return { ok: true, orphan: row.fileHash && others === 0 ? row.fileHash : null };
    },
    { behavior: 'immediate' },
  );
  if (!result.ok) return { ok: false, problem: 'not_found' };
  if (result.orphan) fs.rmSync(toolFilePath(result.orphan, dir), { force: true });
  return { ok: true, id: input.id };
}

export type ToolRow = {
  id: number;
  title: string;
  description: string;
  theme: string;
  linkUrl: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
};

/** Every tool, by theme then title (the public list groups them by theme). */
export function listTools(db: Db): ToolRow[] {
  return db
    .select({
      id: tools.id,
      title: tools.title,
      description: tools.description,
      theme: tools.theme,
      linkUrl: tools.linkUrl,
      fileName: tools.fileName,
      mimeType: tools.mimeType,
      sizeBytes: tools.sizeBytes,
    })
    .from(tools)
    .orderBy(asc(tools.theme), asc(tools.title))
    .all();
}

/** What a download needs: the file on disk, its name and type; null when there is no such file tool. */
export function toolDownload(db: Db, id: number, dir = toolFilesDir()): { path: string; fileName: string; mimeType: string; sizeBytes: number } | null {
  const row = db.select().from(tools).where(eq(tools.id, id)).get();
  if (!row?.fileHash || !row.fileName || !row.mimeType || row.sizeBytes === null) return null;
  const file = toolFilePath(row.fileHash, dir);
  if (!fs.existsSync(file)) return null;
  return { path: file, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes };
}
