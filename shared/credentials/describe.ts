import { credentialProblemText } from './errors';
import type { VerificationResult, VerificationStatus } from './verify';

/**
 * The answer of a verification in plain English, for the command line, logs and the hub (the
 * app shows the same parts in the user's language from the codes).
 */

/** One-line headline of each verdict. */
export const verdictText: Record<VerificationStatus, string> = {
  valid: 'VALID: this certificate is authentic and in force.',
  altered: 'ALTERED: this certificate was changed after it was signed. Do not trust its content.',
  revoked: 'REVOKED: this certificate was authentic but has been withdrawn by its issuer.',
  expired: 'EXPIRED: this certificate is authentic but not in force at this date.',
  'unknown-issuer': 'UNKNOWN ISSUER: who issued this certificate could not be confirmed.',
  malformed: 'MALFORMED: this is not a readable certificate.',
};

/** The lines of the answer: verdict, what was certified, revocation, the revocation list's date, problems. */
export function describeVerification(result: VerificationResult): string[] {
  const lines = [verdictText[result.status]];
  const { summary } = result;
  if (summary) {
    const claimed = result.status === 'valid' || result.status === 'revoked' || result.status === 'expired' ? '' : ' (as claimed, not confirmed)';
    lines.push('', `Certified${claimed}:`);
    lines.push(`  Name:        ${summary.name}`);
    lines.push(`  Course:      ${summary.course}${summary.courseCode ? ` (${summary.courseCode})` : ''}`);
    if (summary.hours !== undefined) lines.push(`  Hours:       ${summary.hours}`);
    lines.push(`  Issued by:   ${summary.issuerName}`);
    lines.push(`  Issued on:   ${summary.issuedOn.slice(0, 10)}`);
    if (summary.validUntil) lines.push(`  Valid until: ${summary.validUntil.slice(0, 10)}`);
    if (summary.serial) lines.push(`  Serial:      ${summary.serial}`);
  }
  if (result.revocation) {
    lines.push('', `Revoked on ${result.revocation.date.slice(0, 10)}${result.revocation.reason ? `: ${result.revocation.reason}` : ''}`);
  }
  if (result.status !== 'malformed' && result.status !== 'altered') {
    lines.push(
      '',
      result.statusListAsOf
        ? `Revocation checked against the list of ${result.statusListAsOf}.`
        : 'Revocation not checked against a signed revocation list.',
    );
  }
  if (result.problems.length > 0) {
    lines.push('', 'Details:');
    for (const item of result.problems) lines.push(`  - ${credentialProblemText(item)}`);
  }
  return lines;
}
