import { NavLink, Outlet } from 'react-router';
import { pendingChanges, useLiveQuery } from '../db';
import { AttentionNavLink } from '../features/attention';
import { useT } from '../i18n';
import { useConnectivity } from '../state/connectivity';
import { useSettings } from '../state/settings';
import { ActingAs } from './ActingAs';
import { LanguageSelect } from './LanguageSelect';

/** The window frame: navigation, connectivity, changes waiting, language. */
export function Layout() {
  const t = useT();
  const online = useConnectivity((s) => s.online);
  const role = useSettings((s) => s.role);
  const pending = useLiveQuery(() => pendingChanges(), []) ?? 0;
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
          {role === 'coordinator' && <NavLink to="/programmes">{t('nav.programmes')}</NavLink>}
          {role === 'coordinator' && <NavLink to="/certificates" end>{t('certificates.nav.certificates')}</NavLink>}
          {role === 'trainee' && <NavLink to="/my/certificates">{t('certificates.nav.my')}</NavLink>}
          <NavLink to="/verify">{t('certificates.nav.verify')}</NavLink>
          <AttentionNavLink />
          {role === 'coordinator' && <NavLink to="/devices">{t('devices.nav')}</NavLink>}
          <NavLink to="/settings">{t('nav.settings')}</NavLink>
        </nav>
        <div className="status-area">
          <span className={`connectivity ${online ? 'online' : 'offline'}`} role="status">
            {t(online ? 'status.online' : 'status.offline')}
          </span>
          <span className="pending" title={t('status.pendingHint')}>
            {t('status.pending', { count: pending })}
          </span>
          <ActingAs />
          <LanguageSelect id="header-language" />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
