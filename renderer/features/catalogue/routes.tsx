// The catalogue screens that load on first visit (see app/router.tsx), one component per route.
import { CourseFormScreen } from './CourseForm';
import { ProgrammeFormScreen } from './ProgrammesScreen';
import { SessionFormScreen } from './SessionForm';

export { CourseDetail } from './CourseDetail';
export { SessionDetail } from './SessionDetail';
export { ProgrammesScreen } from './ProgrammesScreen';

export const NewCourse = () => <CourseFormScreen mode="new" />;
export const EditCourse = () => <CourseFormScreen mode="edit" />;
export const DuplicateCourse = () => <CourseFormScreen mode="duplicate" />;
export const NewSession = () => <SessionFormScreen mode="new" />;
export const EditSession = () => <SessionFormScreen mode="edit" />;
export const DuplicateSession = () => <SessionFormScreen mode="duplicate" />;
export const NewProgramme = () => <ProgrammeFormScreen mode="new" />;
export const EditProgramme = () => <ProgrammeFormScreen mode="edit" />;
