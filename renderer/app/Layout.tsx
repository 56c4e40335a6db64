import { NavLink, Outlet } from 'react-router';
import { AttentionNavLink } from '../features/attention';
import { useT } from '../i18n';
import { AccountMenu } from '../features/account';
import { SyncStatus } from '../features/sync';
import { useRunsOrganisation, useSession } from '../state/session';
import { useSettings } from '../state/settings';
import { ActingAs } from './ActingAs';
import { LanguageSelect } from './LanguageSelect';

/** The window frame: navigation, sync status, account (or "Acting as" when not signed in), language. */
export function Layout() {
  const t = useT();
  const role = useSettings((s) => s.role);
  const signedIn = useSession((s) => Boolean(s.session));
  // Programmes are the organisation's: a site coordinator's catalogue starts at the sessions.
  const runsOrganisation = useRunsOrganisation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <span className="brand" aria-hidden="true">
          Apogee
        </span>
        <nav aria-label={t('nav.main')}>
          {role === 'trainee' && <NavLink to="/my" end>{t('app.nav.myCourses')}</NavLink>}
          {role !== 'trainee' && <NavLink to="/today">{t('app.nav.today')}</NavLink>}
          <NavLink to="/" end>
            {t('nav.catalogue')}
          </NavLink>
          {role !== 'trainee' && <NavLink to="/people">{t('app.nav.people')}</NavLink>}
          {runsOrganisation && <NavLink to="/programmes">{t('nav.programmes')}</NavLink>}
          {role === 'coordinator' && <NavLink to="/certificates" end>{t('certificates.nav.certificates')}</NavLink>}
          {role === 'trainee' && <NavLink to="/my/certificates">{t('certificates.nav.my')}</NavLink>}
          <NavLink to="/verify">{t('certificates.nav.verify')}</NavLink>
          <AttentionNavLink />
          {role === 'coordinator' && <NavLink to="/devices">{t('devices.nav')}</NavLink>}
          {signedIn && <NavLink to="/sync/file">{t('packets.nav')}</NavLink>}
          <NavLink to="/settings">{t('nav.settings')}</NavLink>
        </nav>
        <div className="status-area">
          <SyncStatus />
          {!signedIn && <ActingAs />}
          <AccountMenu />
          <LanguageSelect id="header-language" />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
