import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { destroySession } from '~/auth/session.server';

/** Signing out changes state, so it only answers POST; a GET goes home. */
export const loader = () => redirect('/');

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/', { headers: { 'Set-Cookie': await destroySession(request) } });
}
