import { pageTitle } from '~/components/meta';
import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Aanvraag verstuurd', 'Request sent');

export default function RequestSent() {
  const { t } = useTranslation('request');
  return (
    <div className="card mx-auto max-w-2xl">
      <h1>{t('sent.title')}</h1>
      <p className="mt-3">{t('sent.text')}</p>
      <p className="mt-3">{t('sent.next')}</p>
      <p className="mt-6">
        <Link to="/aanvragen">{t('sent.another')}</Link>
      </p>
    </div>
  );
}
