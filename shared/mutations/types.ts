import type { z } from 'zod';
import type { ErrorCode, ErrorParams, FieldError, Notice } from '../errors';
import type { Course, Meeting, Programme, Session } from '../domain/catalogue';
import type { Institution, Person } from '../domain/people';
import type { AssessmentResult, AttendanceMark, Enrolment, Team } from '../domain/enrolment';
import type { Certificate, CertificateTemplate, Issuer } from '../domain/certificates';
import type { Conflict } from '../domain/conflicts';

/** Who is making a change. Until accounts arrive with the hub, the device acts locally. */
export type Role = 'coordinator' | 'instructor' | 'trainee';
/**
 * The person (or device) a mutation runs for. `site` (coordinators only) is the country, ISO
 * 3166 alpha-2, whose sessions a site coordinator runs; absent for the whole organisation.
 */
export type Actor = { role: Role; personId?: string; site?: string; deviceId: string };

/** Rows of each table a mutation may touch. */
export type Tables = {
  programmes: Programme;
  courses: Course;
  sessions: Session;
  meetings: Meeting;
  institutions: Institution;
  people: Person;
  enrolments: Enrolment;
  teams: Team;
  attendance: AttendanceMark;
  results: AssessmentResult;
  issuers: Issuer;
  certificateTemplates: CertificateTemplate;
  certificates: Certificate;
  conflicts: Conflict;
};
/** A table name. */
export type TableName = keyof Tables;

/** Fields that can be looked up without reading a whole table. */
export type IndexedField = {
  programmes: never;
  courses: 'code' | 'programmeId';
  sessions: 'courseId';
  meetings: 'sessionId';
  institutions: 'name';
  people: 'email' | 'institutionId' | 'mergedInto';
  enrolments: 'sessionId' | 'personId';
  teams: 'sessionId';
  attendance: 'sessionId' | 'meetingId' | 'personId';
  results: 'sessionId' | 'enrolmentId';
  issuers: never;
  certificateTemplates: 'courseId';
  certificates: 'serial' | 'enrolmentId' | 'personId' | 'sessionId' | 'courseId' | 'issuerId';
  conflicts: 'sessionId' | 'state';
};

/**
 * The small store a mutation's `apply` is written against. The renderer implements it over
 * Dexie, the hub over SQL; `apply` never sees either.
 */
export type MutationStore = {
  get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined>;
  findBy<T extends TableName>(table: T, field: IndexedField[T], value: string): Promise<Tables[T][]>;
  put<T extends TableName>(table: T, row: Tables[T]): Promise<void>;
  delete(table: TableName, id: string): Promise<void>;
};

/**
 * A row a mutation's `apply` is going to read: by id, or by an indexed field. Only a hint, so a
 * batch runner can fetch the rows of many mutations in one round trip; `apply` must still work
 * (just slower) when no hint is given.
 */
export type ReadHint =
  | { table: TableName; id: string }
  | { [T in TableName]: { table: T; field: IndexedField[T]; value: string } }[TableName];

/** What a mutation knows besides its arguments. `now` comes from the runner (device or hub). */
export type MutationContext = { actor: Actor; now: string };

/** A mutation's refusal: a code, its parameters and, when one field is at fault, that field. */
export type MutationError = { code: ErrorCode; params: ErrorParams; fields: FieldError[] };

/** What applying a mutation answers; a success may bring notices ("waitlisted in position 2"). */
export type MutationResult = { ok: true; notices?: Notice[] } | { ok: false; error: MutationError };

/** A named, versioned change: the only way data is written, on the device and on the hub. */
export type MutationDef<Args, Input = unknown> = {
  name: string;
  version: number;
  /** One line for people: what this change does. */
  summary: string;
  /** Validates what a caller passes (`Input`, defaults may be left out) into `Args`. */
  args: z.ZodType<Args, Input>;
  /** May this actor make this change? Checked before `apply`, again on the hub. */
  permission: (actor: Actor, args: Args) => boolean;
  apply: (store: MutationStore, args: Args, ctx: MutationContext) => Promise<MutationResult>;
  /** The rows `apply` will read (see ReadHint). */
  reads?: (args: Args) => ReadHint[];
};

/** Defines a mutation, keeping the types of its arguments as passed and as parsed. */
export function defineMutation<S extends z.ZodType>(
  def: Omit<MutationDef<z.output<S>>, 'args'> & { args: S },
): MutationDef<z.output<S>, z.input<S>> {
  return def as MutationDef<z.output<S>, z.input<S>>;
}

/** Success. */
export const ok: MutationResult = { ok: true };

/** Success with notices for the person who made the change. */
export function okWith(...notices: Notice[]): MutationResult {
  return notices.length ? { ok: true, notices } : ok;
}

/** A refusal with a code, optionally pinned to a field. */
export function refuse(code: ErrorCode, params: ErrorParams = {}, field?: string): MutationResult {
  return { ok: false, error: { code, params, fields: field ? [{ path: field, code, params }] : [] } };
}
