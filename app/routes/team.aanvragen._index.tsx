import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyAction, requireCoordinator } from '~/auth/session.server';

/** There is no list of its own: the requests are in the inbox (with the status filter for the rest). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  return redirect('/team/inbox?status=all');
}

export const action = readOnlyAction('coordinator');
