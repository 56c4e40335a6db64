export { CatalogueScreen } from './CatalogueScreen';
export { CourseDetail } from './CourseDetail';
export { CourseFormScreen } from './CourseForm';
export { SessionDetail } from './SessionDetail';
export { SessionFormScreen } from './SessionForm';
export { ProgrammeFormScreen, ProgrammesScreen } from './ProgrammesScreen';
export { NotFound } from './NotFound';
