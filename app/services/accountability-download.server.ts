import { requireCoordinator } from '~/auth/session.server';
import { parseYear } from '~/components/admin-params';
import { amsterdamYear } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { getDb } from '~db/client';
import { csvLabels, regionsCsv, visitsCsv } from './oversight.server';

/**
 * The accountability downloads (`?jaar=2019`, default this year) as CSV for Dutch Excel:
 * 'regions' gives the figures per region, 'visits' every visit with its report. Coordinators only.
 */
export async function accountabilityCsvResponse(request: Request, kind: 'regions' | 'visits'): Promise<Response> {
  await requireCoordinator(request);
  const lang = await getLanguage(request);
  const raw = new URL(request.url).searchParams.get('jaar');
  const year = parseYear(raw, 0);
  if (year === 0 && raw !== null) return new Response('Bad Request: jaar', { status: 400 });
  const chosen = year || amsterdamYear(Date.now());
  const labels = csvLabels(lang);
  const [body, filename] =
    kind === 'regions'
      ? [regionsCsv(getDb(), chosen, labels, lang), labels.regionsFile(chosen)]
      : [visitsCsv(getDb(), chosen, labels, lang), labels.visitsFile(chosen)];
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
