/**
 * The catalogue's fixed vocabularies, without zod, so screens that only list and filter can
 * load without the validation code.
 */

/** Languages the catalogue offers courses in (BCP 47 codes). */
export const courseLanguages = ['en', 'zh', 'ar', 'fr', 'es', 'ru', 'ur', 'fa', 'th', 'tr', 'pt', 'id', 'de', 'it', 'ja'] as const;

/** Countries named in the association's reports, plus China and Hong Kong (ISO 3166 alpha-2). */
export const partnerCountries = [
  'CN', 'HK', 'PK', 'TR', 'EG', 'BH', 'TH', 'ZA', 'PE', 'IR', 'RU', 'IT', 'FR', 'DE', 'JP', 'GB', 'US', 'CH',
  'SE', 'BR', 'ID', 'NG', 'ET', 'SD', 'DZ', 'AZ', 'BY', 'NI', 'RS', 'VE', 'KZ', 'SN',
] as const;

/** Course levels, from first contact to specialist. */
export const courseLevels = ['introductory', 'intermediate', 'advanced'] as const;
/** A course level. */
export type CourseLevel = (typeof courseLevels)[number];

/** Where a session takes place. */
export const sessionModes = ['in-person', 'online', 'hybrid'] as const;
/** A session mode. */
export type SessionMode = (typeof sessionModes)[number];
/** Where a session is in its life. */
export const sessionStatuses = ['draft', 'open', 'closed', 'cancelled'] as const;
/** A session status. */
export type SessionStatus = (typeof sessionStatuses)[number];

/** How a late arrival counts towards attendance. */
export const latePolicies = ['present', 'half'] as const;
/** Whether an assessment is graded per trainee or per team (CubeSat design reviews). */
export const assessmentKinds = ['individual', 'team'] as const;

/** What people do in Apogee; a person may have several roles. */
export const personRoles = ['trainee', 'instructor', 'coordinator'] as const;
/** A person's role. */
export type PersonRole = (typeof personRoles)[number];

/** Where an enrolment is in its life. */
export const enrolmentStates = ['requested', 'enrolled', 'waitlisted', 'rejected', 'withdrawn', 'completed', 'not-completed'] as const;
/** An enrolment state. */
export type EnrolmentState = (typeof enrolmentStates)[number];

/** Attendance marks (a trainee with no mark for a class day is "unrecorded"). */
export const attendanceStatuses = ['present', 'late', 'excused', 'absent'] as const;
/** An attendance mark. */
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** Today's date on this device, YYYY-MM-DD (shown and filtered on; never used to order writes). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
