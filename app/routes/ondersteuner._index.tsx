import { pageTitle } from '~/components/meta';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireSupporter } from '~/auth/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Mijn overzicht', 'My overview');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSupporter(request);
  return { name: user.name };
}

export default function SupporterStart() {
  const { name } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return <h1>{t('staffStart.supporterTitle', { name })}</h1>;
}
