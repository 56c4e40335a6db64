import { createHashRouter } from 'react-router';
import { CatalogueScreen, NotFound } from '../features/catalogue';
import type * as catalogueRoutes from '../features/catalogue/routes';
import { Layout } from './Layout';


// Screens other than the catalogue list load on first visit, so the first screen opens with a
// smaller bundle (and without the validation code the forms need).
const catalogue = (name: keyof typeof catalogueRoutes) => async () => ({
  Component: (await import('../features/catalogue/routes'))[name],
});

/**
 * Hash routes: the same URLs work from Electron's app:// origin, from `npm run web` and from
 * the hub, and a reload keeps the screen.
 */
export const router = createHashRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <CatalogueScreen /> },
      { path: '/courses/new', lazy: catalogue('NewCourse') },
      { path: '/courses/:id', lazy: catalogue('CourseDetail') },
      { path: '/courses/:id/edit', lazy: catalogue('EditCourse') },
      { path: '/courses/:id/duplicate', lazy: catalogue('DuplicateCourse') },
      { path: '/courses/:courseId/sessions/new', lazy: catalogue('NewSession') },
      { path: '/sessions/:id', lazy: catalogue('SessionDetail') },
      { path: '/sessions/:id/edit', lazy: catalogue('EditSession') },
      { path: '/sessions/:id/duplicate', lazy: catalogue('DuplicateSession') },
      { path: '/programmes', lazy: catalogue('ProgrammesScreen') },
      { path: '/programmes/new', lazy: catalogue('NewProgramme') },
      { path: '/programmes/:id/edit', lazy: catalogue('EditProgramme') },
      { path: '/settings', lazy: async () => ({ Component: (await import('../features/settings')).SettingsScreen }) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
