// The people screens, one component per route (loaded on first visit, see app/router.tsx):
//   /people                 PeopleList
//   /people/new             NewPerson
//   /people/import          ImportPeople   (register before /people/:id)
//   /people/:id             PersonDetail
//   /people/:id/edit        EditPerson
//   /institutions           Institutions
//   /institutions/new       NewInstitution
//   /institutions/:id/edit  EditInstitution
import { InstitutionFormScreen } from './InstitutionsScreen';
import { PersonFormScreen } from './PersonForm';

export { PeopleScreen as PeopleList } from './PeopleScreen';
export { PersonDetail } from './PersonDetail';
export { ImportScreen as ImportPeople } from './ImportScreen';
export { InstitutionsScreen as Institutions } from './InstitutionsScreen';

export const NewPerson = () => <PersonFormScreen mode="new" />;
export const EditPerson = () => <PersonFormScreen mode="edit" />;
export const NewInstitution = () => <InstitutionFormScreen mode="new" />;
export const EditInstitution = () => <InstitutionFormScreen mode="edit" />;
