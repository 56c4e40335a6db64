import { useCallback } from 'react';
import { useT } from '../../i18n';
import type { HubProblem } from './api';

/** Says a hub problem in the reader's language; `email` fills the "already exists" text. */
export function useHubProblemText(): (problem: HubProblem, email?: string) => string {
  const t = useT();
  return useCallback(
    (problem: HubProblem, email = '') => {
      switch (problem.kind) {
        case 'exists':
          return t('hubAdmin.problem.exists', { email });
        case 'hub-error':
          return t('hubAdmin.problem.hub-error', { message: problem.message });
        default:
          return t(`hubAdmin.problem.${problem.kind}`);
      }
    },
    [t],
  );
}
