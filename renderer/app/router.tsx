import { createHashRouter } from 'react-router';
import {
  CatalogueScreen,
  CourseDetail,
  CourseFormScreen,
  NotFound,
  ProgrammeFormScreen,
  ProgrammesScreen,
  SessionDetail,
  SessionFormScreen,
} from '../features/catalogue';
import { SettingsScreen } from '../features/settings';
import { Layout } from './Layout';

/**
 * Hash routes: the same URLs work from Electron's app:// origin, from `npm run web` and from
 * the hub, and a reload keeps the screen.
 */
export const router = createHashRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <CatalogueScreen /> },
      { path: '/courses/new', element: <CourseFormScreen mode="new" /> },
      { path: '/courses/:id', element: <CourseDetail /> },
      { path: '/courses/:id/edit', element: <CourseFormScreen mode="edit" /> },
      { path: '/courses/:id/duplicate', element: <CourseFormScreen mode="duplicate" /> },
      { path: '/courses/:courseId/sessions/new', element: <SessionFormScreen mode="new" /> },
      { path: '/sessions/:id', element: <SessionDetail /> },
      { path: '/sessions/:id/edit', element: <SessionFormScreen mode="edit" /> },
      { path: '/sessions/:id/duplicate', element: <SessionFormScreen mode="duplicate" /> },
      { path: '/programmes', element: <ProgrammesScreen /> },
      { path: '/programmes/new', element: <ProgrammeFormScreen mode="new" /> },
      { path: '/programmes/:id/edit', element: <ProgrammeFormScreen mode="edit" /> },
      { path: '/settings', element: <SettingsScreen /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
