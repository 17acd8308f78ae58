import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { requireCoordinator } from '~/auth/session.server';
import { parseYear } from '~/components/admin-params';
import { amsterdamYear } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { csvLabels, visitsCsv } from '~/services/oversight.server';
import { getDb } from '~db/client';

/** Every visit of a year with its report, as CSV for Dutch Excel. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const lang = await getLanguage(request);
  const raw = new URL(request.url).searchParams.get('jaar');
  const year = parseYear(raw, 0);
  if (year === 0 && raw !== null) return new Response('Bad Request: jaar', { status: 400 });
  const chosen = year || amsterdamYear(Date.now());
  const labels = csvLabels(lang);
  return new Response(visitsCsv(getDb(), chosen, labels, lang), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${labels.visitsFile(chosen)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCoordinator(request);
  return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET' } });
}
