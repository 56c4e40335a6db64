import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { displayName, type Person } from '../../../shared/domain/people';
import { useMutate } from '../../db';
import { useErrorText, useFormatDay, useT } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { CreateSignIn } from '../hubAdmin';
import { useCanEditPeople, usePeopleIndex, usePerson, usePersonRecord } from './data';
import { usePeopleLabels } from './labels';
import { NotFound } from './NotFound';
import { filterPeople, noPeopleFilters, type PersonEntry } from './peopleIndex';
import './people.css';

/** One person: details, enrolments with attendance, certificates, and edit / archive / merge. */
export function PersonDetail() {
  const { id } = useParams();
  const t = useT();
  const labels = usePeopleLabels();
  const formatDay = useFormatDay();
  const errorText = useErrorText();
  const mutate = useMutate();
  const location = useLocation();
  const data = usePerson(id);
  const [problem, setProblem] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const canEdit = useCanEditPeople();
  if (data === undefined) return null;
  if (data === null) return <NotFound />;
  const { person, institution, keptAs } = data;
  const state = location.state as { saved?: boolean; merged?: string } | null;

  const toggleArchive = async () => {
    const outcome = await mutate({
      name: 'person.archive',
      args: { id: person.id, archived: !person.archived },
    });
    setProblem(outcome.ok ? null : errorText(outcome.error));
  };

  const facts: [string, string][] = (
    [
      [t('people.field.latinName'), person.latinName],
      [t('people.field.preferredName'), person.preferredName],
      [t('people.field.email'), person.email],
      [t('people.field.phone'), person.phone],
      [t('people.field.country'), labels.country(person.country)],
      [t('people.field.institution'), institution?.name ?? ''],
      [t('people.field.roles'), labels.roles(person.roles)],
      [t('people.field.languages'), labels.list(person.languages.map(labels.language))],
      [t('people.field.gender'), labels.gender(person.gender)],
      [t('people.field.dateOfBirth'), person.dateOfBirth ? formatDay(person.dateOfBirth) : ''],
    ] as [string, string][]
  ).filter(([, value]) => value !== '');

  return (
    <article className="detail" aria-labelledby="person-title">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/people">{t('people.title')}</Link> › <bdi dir="auto">{displayName(person)}</bdi>
      </nav>
      {state?.saved && (
        <p className="notice-ok" role="status">
          {t('form.saved')}
        </p>
      )}
      {state?.merged && (
        <p className="notice-ok" role="status">
          {t('people.merge.done', { name: state.merged })}
        </p>
      )}
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
      {person.mergedInto ? (
        <p className="notice">
          {t('people.mergedNotice')}{' '}
          <Link to={`/people/${person.mergedInto}`}>
            <bdi dir="auto">{keptAs ? displayName(keptAs) : person.mergedInto}</bdi>
          </Link>
        </p>
      ) : (
        person.archived && <p className="notice">{t('people.archivedNotice')}</p>
      )}
      <div className="screen-header">
        <h1 id="person-title">
          <bdi dir="auto">{person.nativeName}</bdi>
          {person.latinName && person.latinName !== person.nativeName && (
            <span className="muted"> · {person.latinName}</span>
          )}
        </h1>
        {canEdit && !person.mergedInto && (
          <div className="actions">
            <Link className="button primary" to={`/people/${person.id}/edit`}>
              {t('common.edit')}
            </Link>
            <button type="button" onClick={() => void toggleArchive()}>
              {t(person.archived ? 'common.restore' : 'common.archive')}
            </button>
            <button type="button" onClick={() => setMerging(true)}>
              {t('people.merge.open')}
            </button>
          </div>
        )}
      </div>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt>{term}</dt>
            <dd dir="auto">{value}</dd>
          </div>
        ))}
      </dl>
      {person.notes && (
        <section aria-labelledby="notes-title">
          <h2 id="notes-title">{t('people.field.notes')}</h2>
          <p className="summary" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {person.notes}
          </p>
        </section>
      )}
      {canEdit && !person.mergedInto && !person.archived && <CreateSignIn person={person} />}
      <Enrolments personId={person.id} />
      <section aria-labelledby="certificates-title">
        <h2 id="certificates-title">{t('people.certificates')}</h2>
        <p className="muted">{t('people.certificatesNone')}</p>
      </section>
      {merging && <MergeDialog person={person} onClose={() => setMerging(false)} />}
    </article>
  );
}

function Enrolments({ personId }: { personId: string }) {
  const t = useT();
  const labels = usePeopleLabels();
  const formatDay = useFormatDay();
  const record = usePersonRecord(personId);
  if (!record) return null;
  return (
    <section aria-labelledby="enrolments-title">
      <h2 id="enrolments-title">{t('people.enrolments', { count: record.length })}</h2>
      {record.length === 0 ? (
        <p className="muted">{t('people.noEnrolments')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('people.col.course')}</th>
              <th scope="col">{t('people.col.session')}</th>
              <th scope="col">{t('people.col.state')}</th>
              <th scope="col">{t('people.col.attendance')}</th>
            </tr>
          </thead>
          <tbody>
            {record.map(({ enrolment, session, course, attendance }) => (
              <tr key={enrolment.id}>
                <td>
                  {course ? (
                    <>
                      <span className="course-code">{course.code}</span>{' '}
                      <bdi dir="auto">{course.title}</bdi>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {session ? (
                    <Link to={`/sessions/${session.id}`}>
                      {t('session.dateRange', {
                        start: formatDay(session.startDate),
                        end: formatDay(session.endDate),
                      })}
                    </Link>
                  ) : (
                    t('people.sessionMissing')
                  )}
                </td>
                <td>{labels.state(enrolment.state)}</td>
                <td>{t('people.attendanceSummary', attendance)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Picks a second record of the same person and merges it into one, after saying what happens. */
function MergeDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const mutate = useMutate();
  const navigate = useNavigate();
  const index = usePeopleIndex();
  const [query, setQuery] = useState('');
  const [other, setOther] = useState<PersonEntry | null>(null);
  const [keepThis, setKeepThis] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = useMemo(
    () =>
      index && query.trim()
        ? filterPeople(index, query, { ...noPeopleFilters, showArchived: true })
            .filter((e) => e.id !== person.id)
            .slice(0, 20)
        : [],
    [index, query, person.id],
  );
  const thisName = displayName(person);
  const otherName = other ? other.latinName || other.nativeName : '';
  const kept = keepThis ? thisName : otherName;
  const merged = keepThis ? otherName : thisName;

  const merge = async () => {
    if (!other) return;
    setBusy(true);
    const keepId = keepThis ? person.id : other.id;
    const mergeId = keepThis ? other.id : person.id;
    const outcome = await mutate({ name: 'person.merge', args: { keepId, mergeId } });
    setBusy(false);
    if (!outcome.ok) {
      setProblem(errorText(outcome.error));
      return;
    }
    onClose();
    void navigate(`/people/${keepId}`, { state: { merged } });
  };

  return (
    <Dialog
      open
      title={t('people.merge.title', { name: thisName })}
      onClose={onClose}
      actions={
        <>
          <button
            type="button"
            className="danger"
            disabled={!other || busy}
            onClick={() => void merge()}
          >
            {t('people.merge.confirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('people.merge.searchLabel')}</span>
        <input type="search" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} />
      </label>
      {query.trim() && candidates.length === 0 && <p className="muted">{t('people.noResults')}</p>}
      {candidates.length > 0 && (
        <fieldset>
          <legend>{t('people.merge.pick')}</legend>
          <ul className="pick-list">
            {candidates.map((c) => (
              <li key={c.id}>
                <label>
                  <input
                    type="radio"
                    name="merge-other"
                    checked={other?.id === c.id}
                    onChange={() => setOther(c)}
                  />
                  <span>
                    <bdi dir="auto">{c.nativeName}</bdi>
                    {c.latinName && <span className="muted"> · {c.latinName}</span>}
                    {c.email && (
                      <span className="muted">
                        {' '}
                        · <bdi>{c.email}</bdi>
                      </span>
                    )}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {other && (
        <>
          <fieldset>
            <legend>{t('people.merge.keepLegend')}</legend>
            <label className="checkbox">
              <input
                type="radio"
                name="merge-keep"
                checked={keepThis}
                onChange={() => setKeepThis(true)}
              />
              <bdi dir="auto">{thisName}</bdi>
            </label>{' '}
            <label className="checkbox">
              <input
                type="radio"
                name="merge-keep"
                checked={!keepThis}
                onChange={() => setKeepThis(false)}
              />
              <bdi dir="auto">{otherName}</bdi>
            </label>
          </fieldset>
          <p className="notice">{t('people.merge.explain', { kept, merged })}</p>
        </>
      )}
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
