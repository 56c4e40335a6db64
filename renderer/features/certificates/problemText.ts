import { useMemo } from 'react';
import type { CredentialProblem } from '../../../shared/credentials/errors';
import { useT } from '../../i18n';

/** Turns a credential problem (code + parameters) into text in the reader's language. */
export function useProblemText(): (problem: CredentialProblem) => string {
  const t = useT();
  return useMemo(() => (problem: CredentialProblem) => t(`certificates.problem.${problem.code}`, problem.params), [t]);
}
