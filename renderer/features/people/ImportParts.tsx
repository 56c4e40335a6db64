// The pieces of a CSV import screen shared by the people import and "enrol from a file":
// choosing or dropping a file, the first rows, which column holds what, and the row errors.
import { useRef, useState, type RefObject } from 'react';
import { FilePicker as DropFilePicker } from '../../ui/FilePicker';
import { useErrorText, useT, type MessageId } from '../../i18n';
import { personImportFields, type PersonImportField, type PersonMapping } from './csv/mapping';
import type { RowError } from './csv/people';
import { readPeopleFile, type FileProblem, type ReadFile } from './importPlan';
import './people.css';

const previewRows = 5;

/**
 * The file a CSV screen works on: `choose` reads a picked or dropped file (or says what is wrong
 * with it), `chooseAgain` clears it and puts the focus back on the file field. `onChange` runs
 * on both, so the screen can forget the result of an earlier file.
 */
export function useChosenPeopleFile(onChange: () => void) {
  const [file, setFile] = useState<ReadFile | null>(null);
  const [problem, setProblem] = useState<{ name: string; problem: FileProblem } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    onChange();
    const read = readPeopleFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
    if (read.ok) {
      setProblem(null);
      setFile(read.file);
    } else {
      setFile(null);
      setProblem({ name: chosen.name, problem: read.problem });
    }
  };
  const chooseAgain = () => {
    setFile(null);
    onChange();
    if (inputRef.current) inputRef.current.value = '';
    inputRef.current?.focus();
  };
  return { file, problem, inputRef, choose, chooseAgain };
}

/** The CSV file field of the import screens (a drop target too). */
export function FilePicker({
  inputRef,
  onChoose,
  label,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onChoose: (file: File | undefined) => void;
  /** The field's label (default: "Choose a CSV file"). */
  label?: string;
}) {
  const t = useT();
  return (
    <DropFilePicker
      inputRef={inputRef}
      onChoose={onChoose}
      label={label ?? t('people.import.choose')}
      hint={t('people.import.drop')}
      accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
    />
  );
}

/** What was read (name, rows, columns) and the first rows, with their spreadsheet row numbers. */
export function Preview({ file }: { file: ReadFile }) {
  const t = useT();
  return (
    <div>
      <p className="muted">
        {t('people.import.fileSummary', {
          name: file.name,
          rows: file.rows.length,
          columns: file.headers.length,
        })}
      </p>
      <h2 id="preview-title">
        {t('people.import.preview', { count: Math.min(previewRows, file.rows.length) })}
      </h2>
      <div className="import-preview" role="region" aria-labelledby="preview-title" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('people.import.row')}</th>
              {file.headers.map((h, i) => (
                <th key={i} scope="col" dir="auto">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {file.rows.slice(0, previewRows).map((row, r) => (
              <tr key={r}>
                <td>{file.rowNumbers[r]}</td>
                {file.headers.map((_, c) => (
                  <td key={c} dir="auto">
                    {row[c]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The label of each field a column can be mapped to. */
export const fieldLabel: Record<PersonImportField, MessageId> = {
  nativeName: 'people.field.nativeName',
  latinName: 'people.field.latinName',
  preferredName: 'people.field.preferredName',
  givenName: 'people.field.givenName',
  familyName: 'people.field.familyName',
  email: 'people.field.email',
  phone: 'people.field.phone',
  country: 'people.field.country',
  institution: 'people.field.institution',
  gender: 'people.field.gender',
  dateOfBirth: 'people.field.dateOfBirth',
  roles: 'people.field.roles',
  languages: 'people.field.languages',
  notes: 'people.field.notes',
};

/** One select per field: which column holds it (or none). */
export function MappingEditor({
  file,
  mapping,
  onChange,
  fields = personImportFields,
}: {
  file: ReadFile;
  mapping: PersonMapping;
  onChange: (field: PersonImportField, column: number | null) => void;
  /** The fields offered (default: all of them). */
  fields?: readonly PersonImportField[];
}) {
  const t = useT();
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('people.import.mappingTitle')}</h2>
      <p className="field-hint">{t('people.import.mappingHint')}</p>
      <div className="mapping-grid">
        {fields.map((field) => (
          <label key={field} className="field">
            <span>{t(fieldLabel[field])}</span>
            <select
              value={mapping[field] === null ? '' : String(mapping[field])}
              onChange={(e) =>
                onChange(field, e.target.value === '' ? null : Number(e.target.value))
              }
            >
              <option value="">{t('people.import.notImported')}</option>
              {file.headers.map((h, i) => (
                <option key={i} value={i}>
                  {h || t('people.import.columnN', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </section>
  );
}

/** The rows with errors: row number, column and what to do, in the user's language. */
export function RowErrors({ errors, title }: { errors: readonly RowError[]; title?: string }) {
  const t = useT();
  const describe = useRowErrorText();
  return (
    <section aria-labelledby="row-errors-title">
      <h2 id="row-errors-title">{title ?? t('people.import.errorsTitle')}</h2>
      <ul className="row-errors">
        {errors.map((e, i) => (
          <li key={i}>{t('people.import.rowError', { row: e.row, error: describe(e) })}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The text of one row error, without its row: import-specific wording where the general text
 * would not say what to do, else the general text under the column's header.
 */
export function useRowErrorText() {
  const t = useT();
  const errorText = useErrorText();
  return (e: RowError): string => {
    const column = e.column || t(fieldLabel[e.field]);
    const value = String(e.params.value ?? '');
    if (e.field === 'institution' && e.code === 'not-found')
      return t('people.import.unknownInstitution', { column, value });
    if (e.field === 'email' && e.code === 'duplicate-value')
      return t('people.import.duplicateEmail', { column, value, row: e.params.row ?? '' });
    if (e.field === 'roles' && e.code === 'invalid-choice')
      return t('people.import.unknownRole', { column, value });
    if (e.field === 'gender' && e.code === 'invalid-choice')
      return t('people.import.unknownGender', { column, value });
    return errorText(e, column);
  };
}
