import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '~/auth/session.server';

type NavItem = { to: string; label: string; end?: boolean };

function navFor(user: SessionUser | null, t: ReturnType<typeof useTranslation>['t']): NavItem[] {
  if (user?.role === 'coordinator') {
    return [
      { to: '/team', label: t('nav.team.start'), end: true },
      { to: '/team/inbox', label: t('nav.team.inbox') },
      { to: '/team/regios', label: t('nav.team.regions') },
      { to: '/team/agenda', label: t('nav.team.calendar') },
      { to: '/team/ondersteuners', label: t('nav.team.supporters') },
      { to: '/team/berichten', label: t('nav.team.outbox') },
      { to: '/team/verantwoording', label: t('nav.team.accountability') },
      { to: '/team/logboek', label: t('nav.team.audit') },
      { to: '/team/instellingen', label: t('nav.team.settings') },
    ];
  }
  if (user?.role === 'supporter') {
    return [
      { to: '/ondersteuner', label: t('nav.supporter.start'), end: true },
      { to: '/ondersteuner/aanvragen', label: t('nav.supporter.requests') },
      { to: '/ondersteuner/bezoeken', label: t('nav.supporter.visits') },
      { to: '/ondersteuner/beschikbaarheid', label: t('nav.supporter.availability') },
      { to: '/ondersteuner/profiel', label: t('nav.supporter.profile') },
    ];
  }
  return [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/aanvragen', label: t('nav.askSupport') },
  ];
}

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
          {navFor(user, t).map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.end}
                className={({ isActive }) =>
                  `block px-3 py-2 text-sm font-medium text-white no-underline hover:bg-brand-700 hover:text-white ${isActive ? 'bg-brand-600 underline' : ''}`
                }
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
