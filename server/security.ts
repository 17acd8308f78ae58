import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { loggablePath, loggableValue, logUnexpectedError } from '../app/security/log.server';

export { loggablePath };

/** Security headers for every response, with a fresh CSP nonce for Remix's inline scripts. */
export function securityHeaders({ production, https }: { production: boolean; https: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    const scriptSrc = production ? `'self' 'nonce-${nonce}'` : `'self' 'unsafe-inline' 'unsafe-eval'`;
    const csp = [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      // Inline style attributes (bar widths); no inline <style> from users ever reaches a page.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      production ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    // Status and feed links carry secrets in the path: never send them on as a referrer.
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

/**
 * Every request, before Remix sees it: a request the app can't or mustn't handle is refused here,
 * and answered with the app's own error page (see remix-handler.ts). Nothing of its body is parsed.
 */
export type RefusalReason = 'method' | 'crossSite' | 'tooLarge' | 'unsupportedBody' | 'brokenBody';
export type Refusal = { status: 400 | 403 | 405 | 413 | 415; reason: RefusalReason; log: string };
export type Admission = { ok: true; body: Buffer | null } | { ok: false; refusal: Refusal };

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * What a request with a body must look like: POST only, from one of our own pages (no other site's
 * Origin, no cross-site fetch), a form's content type, within the size limit (counted on the stream,
 * whatever Content-Length says), and a multipart body that parses.
 */
export async function admit(
  req: Request,
  { maxBodyBytes, largerBodies = [], ownOrigins }: { maxBodyBytes: number; largerBodies?: ReadonlyArray<{ path: RegExp; maxBytes: number }>; ownOrigins: string[] },
): Promise<Admission> {
  const method = req.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return { ok: true, body: null };
  if (method !== 'POST') return refuse(405, 'method', `method ${loggableValue(method, 10)}`);

  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  if (site === 'cross-site' || site === 'same-site') return refuse(403, 'crossSite', `cross-site post (sec-fetch-site ${site})`);
  if (origin !== undefined && !ownOrigins.includes(origin.toLowerCase())) {
    return refuse(403, 'crossSite', `cross-site post (origin ${loggableValue(origin)})`);
  }

  const contentType = req.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(mediaType)) return refuse(415, 'unsupportedBody', `content type ${loggableValue(mediaType || 'none')}`);

  // A few routes take more (file uploads): their paths (with Remix's `.data` variant) and limits.
  const limit = largerBodies.find((l) => l.path.test(req.path))?.maxBytes ?? maxBodyBytes;
  const declared = Number(req.get('content-length') ?? 0);
  if (declared > limit) return refuse(413, 'tooLarge', `body of ${declared} bytes declared`);
  const body = await readBody(req, limit);
  if (body === null) return refuse(413, 'tooLarge', `body over ${limit} bytes`);

  if (mediaType === 'multipart/form-data') {
    try {
      await new globalThis.Response(new Uint8Array(body), { headers: { 'Content-Type': contentType } }).formData();
    } catch {
      return refuse(400, 'brokenBody', 'multipart body does not parse');
    }
  }
  return { ok: true, body };
}

function refuse(status: Refusal['status'], reason: RefusalReason, log: string): Admission {
  return { ok: false, refusal: { status, reason, log } };
}

/** The body, or null as soon as it grows past the limit (the rest is not read). */
export function readBody(req: Request, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Status links, feeds and everything a signed-in browser sees: never kept by a cache. */
export function isPrivateRequest(req: Request): boolean {
  const path = req.path;
  if (/^\/(aanvraag|agenda|team|ondersteuner|inloggen)(\/|$)/.test(path) || path.startsWith('/team.') || path.startsWith('/ondersteuner.')) return true;
  return /(^|;\s*)sto_session=/.test(req.get('cookie') ?? '');
}

/** One line per request: time, method, path (tokens masked, no query), status, duration, and why it was refused. */
export function requestLog() {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const note = typeof res.locals.logNote === 'string' ? ` (${res.locals.logNote})` : '';
      console.log(
        `${new Date().toISOString()} ${loggableValue(req.method, 10)} ${loggablePath(req.originalUrl)} ${res.statusCode} ${ms.toFixed(1)}ms${note}`,
      );
    });
    next();
  };
}

/** The last resort for an error that escaped the handler: one redacted line, a plain 500. */
export function errorHandler() {
  // Express knows an error handler by its four parameters.
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logUnexpectedError(`${req.method} ${loggablePath(req.originalUrl)}`, error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(500).type('text/plain').send('Internal Server Error');
  };
}
