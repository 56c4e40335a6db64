/** The demo workspace a new user can load, and the decade benchmark set (catalogue and people). */
export { demoWorkspace, demoProgrammes, demoProgrammeId, demoCourseId } from './workspace';
export {
  decadeCatalogue,
  decadeCounts,
  decadeDefaults,
  mulberry32,
  type CatalogueCounts,
  type DecadeOptions,
} from './decade';
export { demoCountries, type DemoCountry, type DemoHost, type PartnerCountry } from './places';
export {
  decadeHistoryCatalogue,
  decadeHistoryStart,
  decadePeople,
  decadePeopleBatches,
  decadePeopleDefaults,
  planDecadePeople,
  type DecadePeopleBatch,
  type DecadePeopleOptions,
  type DecadePeoplePhase,
  type DecadePeoplePlan,
  type DecadePeopleStats,
} from './decadePeople';
