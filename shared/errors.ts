import type { z } from 'zod';

/**
 * Error codes of the domain. Validators and mutations answer with a code (plus parameters),
 * never with prose; `renderer/i18n` turns a code into text in the user's language, and
 * `errorText` gives the English text for logs, the command line and the hub.
 */
export type ErrorCode =
  | 'required'
  | 'too-long'
  | 'too-short'
  | 'too-small'
  | 'too-large'
  | 'not-whole-number'
  | 'invalid-choice'
  | 'invalid-date'
  | 'invalid-time'
  | 'date-order'
  | 'time-order'
  | 'window-order'
  | 'window-after-end'
  | 'code-format'
  | 'unknown-country'
  | 'unknown-language'
  | 'unknown-time-zone'
  | 'no-weekdays'
  | 'too-many-meetings'
  | 'duplicate-value'
  | 'invalid'
  | 'code-taken'
  | 'not-found'
  | 'archived'
  | 'forbidden'
  | 'outside-site'
  | 'institution-outside-site'
  | 'person-outside-site'
  | 'unknown-mutation'
  | 'invalid-args'
  | 'self-prerequisite'
  | 'invalid-email'
  | 'email-taken'
  | 'session-cancelled'
  | 'session-not-open'
  | 'enrolment-window-closed'
  | 'prerequisites-missing'
  | 'already-enrolled'
  | 'not-a-trainee'
  | 'invalid-state'
  | 'meeting-cancelled'
  | 'not-in-session'
  | 'team-not-in-session'
  | 'team-empty'
  | 'assessment-kind'
  | 'merge-same-person'
  | 'already-merged'
  | 'issuer-unknown'
  | 'issuer-retired'
  | 'already-certified'
  | 'serial-taken'
  | 'not-ready-for-certificate'
  | 'credential-mismatch'
  | 'already-revoked'
  | 'signing-not-set-up'
  | 'conflict-resolved'
  | 'out-of-order'
  | 'hub-error';

/** Parameters some codes carry (`{max}` for too-long, and so on). */
export type ErrorParams = Record<string, string | number>;

/** One problem with one field: where (`path`), what (`code`) and its parameters. */
export type FieldError = { path: string; code: ErrorCode; params: ErrorParams };

/** English text for each code; `{name}` placeholders are filled from the parameters. */
export const errorText: Record<ErrorCode, string> = {
  required: 'This is required: please fill it in.',
  'too-long': 'This is too long: use at most {max} characters.',
  'too-short': 'This is too short: use at least {min} characters.',
  'too-small': 'This is too small: use {min} or more.',
  'too-large': 'This is too large: use {max} or less.',
  'not-whole-number': 'Use a whole number.',
  'invalid-choice': 'Choose one of the options offered.',
  'invalid-date': 'Enter a date as YYYY-MM-DD, for example 2026-03-09.',
  'invalid-time': 'Enter a time as HH:MM, for example 09:30.',
  'date-order': 'The end date is before the start date: choose an end date on or after the start.',
  'time-order': 'The end time is not after the start time: choose a later end time.',
  'window-order': 'Enrolment closes before it opens: choose a closing date on or after the opening date.',
  'window-after-end': 'Enrolment would open after the session ends: open enrolment before the end date.',
  'code-format': 'Use 2 to 20 capital letters, digits or dashes, for example CSD-101.',
  'unknown-country': 'Choose a country from the list.',
  'unknown-language': 'Choose languages from the list.',
  'unknown-time-zone': 'Choose a time zone from the list, for example Asia/Karachi.',
  'no-weekdays': 'Choose at least one weekday on which the class meets.',
  'too-many-meetings': 'This schedule makes more than {max} class days: shorten the dates or pick fewer weekdays.',
  'duplicate-value': 'This appears twice: remove the repeat.',
  invalid: 'This value is not valid: check it and try again.',
  'code-taken': 'Another course already uses the code {code}: choose a different code.',
  'not-found': 'This record no longer exists on this device.',
  archived: 'This record is archived: restore it before changing it.',
  forbidden: 'Your role cannot make this change.',
  'outside-site': 'This session is held in {country}, outside your site ({site}): only a coordinator for {country} or for the whole organisation can change it.',
  'institution-outside-site': 'This institution is in {country}, outside your site ({site}): only a coordinator for {country} or for the whole organisation can change it.',
  'person-outside-site': 'This person is neither from {site} nor on the list of a session held there: only a coordinator for the whole organisation can change their record.',
  'unknown-mutation': 'This change is not known to this version of Apogee.',
  'invalid-args': 'Some values are not valid.',
  'self-prerequisite': 'A course cannot be its own prerequisite: remove it from the list.',
  'invalid-email': 'Enter an e-mail address such as name@example.org, or leave it empty.',
  'email-taken': 'Another person already uses the e-mail address {email}: open that person, or merge the two records.',
  'session-cancelled': 'This session is cancelled: choose another session of the course.',
  'session-not-open': 'This session is not open for enrolment: open the session first, or choose another one.',
  'enrolment-window-closed': 'Enrolment for this session is open from {opens} to {closes} only: change the enrolment dates of the session, or choose another one.',
  'prerequisites-missing': 'This person has not completed the prerequisites {codes}: enrol them in those courses first.',
  'already-enrolled': 'This person is already on the list of this session.',
  'not-a-trainee': 'Only trainees can be enrolled: give this person the trainee role first.',
  'invalid-state': 'This enrolment is {state}: this change does not apply to it.',
  'meeting-cancelled': 'This class day is cancelled: attendance is not taken on it.',
  'not-in-session': 'This person is not enrolled in this session: enrol them before recording attendance or results.',
  'team-not-in-session': 'This team belongs to another session: choose a team of this session.',
  'team-empty': 'This team has no members yet: assign trainees to it first.',
  'assessment-kind': 'This is a {kind} assessment: record it for the team or for each trainee accordingly.',
  'merge-same-person': 'A person cannot be merged with themselves: choose two different records.',
  'already-merged': 'This record was already merged into another person: use that person instead.',
  'issuer-unknown': 'This signing key is not registered for the organisation: set up certificate signing in Certificates first.',
  'issuer-retired': 'This signing key was retired: issue with the current key of this device.',
  'already-certified': 'This trainee already has certificate {serial} for this session: revoke it first to reissue.',
  'serial-taken': 'The serial number {serial} is already used: issue again to get a new number.',
  'not-ready-for-certificate': 'This trainee does not meet the completion rule yet: check attendance and results first.',
  'credential-mismatch': 'The signed certificate does not match this trainee, course or key: issue it again.',
  'already-revoked': 'This certificate was already revoked on {date}.',
  'signing-not-set-up': 'Certificate signing is not set up on this device yet: set it up in Certificates first.',
  'conflict-resolved': 'This conflict was already settled by another coordinator.',
  'out-of-order': 'The hub received this change out of order and did not apply it: it will be sent again.',
  'hub-error': 'The hub could not apply this change ({reason}).',
};

/** Codes of notices: news a successful change brings (a trainee was waitlisted, another promoted). */
export type NoticeCode =
  | 'waitlisted'
  | 'promoted'
  | 'completion-met'
  | 'completion-attendance-short'
  | 'completion-assessments-missing';

/** A notice with its parameters; like errors, turned into text by the interface. */
export type Notice = { code: NoticeCode; params: ErrorParams };

/** English text for each notice code. */
export const noticeText: Record<NoticeCode, string> = {
  waitlisted: 'The session is full: this person is on the waiting list, in position {position}.',
  promoted: 'A place became free: {name} moved from the waiting list into the session.',
  'completion-met': 'Meets the completion rule.',
  'completion-attendance-short': '{percent}% attended, needs {needed}%.',
  'completion-assessments-missing': 'Still to pass: {titles}.',
};

/** Fills `{name}` placeholders of a text. */
export function fillParams(text: string, params: ErrorParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

const ownCodes = new Set<string>(Object.keys(errorText));

/** Turns one zod issue into a field error with one of our codes. */
export function fieldErrorFromIssue(issue: z.core.$ZodIssue): FieldError {
  const path = issue.path.map(String).join('.');
  if (ownCodes.has(issue.message)) {
    const params: ErrorParams = {};
    if ('maximum' in issue) params.max = Number(issue.maximum);
    if ('minimum' in issue) params.min = Number(issue.minimum);
    return { path, code: issue.message as ErrorCode, params };
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { path, code: 'required', params: {} };
      if (issue.origin === 'string') return { path, code: 'too-short', params: { min: Number(issue.minimum) } };
      if (issue.origin === 'array' && Number(issue.minimum) <= 1) return { path, code: 'required', params: {} };
      return { path, code: 'too-small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { path, code: 'too-long', params: { max: Number(issue.maximum) } };
      return { path, code: 'too-large', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '' || Number.isNaN(issue.input))
        return { path, code: 'required', params: {} };
      if (issue.expected === 'int') return { path, code: 'not-whole-number', params: {} };
      return { path, code: 'invalid', params: {} };
    case 'invalid_value':
      return { path, code: 'invalid-choice', params: {} };
    case 'invalid_format':
      return { path, code: 'invalid', params: {} };
    default:
      return { path, code: 'invalid', params: {} };
  }
}

/** All problems of a failed zod parse, as field errors. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map(fieldErrorFromIssue);
}

/** English text of a field error, for logs and the command line ("code: Use 2 to 20 …"). */
export function describeFieldError(error: FieldError): string {
  const text = fillParams(errorText[error.code], error.params);
  return error.path ? `${error.path}: ${text}` : text;
}
