import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { db, runBatch, useLiveQuery } from '../../db';
import { useErrorText, useT } from '../../i18n';
import { ProgressBar } from '../../ui/ProgressBar';
import { hasUsableColumn, mappingKey, type PersonImportField, type PersonMapping } from './csv/mapping';
import { prepareRows, type FieldChange, type PreparedImport } from './csv/people';
import {
  assignColumn,
  emailsInFile,
  importCalls,
  importCounts,
  institutionsByName,
  loadMapping,
  saveMapping,
  type ReadFile,
} from './importPlan';
import { fieldLabel, FilePicker, MappingEditor, Preview, RowErrors, useChosenPeopleFile } from './ImportParts';
import { peopleByEmails } from './data';
import { usePeopleLabels } from './labels';
import './people.css';

const chunkSize = 1_000;

type Summary = {
  created: number;
  updated: number;
  refused: { row: number; text: string }[];
  cancelled: boolean;
  total: number;
};

/** Import people from a CSV file: choose, map columns, check, confirm, import with progress. */
export function ImportScreen() {
  const t = useT();
  const [summary, setSummary] = useState<Summary | null>(null);
  const { file, problem, inputRef, choose, chooseAgain } = useChosenPeopleFile(() => setSummary(null));

  return (
    <div className="people-import">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/people">{t('people.title')}</Link>
      </nav>
      <h1>{t('people.import.title')}</h1>
      <p className="muted">{t('people.import.intro')}</p>
      {!summary && <FilePicker inputRef={inputRef} onChoose={(f) => void choose(f)} />}
      {problem && (
        <p className="notice-error" role="alert">
          {t(`people.import.problem.${problem.problem}`, { name: problem.name })}
        </p>
      )}
      {file && !summary && (
        <ImportPlan
          key={`${file.name}-${mappingKey(file.headers)}-${file.rows.length}`}
          file={file}
          onChooseAgain={chooseAgain}
          onDone={setSummary}
        />
      )}
      {summary && <ImportSummary summary={summary} onAnother={chooseAgain} />}
    </div>
  );
}

/** Everything between a file that reads and the import itself. */
function ImportPlan({
  file,
  onChooseAgain,
  onDone,
}: {
  file: ReadFile;
  onChooseAgain: () => void;
  onDone: (summary: Summary) => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const key = mappingKey(file.headers);
  const [mapping, setMapping] = useState<PersonMapping>(() =>
    loadMapping(key, file.headers, globalThis.localStorage),
  );
  const [confirmed, setConfirmed] = useState<ReadonlySet<number>>(new Set());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const cancelled = useRef(false);
  const usable = hasUsableColumn(mapping);

  const changeMapping = (field: PersonImportField, column: number | null) => {
    const next = assignColumn(mapping, field, column);
    setMapping(next);
    saveMapping(key, next, globalThis.localStorage);
  };

  // Not while importing: each committed chunk would re-run the whole check.
  const importing = progress !== null;
  const prepared = useLiveQuery(
    async () => (usable && !importing ? prepare(file, mapping) : null),
    [file, mapping, usable, importing],
  );
  const counts = prepared ? importCounts(prepared) : null;
  const plan = useMemo(
    () => (prepared ? importCalls(prepared, confirmed) : null),
    [prepared, confirmed],
  );

  const run = async () => {
    if (!plan || plan.calls.length === 0) return;
    cancelled.current = false;
    setProgress({ done: 0, total: plan.calls.length });
    const outcomes = await runBatch(plan.calls, {
      chunkSize,
      onProgress: (done, total) => setProgress({ done, total }),
      cancelled: () => cancelled.current,
    });
    const summary: Summary = {
      created: 0,
      updated: 0,
      refused: [],
      cancelled: outcomes.length < plan.calls.length,
      total: plan.calls.length,
    };
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) {
        if (plan.calls[i]!.name === 'person.create') summary.created++;
        else summary.updated++;
      } else {
        const field = outcome.error.fields[0];
        summary.refused.push({ row: plan.rows[i]!, text: errorText(field ?? outcome.error) });
      }
    });
    setProgress(null);
    onDone(summary);
  };

  if (progress) {
    return (
      <section aria-labelledby="import-progress-title">
        <h2 id="import-progress-title">{t('people.import.running')}</h2>
        <ProgressBar
          label={t('people.import.progress', progress)}
          value={progress.done}
          max={progress.total}
        />
        <button type="button" onClick={() => (cancelled.current = true)}>
          {t('people.import.cancel')}
        </button>
      </section>
    );
  }

  return (
    <>
      <Preview file={file} />
      <MappingEditor file={file} mapping={mapping} onChange={changeMapping} />
      {!usable && (
        <p className="notice-error" role="alert">
          {t('people.import.problem.no-name', { name: file.name })}
        </p>
      )}
      {prepared && counts && (
        <>
          <section aria-labelledby="check-title">
            <h2 id="check-title">{t('people.import.checkTitle')}</h2>
            <ul className="counts">
              <li>{t('people.import.countNew', { count: counts.creates })}</li>
              <li>{t('people.import.countUpdates', { count: counts.updates })}</li>
              {counts.unchanged > 0 && (
                <li>{t('people.import.countUnchanged', { count: counts.unchanged })}</li>
              )}
              <li>{t('people.import.countErrors', { count: counts.errorRows })}</li>
            </ul>
          </section>
          {prepared.errors.length > 0 && <RowErrors errors={prepared.errors} />}
          {prepared.updates.length > 0 && (
            <Updates
              updates={prepared.updates}
              confirmed={confirmed}
              onToggle={(row, on) =>
                setConfirmed((current) => {
                  const next = new Set(current);
                  if (on) next.add(row);
                  else next.delete(row);
                  return next;
                })
              }
            />
          )}
        </>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={!plan || plan.calls.length === 0}
          onClick={() => void run()}
        >
          {t('people.import.run', { count: plan?.calls.length ?? 0 })}
        </button>
        <button type="button" onClick={onChooseAgain}>
          {t('people.import.chooseAgain')}
        </button>
      </div>
    </>
  );
}

/** Validates the rows against this device's people (matched by e-mail) and institutions. */
async function prepare(file: ReadFile, mapping: PersonMapping): Promise<PreparedImport> {
  const emails = emailsInFile(file, mapping);
  const [existing, institutions] = await Promise.all([
    peopleByEmails(emails),
    db.institutions.toArray(),
  ]);
  const existingByEmail = new Map(existing.filter((p) => !p.mergedInto).map((p) => [p.email, p]));
  return prepareRows(file.rows, mapping, {
    headers: file.headers,
    rowNumbers: file.rowNumbers,
    existingByEmail,
    institutionsByName: institutionsByName(institutions),
    newId: () => crypto.randomUUID(),
  });
}

function Updates({
  updates,
  confirmed,
  onToggle,
}: {
  updates: PreparedImport['updates'];
  confirmed: ReadonlySet<number>;
  onToggle: (row: number, on: boolean) => void;
}) {
  const t = useT();
  const names = useLiveQuery(
    () =>
      db.people
        .bulkGet(updates.map((u) => u.personId))
        .then((list) => new Map(list.filter((p) => p !== undefined).map((p) => [p.id, p]))),
    [updates],
  );
  const describe = useChangeText();
  return (
    <section aria-labelledby="updates-title">
      <h2 id="updates-title">{t('people.import.updatesTitle')}</h2>
      <p className="field-hint">{t('people.import.updatesHint')}</p>
      <ul className="pick-list">
        {updates.map((u) => {
          const person = names?.get(u.personId);
          return (
            <li key={u.row}>
              <label>
                <input
                  type="checkbox"
                  checked={confirmed.has(u.row)}
                  onChange={(e) => onToggle(u.row, e.target.checked)}
                />
                <span>
                  {t('people.import.updateRow', { row: u.row })}{' '}
                  <bdi dir="auto">{person?.nativeName ?? u.args.nativeName}</bdi>{' '}
                  <bdi className="muted">{u.args.email}</bdi>
                  <span className="muted"> — {u.changes.map(describe).join('; ')}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function useChangeText() {
  const t = useT();
  const labels = usePeopleLabels();
  return (change: FieldChange) => {
    const show = (value: string | string[]) => {
      const items = Array.isArray(value) ? value : value ? [value] : [];
      if (items.length === 0) return t('people.import.emptyValue');
      if (change.field === 'country') return items.map(labels.country).join(', ');
      if (change.field === 'languages') return labels.list(items.map(labels.language));
      if (change.field === 'roles') return labels.list(items.map((r) => labels.role(r as never)));
      return items.join(', ');
    };
    const field = change.field === 'institutionId' ? 'institution' : change.field;
    return t('people.import.change', {
      field: t(fieldLabel[field]),
      from: show(change.from),
      to: show(change.to),
    });
  };
}

function ImportSummary({ summary, onAnother }: { summary: Summary; onAnother: () => void }) {
  const t = useT();
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('people.import.summaryTitle')}</h2>
      <p className="notice-ok" role="status">
        {t('people.import.summary', { created: summary.created, updated: summary.updated })}
      </p>
      {summary.cancelled && (
        <p className="notice">
          {t('people.import.cancelled', {
            done: summary.created + summary.updated + summary.refused.length,
            total: summary.total,
          })}
        </p>
      )}
      {summary.refused.length > 0 && (
        <>
          <p className="notice-error">
            {t('people.import.refused', { count: summary.refused.length })}
          </p>
          <ul className="row-errors">
            {summary.refused.map((r) => (
              <li key={r.row}>{t('people.import.rowError', { row: r.row, error: r.text })}</li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <Link className="button primary" to="/people">
          {t('people.import.openList')}
        </Link>
        <button type="button" onClick={onAnother}>
          {t('people.import.another')}
        </button>
      </div>
    </section>
  );
}
