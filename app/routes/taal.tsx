import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { safeRedirect } from '~/auth/session.server';
import { isLang } from '~/i18n/config';
import { getLanguage, languageCookie } from '~/i18n/i18n.server';

export const loader = () => redirect('/');

/** Switches the language (POST, so it works without JavaScript) and goes back to the same page. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const asked = form.get('lang');
  const lang = isLang(asked) ? asked : (await getLanguage(request)) === 'nl' ? 'en' : 'nl';
  return redirect(safeRedirect(form.get('redirectTo')), { headers: { 'Set-Cookie': await languageCookie.serialize(lang) } });
}
