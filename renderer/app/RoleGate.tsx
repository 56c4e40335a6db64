import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../shared/mutations';
import { useT } from '../i18n';
import { useSettings } from '../state/settings';
import { landingOf } from './ActingAs';

/** Shows a screen only to the roles it is for; others get a plain explanation. */
export function RoleGate({ allow, children }: { allow: readonly Role[]; children: ReactNode }) {
  const t = useT();
  const role = useSettings((s) => s.role);
  if (allow.includes(role)) return children;
  return (
    <section className="empty-state" role="alert">
      <h1>{t('app.notForRole', { role: t(`app.role.${role}`) })}</h1>
      <p>{t('app.notForRoleHint')}</p>
      <Link to={landingOf[role]}>{t('notFound.back')}</Link>
    </section>
  );
}
