import type { LoaderFunctionArgs } from '@remix-run/node';

/**
 * Any unknown address: the friendly 404 of the root error boundary. Also the page of a request the
 * server refused before the app (a cross-site post, an unreadable or too large body: see
 * server/security.ts), so that refusal reads like every other error page, in the user's language.
 */
export const loader = ({ context }: LoaderFunctionArgs) => {
  const refusal = context.refusal;
  if (refusal) throw new Response(refusal.reason, { status: refusal.status });
  throw new Response('Not Found', { status: 404 });
};

export const action = loader;

export default function NotFound() {
  return null;
}
