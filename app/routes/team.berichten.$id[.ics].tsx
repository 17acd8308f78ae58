import type { LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyAction, requireCoordinator } from '~/auth/session.server';
import { icsContentType, type InviteMethod } from '~/calendar/ics';
import { getOutboxMessage } from '~/services/outbox-view.server';
import { getDb } from '~db/client';

/** The .ics attachment of an outbox message, exactly as it was (or will be) sent. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const id = Number(params.id);
  const message = Number.isSafeInteger(id) && id > 0 ? getOutboxMessage(getDb(), id) : null;
  if (!message?.ics) return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const method: InviteMethod = message.icsMethod === 'CANCEL' ? 'CANCEL' : 'REQUEST';
  return new Response(message.ics, {
    headers: {
      'Content-Type': icsContentType(method),
      'Content-Disposition': `attachment; filename="bericht-${id}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

export const action = readOnlyAction('coordinator');
