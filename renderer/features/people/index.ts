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
export { usePeopleIndex, useInstitutions } from './data';
export { csvBlob, toCsv } from './csv/export';
