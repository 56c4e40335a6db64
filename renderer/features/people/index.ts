// What other features may use of the people feature.
export { peopleMessages } from './messages';
export {
  buildPeopleIndex,
  filterPeople,
  foldQuick,
  noPeopleFilters,
  type PeopleFilters,
  type PersonEntry,
} from './peopleIndex';
export { peopleByEmails, usePeopleIndex, useInstitutions } from './data';
export { csvBlob, toCsv } from './csv/export';
export {
  personImportFields,
  mappingKey,
  type PersonImportField,
  type PersonMapping,
} from './csv/mapping';
export { prepareRows, type PersonArgs, type RowError } from './csv/people';
export {
  assignColumn,
  emailsInFile,
  institutionsByName,
  loadMapping,
  readPeopleFile,
  saveMapping,
  type FileProblem,
  type ReadFile,
} from './importPlan';
export { FilePicker, MappingEditor, Preview, RowErrors, useChosenPeopleFile, useRowErrorText } from './ImportParts';
