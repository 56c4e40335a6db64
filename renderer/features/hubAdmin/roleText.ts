import { useCallback } from 'react';
import { useCountryName, useT } from '../../i18n';
import type { AccountRole } from './api';

/**
 * Says an account's role in the reader's words, with the site of a coordinator: "Coordinator for
 * Pakistan", "Coordinator for the whole organisation", "Trainee".
 */
export function useRoleText(): (role: AccountRole, site?: string) => string {
  const t = useT();
  const countryName = useCountryName();
  return useCallback(
    (role: AccountRole, site?: string) => {
      if (role !== 'coordinator') return t(`app.role.${role}`);
      return site ? t('hubAdmin.role.siteCoordinator', { country: countryName(site) }) : t('hubAdmin.role.organisationCoordinator');
    },
    [t, countryName],
  );
}
