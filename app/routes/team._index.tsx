import { pageTitle } from '~/components/meta';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Overzicht', 'Overview');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCoordinator(request);
  return { name: user.name };
}

export default function TeamStart() {
  const { name } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return <h1>{t('staffStart.coordinatorTitle', { name })}</h1>;
}
