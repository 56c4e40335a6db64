import type { Person } from '../../../shared/domain/people';
import { localToday } from '../../../shared/domain/vocabulary';
import { csvBlob, toCsv, type CsvCell } from './csv/export';

/**
 * Column headers of an export. Fixed English names that the import recognises
 * (`suggestMapping`), with codes for country, roles and languages, so an exported file can be
 * edited and imported again on any device, whatever its interface language.
 */
export const exportHeaders = [
  'Name',
  'Latin name',
  'Preferred name',
  'E-mail',
  'Phone',
  'Country',
  'Institution',
  'Gender',
  'Date of birth',
  'Roles',
  'Languages',
  'Notes',
] as const;

/** One person as a row of the export. */
export function exportRow(
  person: Person,
  institutionNames: ReadonlyMap<string, string>,
): CsvCell[] {
  return [
    person.nativeName,
    person.latinName,
    person.preferredName,
    person.email,
    person.phone,
    person.country,
    institutionNames.get(person.institutionId) ?? '',
    person.gender,
    person.dateOfBirth,
    person.roles.join('; '),
    person.languages.join('; '),
    person.notes,
  ];
}

/** The CSV text (BOM, formula-safe) of some people, in the order given. */
export function peopleCsv(
  people: readonly Person[],
  institutionNames: ReadonlyMap<string, string>,
): string {
  return toCsv(
    exportHeaders,
    people.map((p) => exportRow(p, institutionNames)),
  );
}

/** Downloads people as `people-YYYY-MM-DD.csv`. */
export function downloadPeopleCsv(
  people: readonly Person[],
  institutionNames: ReadonlyMap<string, string>,
): void {
  const url = URL.createObjectURL(csvBlob(peopleCsv(people, institutionNames)));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `people-${localToday()}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next turn: the download has started by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
