import { useMemo, useRef, useState } from 'react';
import { displayName } from '../../../shared/domain/people';
import { db, runBatch, useLiveQuery } from '../../db';
import { useErrorText, useT } from '../../i18n';
import { ProgressBar } from '../../ui/ProgressBar';
import {
  useChosenPeopleFile,
  assignColumn,
  emailsInFile,
  FilePicker,
  institutionsByName,
  loadMapping,
  MappingEditor,
  mappingKey,
  peopleByEmails,
  personImportFields,
  Preview,
  RowErrors,
  saveMapping,
  type PersonImportField,
  type PersonMapping,
  type ReadFile,
} from '../people';
import {
  enrolmentFileCalls,
  enrolmentFileCounts,
  planEnrolmentFile,
  type EnrolmentFilePlan,
} from './enrolFromFile';
import { EnrolSummary, useEnrolOutcome, type EnrolOutcome } from './EnrolOutcomes';
import type { Roster } from './RosterScreen';

/** The columns that find people; the others matter only when people are added. */
const findingFields: readonly PersonImportField[] = [
  'email',
  'nativeName',
  'latinName',
  'givenName',
  'familyName',
];

type Done = { outcomes: EnrolOutcome[]; stoppedAt: { done: number; total: number } | null };

/** "Enrol from a file": choose a CSV of people, check what it would do, enrol the matched rows. */
export function EnrolFromFile({ roster }: { roster: Roster }) {
  const t = useT();
  const [done, setDone] = useState<Done | null>(null);
  const { file, problem, inputRef, choose, chooseAgain } = useChosenPeopleFile(() => setDone(null));

  return (
    <section aria-labelledby="enrol-file-title" className="roster-panel enrol-file">
      <h2 id="enrol-file-title">{t('enrolment.file.title')}</h2>
      <p className="muted">{t('enrolment.file.intro')}</p>
      {!done && (
        <FilePicker
          inputRef={inputRef}
          label={t('enrolment.file.choose')}
          onChoose={(f) => void choose(f)}
        />
      )}
      {problem && (
        <p className="notice-error" role="alert">
          {t(`people.import.problem.${problem.problem}`, { name: problem.name })}
        </p>
      )}
      {file && !done && (
        <FilePlan
          key={`${file.name}-${mappingKey(file.headers)}-${file.rows.length}`}
          file={file}
          roster={roster}
          onChooseAgain={chooseAgain}
          onDone={setDone}
        />
      )}
      {done && (
        <>
          <EnrolSummary
            outcomes={done.outcomes}
            note={done.stoppedAt ? t('enrolment.file.cancelled', done.stoppedAt) : undefined}
          />
          <div className="actions">
            <button type="button" onClick={chooseAgain}>
              {t('enrolment.file.another')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** Everything between a file that reads and the enrolments themselves. */
function FilePlan({
  file,
  roster,
  onChooseAgain,
  onDone,
}: {
  file: ReadFile;
  roster: Roster;
  onChooseAgain: () => void;
  onDone: (done: Done) => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const describe = useEnrolOutcome();
  const key = mappingKey(file.headers);
  const [mapping, setMapping] = useState<PersonMapping>(() =>
    loadMapping(key, file.headers, globalThis.localStorage),
  );
  const [createUnknown, setCreateUnknown] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const cancelled = useRef(false);
  const running = progress !== null;

  const changeMapping = (field: PersonImportField, column: number | null) => {
    const next = assignColumn(mapping, field, column);
    setMapping(next);
    saveMapping(key, next, globalThis.localStorage);
  };

  // The people the file names (by e-mail) and, to add people, the institutions. Not re-read
  // while enrolling: each committed chunk would re-run the whole check.
  const emails = useMemo(() => emailsInFile(file, mapping), [file, mapping]);
  const lookups = useLiveQuery(async () => {
    if (running) return null;
    const [people, institutions] = await Promise.all([
      peopleByEmails(emails),
      createUnknown ? db.institutions.toArray() : [],
    ]);
    return {
      existingByEmail: new Map(people.filter((p) => !p.mergedInto).map((p) => [p.email, p])),
      institutionsByName: institutionsByName(institutions),
    };
  }, [emails, createUnknown, running]);
  const plan = useMemo(
    () =>
      lookups && !running && mapping.email !== null
        ? planEnrolmentFile(file, mapping, {
            ...lookups,
            enrolments: roster.enrolments,
            createUnknown,
            newId: () => crypto.randomUUID(),
          })
        : null,
    [file, mapping, lookups, roster.enrolments, createUnknown, running],
  );
  const counts = plan ? enrolmentFileCounts(plan) : null;

  const nameOfRow = (item: EnrolmentFilePlan['enrol'][number]) => {
    const person = item.create ?? lookups?.existingByEmail.get(item.email);
    const name = person ? displayName(person) : item.email;
    return t('enrolment.file.rowName', { row: item.row, name });
  };

  const run = async () => {
    if (!plan || plan.enrol.length === 0) return;
    const names = plan.enrol.map(nameOfRow);
    const { calls, requests } = enrolmentFileCalls(plan, roster.session.id, () =>
      crypto.randomUUID(),
    );
    cancelled.current = false;
    setProgress({ done: 0, total: plan.enrol.length });
    // Progress counts rows, not calls: a person added first is two calls for one row.
    const rowsDone = (callsDone: number) => requests.slice(0, callsDone).filter(Boolean).length;
    const results = await runBatch(calls, {
      chunkSize: Math.min(1_000, Math.max(50, Math.ceil(calls.length / 20))),
      onProgress: (callsDone) => setProgress({ done: rowsDone(callsDone), total: plan.enrol.length }),
      cancelled: () => cancelled.current,
    });
    const outcomes: EnrolOutcome[] = [];
    let item = 0;
    for (let i = 0; i < results.length; i++) {
      const result = results[i]!;
      const who = { key: String(plan.enrol[item]!.row), name: names[item]! };
      if (!requests[i]) {
        // A person who could not be added is not enrolled either: say why they were not added.
        if (!result.ok) {
          const text = t('enrolment.file.notAdded', { text: errorText(result.error.fields[0] ?? result.error) });
          outcomes.push({ ...who, kind: 'refused', text });
          i++;
          item++;
        }
        continue;
      }
      outcomes.push(describe(result, who, Boolean(roster.course?.requiresApproval)));
      item++;
    }
    setProgress(null);
    onDone({
      outcomes,
      stoppedAt: item < plan.enrol.length ? { done: item, total: plan.enrol.length } : null,
    });
  };

  if (progress) {
    return (
      <section aria-labelledby="enrol-file-progress-title">
        <h3 id="enrol-file-progress-title">{t('enrolment.file.running', { name: file.name })}</h3>
        <ProgressBar
          label={t('enrolment.file.progress', progress)}
          value={progress.done}
          max={progress.total}
        />
        <button type="button" onClick={() => (cancelled.current = true)}>
          {t('enrolment.file.cancel')}
        </button>
      </section>
    );
  }

  return (
    <>
      <Preview file={file} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={createUnknown}
          onChange={(e) => setCreateUnknown(e.target.checked)}
        />
        {t('enrolment.file.createUnknown')}
      </label>
      <MappingEditor
        file={file}
        mapping={mapping}
        onChange={changeMapping}
        fields={createUnknown ? personImportFields : findingFields}
      />
      {mapping.email === null && (
        <p className="notice-error" role="alert">
          {t('enrolment.file.noEmail', { name: file.name })}
        </p>
      )}
      {plan && counts && (
        <>
          <section aria-labelledby="enrol-file-check-title">
            <h3 id="enrol-file-check-title">{t('enrolment.file.checkTitle')}</h3>
            <ul className="counts">
              <li>
                <strong>{t('enrolment.file.countEnrol', { count: counts.enrol })}</strong>
                {counts.added > 0 && <> ({t('enrolment.file.countAdded', { count: counts.added })})</>}
              </li>
              <li>{t('enrolment.file.countOnRoster', { count: counts.alreadyOnRoster })}</li>
              <li>{t('enrolment.file.countUnknown', { count: counts.unknown })}</li>
              <li>{t('enrolment.file.countRepeats', { count: counts.repeats })}</li>
              <li>{t('enrolment.file.countErrors', { count: counts.errorRows })}</li>
            </ul>
          </section>
          {plan.errors.length > 0 && (
            <RowErrors errors={plan.errors} title={t('enrolment.file.errorsTitle')} />
          )}
          <RowList
            id="enrol-file-unknown"
            title={t('enrolment.file.unknownTitle')}
            hint={t('enrolment.file.unknownHint')}
            items={plan.unknown.map((u) => ({ row: u.row, text: u.email }))}
          />
          <RowList
            id="enrol-file-repeats"
            title={t('enrolment.file.repeatsTitle')}
            items={plan.repeats.map((r) => ({
              row: r.row,
              text: t('enrolment.file.repeatRow', { row: r.row, email: r.email, first: r.firstRow }),
              whole: true,
            }))}
          />
          <RowList
            id="enrol-file-on-roster"
            title={t('enrolment.file.onRosterTitle')}
            items={plan.alreadyOnRoster.map((r) => {
              const person = roster.personById.get(r.personId);
              return { row: r.row, text: person ? displayName(person) : r.email };
            })}
          />
        </>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={!plan || plan.enrol.length === 0}
          onClick={() => void run()}
        >
          {t('enrolment.file.run', { count: plan?.enrol.length ?? 0 })}
        </button>
        <button type="button" onClick={onChooseAgain}>
          {t('enrolment.file.chooseAgain')}
        </button>
      </div>
    </>
  );
}

/** A titled list of rows ("Row 4: …"), shown only when it has any. */
function RowList({
  id,
  title,
  hint,
  items,
}: {
  id: string;
  title: string;
  hint?: string;
  items: { row: number; text: string; whole?: boolean }[];
}) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {hint && <p className="field-hint">{hint}</p>}
      <ul className="row-list" id={id}>
        {items.map((item) => (
          <li key={item.row} dir="auto">
            {item.whole ? item.text : t('enrolment.file.rowItem', { row: item.row, text: item.text })}
          </li>
        ))}
      </ul>
    </section>
  );
}
