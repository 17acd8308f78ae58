import type { LoaderFunctionArgs } from '@remix-run/node';
import { getLanguage } from '~/i18n/i18n.server';
import { findRequestIdByToken, visitIcsForRequest } from '~/services/requests.server';
import { getDb } from '~db/client';

/** /aanvraag/<token>/bezoek/<id>.ics: one visit of the request, to add to one's own calendar. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const requestId = params.token ? findRequestIdByToken(db, params.token) : null;
  const visitId = Number(params.visitId);
  const ics =
    requestId !== null && Number.isSafeInteger(visitId) && visitId > 0
      ? visitIcsForRequest(db, requestId, visitId, await getLanguage(request), Date.now())
      : null;
  if (ics === null) return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="bezoek-${visitId}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
