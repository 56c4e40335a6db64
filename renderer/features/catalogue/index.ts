export { CatalogueScreen } from './CatalogueScreen';
export { NotFound } from './NotFound';
