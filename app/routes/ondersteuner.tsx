import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { readOnlyAction, requireSupporter } from '~/auth/session.server';

/** The supporters' area. Every child loader and action checks the role again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireSupporter(request);
  return null;
}

export default function SupporterLayout() {
  return <Outlet />;
}

/** A POST to an index page without `?index` (POST /ondersteuner) lands here: guarded, then 405. */
export const action = readOnlyAction('supporter');
