import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

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

/** The path as logged: private tokens (status links, feeds) are masked. */
export function loggablePath(url: string): string {
  const path = url.split('?')[0] ?? url;
  return path.replace(/^\/(aanvraag|agenda)\/[^/.]+/, '/$1/…');
}

/** One line per request: time, method, path (tokens masked), status, duration. */
export function requestLog() {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      console.log(`${new Date().toISOString()} ${req.method} ${loggablePath(req.originalUrl)} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  };
}

/**
 * Refuses bodies over the limit before anything reads them. A few routes take more (file uploads):
 * `larger` lists their paths (Remix's `.data` variant included by the caller's pattern) and limits.
 */
export function bodyLimit(maxBytes: number, larger: ReadonlyArray<{ path: RegExp; maxBytes: number }> = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.headers['content-length'] ?? 0);
    const limit = larger.find((l) => l.path.test(req.path))?.maxBytes ?? maxBytes;
    if (length > limit) {
      res.status(413).type('text/plain').send('Payload Too Large');
      return;
    }
    next();
  };
}
