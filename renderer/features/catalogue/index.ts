export { CatalogueScreen } from './CatalogueScreen';
export { NotFound } from './NotFound';
export { useCatalogueLabels } from './labels';
