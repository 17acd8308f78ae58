import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { readOnlyAction, requireCoordinator } from '~/auth/session.server';

/** The coordinators' area. Every child loader and action checks the role again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  return null;
}

/** A POST to an index page without `?index` (POST /team) lands here: guarded, then 405. */
export const action = readOnlyAction('coordinator');

export default function TeamLayout() {
  return <Outlet />;
}
