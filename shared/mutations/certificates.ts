import { z } from 'zod';
import {
  certificateTemplateInput,
  didKey,
  issuerKinds,
  jsonObject,
  organisationCode,
  webAddress,
  type Certificate,
} from '../domain/certificates';
import { completionOf, readyForCertificate } from '../domain/completion';
import { recordId, requiredText } from '../domain/values';
import { coordinatorsOnly, organisationOnly, outsideSite, sessionOutsideSite } from './common';
import { actorLabel } from './enrolment';
import { defineMutation, ok, refuse, type MutationStore } from './types';

/**
 * Certificates are signed on the device before these mutations run (signing is a side effect
 * with a secret key); the mutations record public facts — keys, templates, the signed
 * credential, revocations — and check the rules again wherever they run (device or hub).
 */

/**
 * Registers a public key that signs for the organisation. Keys are facts: never changed, only
 * retired. A root key speaks for the whole organisation (organisation coordinators only); a site
 * coordinator registers the key of their own device.
 */
export const registerIssuer = defineMutation({
  name: 'issuer.register',
  version: 1,
  summary: 'Register a key that signs certificates',
  args: z.object({
    id: recordId,
    kind: z.enum(issuerKinds, { error: 'invalid-choice' }),
    did: didKey,
    name: requiredText(120),
    organisationCode,
    verifyUrl: webAddress,
    keyCode: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}$/, 'invalid'),
    endorsement: jsonObject.nullable().default(null),
    rootId: z.string().default(''),
  }),
  permission: (actor, args) => organisationOnly(actor) || (coordinatorsOnly(actor) && args.kind === 'device'),
  reads: (args) => [{ table: 'issuers', id: args.id }, ...(args.rootId ? [{ table: 'issuers' as const, id: args.rootId }] : [])],
  async apply(store, args, { now }) {
    const existing = await store.get('issuers', args.id);
    if (existing) return existing.did === args.did ? ok : refuse('invalid', {}, 'id');
    if (args.kind === 'device') {
      const root = args.rootId ? await store.get('issuers', args.rootId) : undefined;
      if (!root || root.kind !== 'root') return refuse('issuer-unknown', {}, 'rootId');
      if (!args.endorsement) return refuse('required', {}, 'endorsement');
    }
    await store.put('issuers', { ...args, createdAt: now, retiredAt: '' });
    return ok;
  },
});

/** Stops a key from issuing (rotation); what it signed stays valid. Organisation coordinators only: it stops a site. */
export const retireIssuer = defineMutation({
  name: 'issuer.retire',
  version: 1,
  summary: 'Stop a key from signing new certificates',
  args: z.object({ id: recordId }),
  permission: organisationOnly,
  reads: ({ id }) => [{ table: 'issuers', id }],
  async apply(store, { id }, { now }) {
    const issuer = await store.get('issuers', id);
    if (!issuer) return refuse('not-found', {}, 'id');
    if (!issuer.retiredAt) await store.put('issuers', { ...issuer, retiredAt: now });
    return ok;
  },
});

/** Saves a course's certificate template (one per course: its id is the course's id). */
export const saveCertificateTemplate = defineMutation({
  name: 'certificateTemplate.save',
  version: 1,
  summary: 'Save the certificate template of a course',
  args: certificateTemplateInput,
  permission: organisationOnly,
  reads: ({ courseId }) => [
    { table: 'courses', id: courseId },
    { table: 'certificateTemplates', id: courseId },
  ],
  async apply(store, args, { now }) {
    if (!(await store.get('courses', args.courseId))) return refuse('not-found', {}, 'courseId');
    const existing = await store.get('certificateTemplates', args.courseId);
    await store.put('certificateTemplates', { ...args, id: args.courseId, createdAt: existing?.createdAt ?? now, updatedAt: now });
    return ok;
  },
});

/** True when the trainee of this enrolment meets the completion rule today. */
async function isReady(store: MutationStore, enrolmentId: string, asOf: string): Promise<boolean> {
  const enrolment = await store.get('enrolments', enrolmentId);
  if (!enrolment) return false;
  const session = await store.get('sessions', enrolment.sessionId);
  const course = session && (await store.get('courses', session.courseId));
  if (!course) return false;
  const meetings = await store.findBy('meetings', 'sessionId', enrolment.sessionId);
  // The trainee's own marks (a handful), not the whole session's: bulk issuing stays linear.
  const marks = (await store.findBy('attendance', 'personId', enrolment.personId)).filter((m) => m.sessionId === enrolment.sessionId);
  const results = await store.findBy('results', 'enrolmentId', enrolment.id);
  return readyForCertificate(enrolment, completionOf({ course, meetings, marks, results, asOf }));
}

/** What of a credential the issue mutation checks against the enrolment it is for. */
const credentialShape = z.object({
  id: z.string(),
  issuer: z.object({ id: z.string() }),
  credentialSubject: z.object({ achievement: z.object({ id: z.string() }) }),
  credentialStatus: z.object({ statusListIndex: z.string() }).optional(),
  proof: z.unknown(),
});

/**
 * Records a certificate signed on this device for a trainee who completed. Immutable once
 * issued: a correction is revoke and reissue.
 */
export const issueCertificate = defineMutation({
  name: 'certificate.issue',
  version: 1,
  summary: 'Issue a certificate',
  args: z.object({
    id: recordId,
    enrolmentId: recordId,
    issuerId: recordId,
    sequence: z.number().int().nonnegative(),
    serial: z.string().min(1).max(40),
    credential: jsonObject,
  }),
  permission: coordinatorsOnly,
  reads: (args) => [
    { table: 'certificates', id: args.id },
    { table: 'enrolments', id: args.enrolmentId },
    { table: 'issuers', id: args.issuerId },
    { table: 'certificates', field: 'enrolmentId', value: args.enrolmentId },
    { table: 'certificates', field: 'serial', value: args.serial },
    { table: 'results', field: 'enrolmentId', value: args.enrolmentId },
  ],
  async apply(store, args, ctx) {
    if (await store.get('certificates', args.id)) return refuse('invalid', {}, 'id');
    const enrolment = await store.get('enrolments', args.enrolmentId);
    if (!enrolment) return refuse('not-found', {}, 'enrolmentId');
    const session = await store.get('sessions', enrolment.sessionId);
    if (!session) return refuse('not-found', {}, 'enrolmentId');
    const elsewhere = outsideSite(ctx.actor, session, 'enrolmentId');
    if (elsewhere) return elsewhere;
    const issuer = await store.get('issuers', args.issuerId);
    if (!issuer || issuer.kind !== 'device') return refuse('issuer-unknown', {}, 'issuerId');
    if (issuer.retiredAt) return refuse('issuer-retired', {}, 'issuerId');
    const existing = await store.findBy('certificates', 'enrolmentId', args.enrolmentId);
    const active = existing.find((c) => !c.revokedAt);
    if (active) return refuse('already-certified', { serial: active.serial }, 'enrolmentId');
    if ((await store.findBy('certificates', 'serial', args.serial)).length) return refuse('serial-taken', { serial: args.serial }, 'serial');
    if (!(await isReady(store, args.enrolmentId, ctx.now.slice(0, 10)))) return refuse('not-ready-for-certificate', {}, 'enrolmentId');

    const shape = credentialShape.safeParse(args.credential);
    const matches =
      shape.success &&
      shape.data.id === `urn:uuid:${args.id}` &&
      shape.data.issuer.id === issuer.did &&
      shape.data.credentialSubject.achievement.id === `urn:apogee:course:${encodeURIComponent(session.courseId)}` &&
      (shape.data.credentialStatus === undefined || shape.data.credentialStatus.statusListIndex === String(args.sequence)) &&
      shape.data.proof !== undefined;
    if (!matches) return refuse('credential-mismatch', {}, 'credential');

    const certificate: Certificate = {
      id: args.id,
      serial: args.serial,
      enrolmentId: enrolment.id,
      personId: enrolment.personId,
      sessionId: enrolment.sessionId,
      courseId: session.courseId,
      issuerId: issuer.id,
      sequence: args.sequence,
      credential: args.credential,
      issuedAt: ctx.now,
      issuedBy: actorLabel(ctx.actor),
      revokedAt: '',
      revocationReason: '',
    };
    await store.put('certificates', certificate);
    return ok;
  },
});

/** Revokes a certificate with a reason; verifiers see it through the revocation list. */
export const revokeCertificate = defineMutation({
  name: 'certificate.revoke',
  version: 1,
  summary: 'Revoke a certificate',
  args: z.object({ id: recordId, reason: requiredText(300) }),
  permission: coordinatorsOnly,
  reads: ({ id }) => [{ table: 'certificates', id }],
  async apply(store, { id, reason }, { actor, now }) {
    const certificate = await store.get('certificates', id);
    if (!certificate) return refuse('not-found', {}, 'id');
    const elsewhere = await sessionOutsideSite(store, actor, certificate.sessionId, 'id');
    if (elsewhere) return elsewhere;
    if (certificate.revokedAt) return refuse('already-revoked', { date: certificate.revokedAt.slice(0, 10) }, 'id');
    await store.put('certificates', { ...certificate, revokedAt: now, revocationReason: reason });
    return ok;
  },
});
