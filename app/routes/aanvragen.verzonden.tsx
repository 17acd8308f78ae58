import { pageTitle } from '~/components/meta';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { readRequestSent } from '~/auth/request-sent.server';
import { useTranslation } from 'react-i18next';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Aanvraag verstuurd', 'Request sent');

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: await readRequestSent(request) };
}

export default function RequestSent() {
  const { t } = useTranslation('request');
  const { sent } = useLoaderData<typeof loader>();
  return (
    <div className="card mx-auto max-w-2xl">
      <h1>{t('sent.title')}</h1>
      <p className="mt-3">{t('sent.text')}</p>
      {sent ? (
        <dl className="mt-3">
          <dt className="font-semibold">{t('sent.address')}</dt>
          <dd>{sent.email}</dd>
          <dt className="mt-2 font-semibold">{t('sent.reference')}</dt>
          <dd>{sent.reference}</dd>
        </dl>
      ) : null}
      <p className="mt-3">{t('sent.next')}</p>
      <p className="mt-6">
        <Link to="/aanvragen">{t('sent.another')}</Link>
      </p>
    </div>
  );
}
