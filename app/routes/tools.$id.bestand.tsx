import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { parseId } from '~/components/admin-params';
import { toolDownload } from '~/services/tools.server';
import { getDb } from '~db/client';

/** A tool's file, with its own type and name (RFC 6266/5987), streamed from disk. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const file = id === null ? null : toolDownload(getDb(), id);
  if (!file) throw new Response('Not Found', { status: 404 });
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const stream = createReadableStreamFromReadable(fs.createReadStream(file.path) as Readable);
  return new Response(stream, {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.sizeBytes),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'public, max-age=3600',
    },
  });
}
