/**
 * A private calendar feed: /agenda/<token>.ics. A resource route (no UI). An unknown or replaced
 * token gets a bare 404 that reveals nothing.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { feedForToken } from '~/services/feeds.server';
import { getDb } from '~db/client';

/** Feed tokens are base64url; anything else can't be one. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,128}$/;

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  const ics = TOKEN_SHAPE.test(token) ? feedForToken(getDb(), token, Date.now()) : null;
  if (ics === null) {
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="sto-agenda.ics"',
      'Cache-Control': 'private, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
