import type { ComponentType } from 'react';
import { createHashRouter } from 'react-router';
import type { Role } from '../../shared/mutations';
import { LockGate } from '../features/account';
import { CatalogueScreen, NotFound } from '../features/catalogue';
import type * as catalogueRoutes from '../features/catalogue/routes';
import type * as peopleRoutes from '../features/people/routes';
import type * as certificateRoutes from '../features/certificates/routes';
import { Layout } from './Layout';
import { RoleGate } from './RoleGate';

const staff: readonly Role[] = ['coordinator', 'instructor'];

/** A lazily loaded screen shown only to some roles (others see why not). */
function gated(allow: readonly Role[], load: () => Promise<ComponentType>) {
  return async () => {
    const Screen = await load();
    return {
      Component: () => (
        <RoleGate allow={allow}>
          <Screen />
        </RoleGate>
      ),
    };
  };
}

/** A people screen; coordinators and instructors see people, trainees only themselves (My courses). */
const people = (name: keyof typeof peopleRoutes, allow: readonly Role[] = staff) =>
  gated(allow, async () => (await import('../features/people/routes'))[name]);

// Screens other than the catalogue list load on first visit, so the first screen opens with a
// smaller bundle (and without the validation code the forms need).
const catalogue = (name: keyof typeof catalogueRoutes) => async () => ({
  Component: (await import('../features/catalogue/routes'))[name],
});
/** A catalogue screen that changes the catalogue: coordinators only. */
const catalogueEditor = (name: keyof typeof catalogueRoutes) =>
  gated(['coordinator'], async () => (await import('../features/catalogue/routes'))[name]);

/** A certificates screen (signing, issuing and verifying code loads only here). */
const certificates = (name: keyof typeof certificateRoutes, allow: readonly Role[] = ['coordinator']) =>
  gated(allow, async () => (await import('../features/certificates/routes'))[name]);
const everyone: readonly Role[] = ['coordinator', 'instructor', 'trainee'];

/**
 * Hash routes: the same URLs work from Electron's app:// origin, from `npm run web` and from
 * the hub, and a reload keeps the screen.
 */
export const router = createHashRouter([
  // The bare printable certificate (no app frame): the desktop prints it to PDF.
  { path: '/certificates/:id/print', lazy: certificates('CertificatePrint', everyone) },
  {
    element: (
      <LockGate>
        <Layout />
      </LockGate>
    ),
    children: [
      { path: '/', element: <CatalogueScreen /> },
      { path: '/courses/new', lazy: catalogueEditor('NewCourse') },
      { path: '/courses/:id', lazy: catalogue('CourseDetail') },
      { path: '/courses/:id/edit', lazy: catalogueEditor('EditCourse') },
      { path: '/courses/:id/duplicate', lazy: catalogueEditor('DuplicateCourse') },
      { path: '/courses/:courseId/sessions/new', lazy: catalogueEditor('NewSession') },
      { path: '/sessions/:id', lazy: catalogue('SessionDetail') },
      { path: '/sessions/:id/edit', lazy: catalogueEditor('EditSession') },
      { path: '/sessions/:id/duplicate', lazy: catalogueEditor('DuplicateSession') },
      { path: '/programmes', lazy: catalogueEditor('ProgrammesScreen') },
      { path: '/programmes/new', lazy: catalogueEditor('NewProgramme') },
      { path: '/programmes/:id/edit', lazy: catalogueEditor('EditProgramme') },
      { path: '/connect', lazy: async () => ({ Component: (await import('../features/account/routes')).Connect }) },
      {
        path: '/settings',
        lazy: async () => ({ Component: (await import('../features/settings')).SettingsScreen }),
      },
      { path: '/people', lazy: people('PeopleList') },
      { path: '/people/new', lazy: people('NewPerson', ['coordinator']) },
      { path: '/people/import', lazy: people('ImportPeople', ['coordinator']) },
      { path: '/people/:id', lazy: people('PersonDetail') },
      { path: '/people/:id/edit', lazy: people('EditPerson', ['coordinator']) },
      { path: '/institutions', lazy: people('Institutions', ['coordinator']) },
      { path: '/institutions/new', lazy: people('NewInstitution', ['coordinator']) },
      { path: '/institutions/:id/edit', lazy: people('EditInstitution', ['coordinator']) },
      {
        path: '/sessions/:id/roster',
        lazy: gated(staff, async () => (await import('../features/enrolment/routes')).Roster),
      },
      {
        path: '/sessions/:id/attendance',
        lazy: gated(staff, async () => (await import('../features/attendance/routes')).Attendance),
      },
      {
        path: '/meetings/:id/sign-in',
        lazy: gated(staff, async () => (await import('../features/attendance/routes')).SignInSheet),
      },
      {
        path: '/today',
        lazy: gated(staff, async () => (await import('../features/attendance/routes')).Today),
      },
      {
        path: '/my',
        lazy: async () => ({ Component: (await import('../features/mycourses')).MyCoursesScreen }),
      },
      { path: '/certificates', lazy: certificates('Certificates') },
      { path: '/certificates/:id', lazy: certificates('Certificate', everyone) },
      { path: '/sessions/:id/certificates', lazy: certificates('SessionCertificates') },
      { path: '/courses/:id/certificate', lazy: certificates('CertificateTemplate') },
      { path: '/my/certificates', lazy: certificates('MyCertificates', everyone) },
      { path: '/verify', lazy: certificates('Verify', everyone) },
      { path: '/attention', lazy: gated(everyone, async () => (await import('../features/attention/routes')).Attention) },
      { path: '/devices', lazy: gated(['coordinator'], async () => (await import('../features/devices/routes')).Devices) },
      { path: '/sync/file', lazy: async () => ({ Component: (await import('../features/packets/routes')).Packets }) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
