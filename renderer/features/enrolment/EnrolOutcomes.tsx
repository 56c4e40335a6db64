// What enrolling several people at once answered, person by person: shared by the multi-select
// ("Enrol selected") and "Enrol from a file".
import type { MutationOutcome } from '../../db';
import { useErrorText, useT } from '../../i18n';

/** One person's outcome: enrolled, waitlisted (with position), waiting for approval or refused (why). */
export type EnrolOutcome = {
  key: string;
  name: string;
  kind: 'enrolled' | 'waitlisted' | 'requested' | 'refused';
  text: string;
};

/** Turns the answer of an `enrolment.request` into the line shown for that person. */
export function useEnrolOutcome(): (
  outcome: MutationOutcome,
  who: { key: string; name: string },
  requiresApproval: boolean,
) => EnrolOutcome {
  const t = useT();
  const errorText = useErrorText();
  return (outcome, { key, name }, requiresApproval) => {
    if (!outcome.ok)
      return { key, name, kind: 'refused', text: t('enrolment.outcome.refused', { text: errorText(outcome.error) }) };
    const waitlisted = outcome.notices?.find((n) => n.code === 'waitlisted');
    if (waitlisted)
      return { key, name, kind: 'waitlisted', text: t('enrolment.outcome.waitlisted', { n: Number(waitlisted.params.position) }) };
    if (requiresApproval) return { key, name, kind: 'requested', text: t('enrolment.outcome.requested') };
    return { key, name, kind: 'enrolled', text: t('enrolment.outcome.enrolled') };
  };
}

/** The tally (enrolled · waitlisted · waiting · refused) and one line per person. */
export function EnrolSummary({ outcomes, note }: { outcomes: readonly EnrolOutcome[]; note?: string }) {
  const t = useT();
  const tally = (kind: EnrolOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  return (
    <div className="enrol-summary" role="status">
      <p>
        <strong>{t('enrolment.summary.enrolled', { count: tally('enrolled') })}</strong>
        {' · '}
        {t('enrolment.summary.waitlisted', { count: tally('waitlisted') })}
        {tally('requested') > 0 && <> · {t('enrolment.summary.requested', { count: tally('requested') })}</>}
        {' · '}
        {t('enrolment.summary.refused', { count: tally('refused') })}
      </p>
      {note && <p>{note}</p>}
      <ul>
        {outcomes.map((o) => (
          <li key={o.key} className={`outcome-${o.kind}`}>
            <bdi dir="auto">{o.name}</bdi>: {o.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
