import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { requireCoordinator } from '~/auth/session.server';

/** The coordinators' area. Every child loader and action checks the role again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  return null;
}

/**
 * A POST to an index page without `?index` (POST /team, /team/berichten) lands here: answer it with
 * the same guard (sign-in redirect, 403) before saying there is nothing to post to.
 */
export async function action({ request }: ActionFunctionArgs) {
  await requireCoordinator(request);
  throw new Response('Method Not Allowed', { status: 405 });
}

export default function TeamLayout() {
  return <Outlet />;
}
