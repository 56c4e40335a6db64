/** The demo workspace a new user can load, and the decade benchmark set. */
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
