import * as catalogue from './catalogue';
import * as people from './people';
import * as enrolment from './enrolment';
import * as attendance from './attendance';
import * as certificates from './certificates';
import * as conflicts from './conflicts';
import type { z } from 'zod';
import type { MutationDef } from './types';

export * from './types';

/** Every mutation, by name. The renderer and the hub look mutations up here and nowhere else. */
export const mutations = {
  [catalogue.createProgramme.name]: catalogue.createProgramme,
  [catalogue.updateProgramme.name]: catalogue.updateProgramme,
  [catalogue.archiveProgramme.name]: catalogue.archiveProgramme,
  [catalogue.createCourse.name]: catalogue.createCourse,
  [catalogue.updateCourse.name]: catalogue.updateCourse,
  [catalogue.archiveCourse.name]: catalogue.archiveCourse,
  [catalogue.createSession.name]: catalogue.createSession,
  [catalogue.updateSession.name]: catalogue.updateSession,
  [catalogue.archiveSession.name]: catalogue.archiveSession,
  [catalogue.updateMeeting.name]: catalogue.updateMeeting,
  [catalogue.addMeeting.name]: catalogue.addMeeting,
  [people.createInstitution.name]: people.createInstitution,
  [people.updateInstitution.name]: people.updateInstitution,
  [people.archiveInstitution.name]: people.archiveInstitution,
  [people.createPerson.name]: people.createPerson,
  [people.updatePerson.name]: people.updatePerson,
  [people.archivePerson.name]: people.archivePerson,
  [people.mergePerson.name]: people.mergePerson,
  [enrolment.requestEnrolment.name]: enrolment.requestEnrolment,
  [enrolment.approveEnrolment.name]: enrolment.approveEnrolment,
  [enrolment.rejectEnrolment.name]: enrolment.rejectEnrolment,
  [enrolment.withdrawEnrolment.name]: enrolment.withdrawEnrolment,
  [enrolment.setEnrolmentOutcome.name]: enrolment.setEnrolmentOutcome,
  [enrolment.createTeam.name]: enrolment.createTeam,
  [enrolment.assignTeam.name]: enrolment.assignTeam,
  [attendance.markAttendance.name]: attendance.markAttendance,
  [attendance.markAllPresent.name]: attendance.markAllPresent,
  [attendance.recordAssessment.name]: attendance.recordAssessment,
  [attendance.recordTeamAssessment.name]: attendance.recordTeamAssessment,
  [certificates.registerIssuer.name]: certificates.registerIssuer,
  [certificates.retireIssuer.name]: certificates.retireIssuer,
  [certificates.saveCertificateTemplate.name]: certificates.saveCertificateTemplate,
  [certificates.issueCertificate.name]: certificates.issueCertificate,
  [certificates.revokeCertificate.name]: certificates.revokeCertificate,
  [conflicts.resolveConflict.name]: conflicts.resolveConflict,
} as const;

/** Arguments of each mutation, by name. */
export type MutationArgs = {
  'programme.create': ArgsOf<typeof catalogue.createProgramme>;
  'programme.update': ArgsOf<typeof catalogue.updateProgramme>;
  'programme.archive': ArgsOf<typeof catalogue.archiveProgramme>;
  'course.create': ArgsOf<typeof catalogue.createCourse>;
  'course.update': ArgsOf<typeof catalogue.updateCourse>;
  'course.archive': ArgsOf<typeof catalogue.archiveCourse>;
  'session.create': ArgsOf<typeof catalogue.createSession>;
  'session.update': ArgsOf<typeof catalogue.updateSession>;
  'session.archive': ArgsOf<typeof catalogue.archiveSession>;
  'meeting.update': ArgsOf<typeof catalogue.updateMeeting>;
  'meeting.add': ArgsOf<typeof catalogue.addMeeting>;
  'institution.create': ArgsOf<typeof people.createInstitution>;
  'institution.update': ArgsOf<typeof people.updateInstitution>;
  'institution.archive': ArgsOf<typeof people.archiveInstitution>;
  'person.create': ArgsOf<typeof people.createPerson>;
  'person.update': ArgsOf<typeof people.updatePerson>;
  'person.archive': ArgsOf<typeof people.archivePerson>;
  'person.merge': ArgsOf<typeof people.mergePerson>;
  'enrolment.request': ArgsOf<typeof enrolment.requestEnrolment>;
  'enrolment.approve': ArgsOf<typeof enrolment.approveEnrolment>;
  'enrolment.reject': ArgsOf<typeof enrolment.rejectEnrolment>;
  'enrolment.withdraw': ArgsOf<typeof enrolment.withdrawEnrolment>;
  'enrolment.setOutcome': ArgsOf<typeof enrolment.setEnrolmentOutcome>;
  'team.create': ArgsOf<typeof enrolment.createTeam>;
  'team.assign': ArgsOf<typeof enrolment.assignTeam>;
  'attendance.mark': ArgsOf<typeof attendance.markAttendance>;
  'attendance.markAllPresent': ArgsOf<typeof attendance.markAllPresent>;
  'assessment.record': ArgsOf<typeof attendance.recordAssessment>;
  'assessment.recordTeam': ArgsOf<typeof attendance.recordTeamAssessment>;
  'issuer.register': ArgsOf<typeof certificates.registerIssuer>;
  'issuer.retire': ArgsOf<typeof certificates.retireIssuer>;
  'certificateTemplate.save': ArgsOf<typeof certificates.saveCertificateTemplate>;
  'certificate.issue': ArgsOf<typeof certificates.issueCertificate>;
  'certificate.revoke': ArgsOf<typeof certificates.revokeCertificate>;
  'conflict.resolve': ArgsOf<typeof conflicts.resolveConflict>;
};
/** A mutation name. */
export type MutationName = keyof MutationArgs;
/** The input (before defaults) a caller passes for a mutation. */
type ArgsOf<M extends { args: z.ZodType }> = z.input<M['args']>;

/** A call of a mutation: its name and arguments, as queued in the outbox. */
export type MutationCall = { [N in MutationName]: { name: N; args: MutationArgs[N] } }[MutationName];

/** Looks a mutation up by name (undefined for a name this version does not know). */
export function findMutation(name: string): MutationDef<unknown> | undefined {
  return (mutations as unknown as Record<string, MutationDef<unknown>>)[name];
}
