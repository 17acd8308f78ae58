import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { requireCoordinator } from '~/auth/session.server';

/** The coordinators' area. Every child loader and action checks the role again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  return null;
}

export default function TeamLayout() {
  return <Outlet />;
}
