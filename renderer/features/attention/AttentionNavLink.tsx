import { NavLink } from 'react-router';
import { useT } from '../../i18n';
import { useAttentionCount } from './data';
import './attention.css';

/** The navigation entry of "Needs attention", with the number of open items as a badge. */
export function AttentionNavLink() {
  const t = useT();
  const count = useAttentionCount();
  return (
    <NavLink to="/attention" aria-label={t('attention.navCount', { count })}>
      {t('attention.nav')}
      {count > 0 && (
        <span className="nav-count" aria-hidden="true" data-testid="attention-count">
          {count}
        </span>
      )}
    </NavLink>
  );
}
