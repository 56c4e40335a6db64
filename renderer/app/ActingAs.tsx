import { useNavigate } from 'react-router';
import type { Role } from '../../shared/mutations';
import { displayName } from '../../shared/domain/people';
import { db, useLiveQuery } from '../db';
import { useT } from '../i18n';
import { useSettings } from '../state/settings';

const roles: Role[] = ['coordinator', 'instructor', 'trainee'];

/** Where each role lands: instructors on today's classes, trainees on their own courses. */
export const landingOf: Record<Role, string> = {
  coordinator: '/',
  instructor: '/today',
  trainee: '/my',
};

/**
 * Until accounts arrive with the hub, this device says who it acts as: a role, and for an
 * instructor or a trainee, which person. Navigation follows; the mutations check it.
 */
export function ActingAs() {
  const t = useT();
  const navigate = useNavigate();
  const { role, personId, actAs } = useSettings();
  const candidates = useLiveQuery(
    async () =>
      role === 'coordinator'
        ? []
        : (
            await db.people
              .filter((p) => !p.archived && p.mergedInto === '' && p.roles.includes(role))
              .limit(500)
              .toArray()
          ).sort((a, b) => displayName(a).localeCompare(displayName(b))),
    [role],
  );
  return (
    <div className="acting-as">
      <label className="inline-label">
        <span>{t('app.actingAs')}</span>
        <select
          value={role}
          onChange={(e) => {
            const next = e.target.value as Role;
            actAs(next);
            void navigate(landingOf[next]);
          }}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`app.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {role !== 'coordinator' && (
        <label className="inline-label">
          <span className="visually-hidden">{t('app.actingPerson')}</span>
          <select value={personId} onChange={(e) => actAs(role, e.target.value)}>
            <option value="">
              {candidates?.length === 0 ? t('app.noPeopleWithRole') : t('app.choosePerson')}
            </option>
            {candidates?.map((p) => (
              <option key={p.id} value={p.id}>
                {displayName(p)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
