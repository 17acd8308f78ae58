import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatHalfDays } from '~/domain/days';
import type { Suggestion, SuggestionReason } from '~/domain/supporter-suggestions';
import { themeLabel } from '~/domain/themes';
import { formatDate, type Lang } from '~/domain/time';
import { SimpleFormErrors, type TriageActionData } from './triage-forms';

/** The reasons of one suggestion as sentences. */
export function useReasonText(lang: Lang) {
  const { t } = useTranslation('triage');
  return (r: SuggestionReason): string => {
    switch (r.kind) {
      case 'request_theme':
        return t('assign.reasons.request_theme', { theme: themeLabel(r.theme, lang) });
      case 'speerpunten':
        return t('assign.reasons.speerpunten', { themes: r.themes.map((k) => themeLabel(k, lang)).join(', ') });
      case 'knows_region':
        return t('assign.reasons.knows_region', { visits: r.visits, requests: r.requests });
      case 'free_in_period':
        return t('assign.reasons.free_in_period');
      case 'busy_in_period':
        return t('assign.reasons.busy_in_period', { count: r.count });
      case 'load':
        return t('assign.reasons.load', { days: formatHalfDays(r.plannedHalfDays, lang) });
    }
  };
}

/**
 * The ranked supporters for a request, each with its reasons and a button to assign them. People
 * from the region itself and inactive supporters are not in the list at all.
 */
export function SuggestionsTable({
  suggestions,
  period,
  currentSupporterId,
  lang,
  actionData,
}: {
  suggestions: Suggestion[];
  period: { from: string; until: string; startsAt: number; endsAt: number } | null;
  currentSupporterId: number | null;
  lang: Lang;
  actionData: TriageActionData | undefined;
}) {
  const { t } = useTranslation('triage');
  const reasonText = useReasonText(lang);
  return (
    <div className="mt-4">
      <h3 id="voorstellen">{t('assign.suggestionsTitle')}</h3>
      <p className="mt-1 text-sm text-slate-700">{t('assign.intro')}</p>
      <p className="mt-1 text-sm text-slate-700">
        {period
          ? t('assign.periodRead', { from: formatDate(period.startsAt, lang), until: formatDate(period.endsAt - 1, lang) })
          : t('assign.periodUnread')}
      </p>
      <SimpleFormErrors formId="assign" actionData={actionData} />
      {suggestions.length === 0 ? (
        <p className="mt-2">{t('assign.noSuggestions')}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="table" aria-labelledby="voorstellen">
            <thead>
              <tr>
                <th scope="col">{t('assign.columns.rank')}</th>
                <th scope="col">{t('assign.columns.name')}</th>
                <th scope="col">{t('assign.columns.reasons')}</th>
                <th scope="col">{t('assign.columns.action')}</th>
              </tr>
            </thead>
            <tbody>
              {suggestions.map((s, i) => (
                <tr key={s.supporterId} data-testid="suggestion">
                  <td>{i + 1}</td>
                  <th scope="row" className="border-b border-slate-200 align-top font-semibold">
                    {s.name}
                  </th>
                  <td>
                    <ul className="list-disc pl-5">
                      {s.reasons.map((r) => (
                        <li key={r.kind}>{reasonText(r)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {s.supporterId === currentSupporterId ? (
                      <span className="badge">{t('assign.isCurrent')}</span>
                    ) : (
                      <Form method="post" preventScrollReset>
                        <input type="hidden" name="intent" value="assign" />
                        <input type="hidden" name="supporterId" value={s.supporterId} />
                        <button type="submit" className="btn-secondary" aria-label={t('assign.assignLabel', { name: s.name })}>
                          {t('assign.assign')}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
