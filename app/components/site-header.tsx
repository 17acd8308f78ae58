import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '~/auth/session.server';

type NavKey =
  | 'nav.home'
  | 'nav.askSupport'
  | 'nav.regions'
  | 'nav.faq'
  | 'nav.tools'
  | `nav.team.${'start' | 'inbox' | 'regions' | 'map' | 'developments' | 'faq' | 'tools' | 'calendar' | 'supporters' | 'outbox' | 'accountability' | 'audit' | 'settings'}`
  | `nav.supporter.${'start' | 'requests' | 'visits' | 'availability' | 'profile'}`;
type NavItem = { to: string; label: NavKey; end?: boolean };

const NAV: Record<'coordinator' | 'supporter' | 'public', NavItem[]> = {
  coordinator: [
    { to: '/team', label: 'nav.team.start', end: true },
    { to: '/team/inbox', label: 'nav.team.inbox' },
    { to: '/team/regios', label: 'nav.team.regions' },
    { to: '/team/kaart', label: 'nav.team.map' },
    { to: '/team/ontwikkelingen', label: 'nav.team.developments' },
    { to: '/team/vragen', label: 'nav.team.faq' },
    { to: '/team/tools', label: 'nav.team.tools' },
    { to: '/team/agenda', label: 'nav.team.calendar' },
    { to: '/team/ondersteuners', label: 'nav.team.supporters' },
    { to: '/team/berichten', label: 'nav.team.outbox' },
    { to: '/team/verantwoording', label: 'nav.team.accountability' },
    { to: '/team/logboek', label: 'nav.team.audit' },
    { to: '/team/instellingen', label: 'nav.team.settings' },
  ],
  supporter: [
    { to: '/ondersteuner', label: 'nav.supporter.start', end: true },
    { to: '/ondersteuner/aanvragen', label: 'nav.supporter.requests' },
    { to: '/ondersteuner/bezoeken', label: 'nav.supporter.visits' },
    { to: '/ondersteuner/beschikbaarheid', label: 'nav.supporter.availability' },
    { to: '/ondersteuner/profiel', label: 'nav.supporter.profile' },
  ],
  public: [
    { to: '/', label: 'nav.home', end: true },
    { to: '/aanvragen', label: 'nav.askSupport' },
    { to: '/regios', label: 'nav.regions' },
    { to: '/vragen', label: 'nav.faq' },
    { to: '/tools', label: 'nav.tools' },
  ],
};

export function SiteHeader({ user }: { user: SessionUser | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="text-lg font-bold text-brand-800 no-underline">
          {t('appName')}
          <span className="block text-xs font-normal text-slate-700">{t('programme')}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Form method="post" action="/taal">
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="btn-secondary px-3 py-1" aria-label={t('language.switchToLabel')} lang={t('language.switchTo') === 'English' ? 'en' : 'nl'}>
              {t('language.switchTo')}
            </button>
          </Form>
          {user ? (
            <>
              <span className="text-slate-800">{t('nav.signedInAs', { name: user.name })}</span>
              <Form method="post" action="/uitloggen">
                <button type="submit" className="btn-secondary px-3 py-1">
                  {t('nav.signOut')}
                </button>
              </Form>
            </>
          ) : (
            <Link to="/inloggen" className="font-semibold">
              {t('nav.signIn')}
            </Link>
          )}
        </div>
      </div>
      <nav aria-label={t('nav.main')} className="bg-brand-800">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
          {/* While the password is a temporary one, only /wachtwoord opens: no menu leads elsewhere. */}
          {NAV[user && !user.mustChangePassword ? user.role : 'public'].map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.end}
                className={({ isActive }) =>
                  `block px-3 py-2 text-sm font-medium text-white no-underline hover:bg-brand-700 hover:text-white ${isActive ? 'bg-brand-600 underline' : ''}`
                }
              >
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
