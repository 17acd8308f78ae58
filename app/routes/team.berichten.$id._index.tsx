import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { formatDateTime } from '~/domain/time';
import { isErrorKind } from '~/mail/delivery-rules';
import { getLanguage } from '~/i18n/i18n.server';
import { getOutboxMessage, resendFailedMessage } from '~/services/outbox-view.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Bericht', 'Message');

function messageId(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const message = getOutboxMessage(getDb(), messageId(params.id));
  if (!message) throw new Response('Not Found', { status: 404 });
  const { ics: _ics, html: _html, ...rest } = message;
  return { message: { ...rest, hasIcs: Boolean(message.ics) }, lang: await getLanguage(request) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCoordinator(request);
  const id = messageId(params.id);
  if (!getOutboxMessage(getDb(), id)) throw new Response('Not Found', { status: 404 });
  const ok = resendFailedMessage(getDb(), { outboxId: id, actorUserId: user.id, now: Date.now() });
  if (ok) throw redirect(`/team/berichten/${id}?opnieuw=1`);
  return { notFailed: true };
}

export default function OutboxMessage() {
  const { message, lang } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation('outbox');
  const rows: Array<[string, string | number | null]> = [
    [t('detail.to'), message.toName ? `${message.toName} <${message.toEmail}>` : message.toEmail],
    [t('detail.kind'), message.kind],
    [t('detail.language'), message.language],
    [t('detail.status'), t(`statuses.${message.status}`)],
    [t('detail.attempts'), message.attempts],
    [t('detail.transport'), message.transport === 'local' || message.transport === 'resend' ? t(`transports.${message.transport}`) : null],
    [t('detail.providerId'), message.providerId],
    [t('detail.deliveredAt'), message.deliveredAt ? formatDateTime(message.deliveredAt, lang) : null],
    [t('detail.nextAttempt'), message.status === 'pending' ? formatDateTime(message.nextAttemptAt, lang) : null],
    [t('reason'), isErrorKind(message.errorKind) && message.status !== 'delivered' ? t(`errorKinds.${message.errorKind}`) : null],
    [t('detail.lastError'), message.lastError],
    [t('detail.idempotencyKey'), message.idempotencyKey],
  ];
  return (
    <div className="space-y-5">
      <p>
        <Link to="/team/berichten">{t('back')}</Link>
      </p>
      <h1>{message.subject}</h1>
      {params.get('opnieuw') ? (
        <p role="status" className="notice">
          {t('resent')}
        </p>
      ) : null}
      {actionData?.notFailed ? (
        <p role="alert" className="alert">
          {t('notFailed')}
        </p>
      ) : null}
      <dl className="card grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows
          .filter(([, value]) => value !== null && value !== '')
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
      </dl>
      {message.status === 'failed' ? (
        <Form method="post">
          <button type="submit" className="btn">
            {t('resend')}
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="tekst" className="card">
        <h2 id="tekst">{t('detail.text')}</h2>
        <pre className="mt-3 whitespace-pre-wrap font-sans text-sm">{message.text}</pre>
      </section>
      {message.hasIcs ? (
        <section aria-labelledby="bijlage" className="card">
          <h2 id="bijlage">{t('detail.attachment')}</h2>
          <p className="mt-2">
            <a href={`/team/berichten/${message.id}.ics`} download>
              {t('detail.downloadIcs', { method: message.icsMethod ?? '' })}
            </a>
          </p>
        </section>
      ) : null}
    </div>
  );
}
