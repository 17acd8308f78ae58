/**
 * What the confirmation page after a request shows (the address the link went to, the request's
 * reference), handed over in a short-lived signed cookie: never in the URL, never stored.
 */
import { createCookie } from '@remix-run/node';
import { getConfig } from '~/config.server';

const cookieKey = Symbol.for('sto.requestSentCookie');
type GlobalWithCookie = typeof globalThis & { [cookieKey]?: ReturnType<typeof createCookie> };

function requestSentCookie() {
  const g = globalThis as GlobalWithCookie;
  g[cookieKey] ??= createCookie('sto_request_sent', {
    // Not /aanvragen/verzonden: with JavaScript the page's data comes from /aanvragen/verzonden.data.
    path: '/aanvragen',
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production',
    secrets: getConfig()
      .SESSION_SECRET.split(',')
      .map((s) => s.trim()),
    maxAge: 10 * 60,
  });
  return g[cookieKey];
}

export interface RequestSent {
  email: string;
  reference: string;
}

/** "A-000123": the number the team sees the request under. */
export function requestReference(requestId: number): string {
  return `A-${String(requestId).padStart(6, '0')}`;
}

export function requestSentHeader(sent: RequestSent): Promise<string> {
  return requestSentCookie().serialize(sent);
}

export async function readRequestSent(request: Request): Promise<RequestSent | null> {
  const value: unknown = await requestSentCookie().parse(request.headers.get('Cookie'));
  if (typeof value !== 'object' || value === null) return null;
  const { email, reference } = value as Record<string, unknown>;
  return typeof email === 'string' && typeof reference === 'string' ? { email, reference } : null;
}
