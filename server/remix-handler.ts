/**
 * The Remix request handler behind the checks of security.ts. Like @remix-run/express's own, but the
 * body Remix reads is the one `admit` already read and checked, and a refused request is answered by
 * the app's error page (the catch-all route renders `context.refusal`) in the user's language.
 */
import {
  createRequestHandler as createRemixHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from '@remix-run/node';
import type { NextFunction, Request, Response } from 'express';
import { admit, isPrivateRequest } from './security';

/** Where a refused request is sent inside the app: no route has this path, so the catch-all answers. */
export const REFUSAL_PATH = '/__refused';

export function createRequestHandler({
  build,
  mode,
  getLoadContext,
  maxBodyBytes,
  largerBodies = [],
  appUrl,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: 'production' | 'development';
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
  maxBodyBytes: number;
  largerBodies?: ReadonlyArray<{ path: RegExp; maxBytes: number }>;
  appUrl: string;
}) {
  const handle = createRemixHandler(build, mode);
  const appOrigin = new URL(appUrl).origin.toLowerCase();
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const here = `${req.protocol}://${req.get('host') ?? 'localhost'}`.toLowerCase();
      const admission = await admit(req, { maxBodyBytes, largerBodies, ownOrigins: [appOrigin, here] });
      const context = getLoadContext(req, res);
      let request: globalThis.Request;
      if (admission.ok) {
        request = fetchRequest(req, res, req.method, req.originalUrl, admission.body);
      } else {
        const { refusal } = admission;
        res.locals.logNote = refusal.log;
        if (refusal.status === 413) {
          // The rest of the body is never read: answer, then close the connection.
          res.setHeader('Connection', 'close');
          res.on('finish', () => req.destroy());
        }
        context.refusal = { status: refusal.status, reason: refusal.reason };
        request = fetchRequest(req, res, 'GET', REFUSAL_PATH, null);
      }
      const response = await handle(request, context);
      if (isPrivateRequest(req)) response.headers.set('Cache-Control', 'no-store');
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function fetchRequest(req: Request, res: Response, method: string, path: string, body: Buffer | null): globalThis.Request {
  let url: URL;
  try {
    url = new URL(path, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  } catch {
    url = new URL(path, 'http://localhost');
  }
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(key, one);
  }
  headers.delete('transfer-encoding');
  headers.delete('content-length');
  if (body === null) headers.delete('content-type');
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return new globalThis.Request(url.href, { method, headers, body: body === null ? null : new Uint8Array(body), signal: controller.signal });
}

async function sendRemixResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
