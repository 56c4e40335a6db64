import { useCallback } from 'react';
import { useCountryName, useT } from '../../i18n';
import type { HubProblem } from './api';

/**
 * Says a hub problem in the reader's language; `email` fills the "already exists" text, `site`
 * (a site coordinator's country) the refusal of a person outside it.
 */
export function useHubProblemText(): (problem: HubProblem, email?: string, site?: string) => string {
  const t = useT();
  const countryName = useCountryName();
  return useCallback(
    (problem: HubProblem, email = '', site = '') => {
      switch (problem.kind) {
        case 'exists':
          return t('hubAdmin.problem.exists', { email });
        case 'forbidden':
          // The hub says which rule refused (`where`): the person is outside the site, or only the
          // whole organisation's coordinators create coordinators.
          if (problem.where === 'personId' && site) return t('hubAdmin.problem.forbidden-person', { site: countryName(site) });
          if (problem.where === 'role') return t('hubAdmin.problem.forbidden-coordinator');
          return t('hubAdmin.problem.forbidden');
        case 'hub-error':
          return t('hubAdmin.problem.hub-error', { message: problem.message });
        default:
          return t(`hubAdmin.problem.${problem.kind}`);
      }
    },
    [t, countryName],
  );
}
