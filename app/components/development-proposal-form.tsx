import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './form';

export type ProposalActionData = {
  intent: string;
  errors?: Record<string, string[] | null>;
  values?: { title?: string; body?: string; link?: string };
  done?: boolean;
};

type Proposal = { id: number; title: string; status: string; date: string };

/**
 * The status page's "propose a development" form: plain POST (works without JavaScript), an error
 * summary with links to the fields, the values kept after a mistake, and the contact's earlier
 * proposals with where they stand.
 */
export function DevelopmentProposalForm({
  actionData,
  proposals,
  regionPublic,
}: {
  actionData: ProposalActionData | undefined;
  proposals: Proposal[];
  regionPublic: boolean;
}) {
  const { t } = useTranslation('map');
  const errorText = useErrorText();
  const mine = actionData?.intent === 'development' ? actionData : undefined;
  const errors = mine?.errors ?? {};
  const values = mine?.done ? {} : (mine?.values ?? {});
  const fields = ['title', 'body', 'link'] as const;
  const labels = { title: t('propose.titleLabel'), body: t('propose.bodyLabel'), link: t('propose.linkLabel') };
  const summary = fields.flatMap((f) => (errors[f] ?? []).map((e) => ({ field: f, text: errorText(e) })));
  const formError = (errors[''] ?? []).map(errorText);
  const described = (f: (typeof fields)[number], hint = false) => {
    const ids = [hint ? `ontwikkeling-${f}-hint` : '', errors[f]?.length ? `ontwikkeling-${f}-error` : ''].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[f]?.length ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const fieldError = (f: (typeof fields)[number]) =>
    errors[f]?.length ? (
      <p id={`ontwikkeling-${f}-error`} className="field-error">
        {errors[f]!.map(errorText).join(' ')}
      </p>
    ) : null;
  return (
    <section className="card space-y-4" aria-labelledby="ontwikkeling">
      <h2 id="ontwikkeling">{t('propose.title')}</h2>
      {!regionPublic ? (
        <p>{t('propose.notPublic')}</p>
      ) : (
        <>
          <p>{t('propose.intro')}</p>
          {mine?.done ? (
            <p role="status" className="notice">
              {t('propose.done')}
            </p>
          ) : null}
          {summary.length > 0 || formError.length > 0 ? (
            <div role="alert" className="alert" aria-labelledby="ontwikkeling-fouten">
              <h3 id="ontwikkeling-fouten" className="text-base">
                {t('propose.errorSummary')}
              </h3>
              <ul className="mt-1 list-disc pl-5">
                {formError.map((e) => (
                  <li key={e}>{e}</li>
                ))}
                {summary.map((s) => (
                  <li key={s.field}>
                    <a href={`#ontwikkeling-${s.field}`}>
                      {labels[s.field]}: {s.text}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Form method="post" className="space-y-3" noValidate>
            <input type="hidden" name="intent" value="development" />
            <div>
              <label htmlFor="ontwikkeling-title">{labels.title}</label>
              <input id="ontwikkeling-title" name="title" className="input mt-1" maxLength={120} defaultValue={values.title} {...described('title')} />
              {fieldError('title')}
            </div>
            <div>
              <label htmlFor="ontwikkeling-body">{labels.body}</label>
              <textarea id="ontwikkeling-body" name="body" rows={4} className="input mt-1" maxLength={2000} defaultValue={values.body} {...described('body')} />
              {fieldError('body')}
            </div>
            <div>
              <label htmlFor="ontwikkeling-link">{labels.link}</label>
              <p id="ontwikkeling-link-hint" className="text-sm text-slate-700">
                {t('propose.linkHint')}
              </p>
              <input id="ontwikkeling-link" name="link" type="url" className="input mt-1" defaultValue={values.link} {...described('link', true)} />
              {fieldError('link')}
            </div>
            <button type="submit" className="btn-secondary">
              {t('propose.submit')}
            </button>
          </Form>
        </>
      )}
      {proposals.length > 0 ? (
        <div>
          <h3>{t('propose.yours')}</h3>
          <ul className="mt-2 space-y-1">
            {proposals.map((p) => (
              <li key={p.id}>
                {p.title} ({p.date}): <span className="badge">{t(`propose.status.${p.status as 'proposed'}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
