import { certificateContexts } from './contexts';
import type { Secured } from './dataIntegrity';
import { addProofs, dateTimeStampPattern } from './dataIntegrity';
import { parseDidKey } from './didKey';
import type { EndorsementCredential } from './endorsement';
import { CredentialError } from './errors';
import type { Signer } from './signer';
import type { BitstringStatusListEntry } from './statusList';

/**
 * A certificate as an Open Badges 3.0 `OpenBadgeCredential` (a W3C Verifiable Credential 2.0):
 * the achievement is the course, the result is the completion, the subject is the trainee.
 * Every property used is defined by the VC 2.0 or OB 3.0.3 context, so JSON-LD safe mode
 * accepts it and independent verifiers read the same data we sign.
 */

/** The achievement: the course. */
export type CertificateAchievement = {
  id: string;
  type: ['Achievement'];
  name: string;
  description: string;
  criteria: { narrative: string };
  achievementType: 'Course';
  humanCode: string;
  creditsAvailable?: number;
};

/** The trainee and what they achieved. */
export type CertificateSubject = {
  type: ['AchievementSubject'];
  identifier: [{ type: 'IdentityObject'; identityHash: string; identityType: 'name'; hashed: false }];
  achievement: CertificateAchievement;
  result: [{ type: ['Result']; status: 'Completed'; value: string }];
  creditsEarned?: number;
  licenseNumber: string;
};

/** An unsigned certificate. */
export type UnsignedCertificateCredential = {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  issuer: { id: string; type: ['Profile']; name: string; url?: string; endorsement: EndorsementCredential[] };
  validFrom: string;
  validUntil?: string;
  credentialSubject: CertificateSubject;
  credentialStatus: BitstringStatusListEntry;
};

/** A signed certificate (a proof set: eddsa-rdfc-2022, then eddsa-jcs-2022). */
export type CertificateCredential = Secured<UnsignedCertificateCredential>;

/** What a certificate says, in plain values. */
export type CertificateInput = {
  organisationName: string;
  organisationUrl?: string;
  /** The issuing device's did:key (the signer's DID). */
  issuerDid: string;
  /** The root's endorsement of `issuerDid`, carried so verifiers need only the root key. */
  endorsement: EndorsementCredential;
  /** The certificate's UUID; the credential's id is urn:uuid:<certificateId>. */
  certificateId: string;
  serial: string;
  /** The template's title (the credential's name); defaults to the course title. */
  title?: string;
  course: {
    id: string;
    code: string;
    title: string;
    description: string;
    /** Teaching hours, stated as credits available and earned. */
    hours?: number;
    /** How the course is completed (attendance, assessments), in words. */
    criteria: string;
  };
  traineeName: string;
  /** How this trainee completed, in words ("Attended 18 of 20 days; passed the final review"). */
  completion: string;
  validFrom: string;
  validUntil?: string;
  status: BitstringStatusListEntry;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(field: string, value: string): string {
  const normalised = value.normalize('NFC').trim();
  if (normalised === '') throw new CredentialError('invalid-input', { field, expected: 'must not be empty' });
  return normalised;
}

/**
 * The unsigned `OpenBadgeCredential` of one certificate. Texts are NFC-normalised (the trainee's
 * name always: a name typed with combining accents and the same name typed precomposed must make
 * the same certificate). Throws a CredentialError('invalid-input') on invalid inputs.
 *
 * Where the contract is silent:
 * - the serial goes in `credentialSubject.licenseNumber`, OB 3.0's "number issued with this
 *   credential": OB has no certificate-number property, and a standard term keeps safe mode and
 *   other verifiers happy without a context of our own;
 * - the result says `status: Completed` besides the explanation in `value`.
 */
export function buildCertificateCredential(input: CertificateInput): UnsignedCertificateCredential {
  const invalid = (field: string, expected: string) => new CredentialError('invalid-input', { field, expected });
  if (!uuidPattern.test(input.certificateId)) throw invalid('certificateId', 'must be a UUID');
  if (!parseDidKey(input.issuerDid).ok || input.issuerDid.includes('#')) throw invalid('issuerDid', 'must be an Ed25519 did:key');
  if (!dateTimeStampPattern.test(input.validFrom)) throw invalid('validFrom', 'must be a date and time with a zone');
  if (input.validUntil !== undefined && !dateTimeStampPattern.test(input.validUntil)) {
    throw invalid('validUntil', 'must be a date and time with a zone');
  }
  const hours = input.course.hours;
  if (hours !== undefined && !(Number.isFinite(hours) && hours >= 0)) throw invalid('course.hours', 'must be a number of hours');
  if (input.organisationUrl !== undefined && !/^https?:\/\/\S+$/.test(input.organisationUrl)) {
    throw invalid('organisationUrl', 'must be a web address');
  }
  const achievement: CertificateAchievement = {
    id: `urn:apogee:course:${encodeURIComponent(input.course.id)}`,
    type: ['Achievement'],
    name: text('course.title', input.course.title),
    description: text('course.description', input.course.description),
    criteria: { narrative: text('course.criteria', input.course.criteria) },
    achievementType: 'Course',
    humanCode: text('course.code', input.course.code),
    ...(hours === undefined ? {} : { creditsAvailable: hours }),
  };
  return {
    '@context': [...certificateContexts],
    id: `urn:uuid:${input.certificateId.toLowerCase()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: text('title', input.title ?? input.course.title),
    issuer: {
      id: input.issuerDid,
      type: ['Profile'],
      name: text('organisationName', input.organisationName),
      ...(input.organisationUrl === undefined ? {} : { url: input.organisationUrl }),
      endorsement: [input.endorsement],
    },
    validFrom: input.validFrom,
    ...(input.validUntil === undefined ? {} : { validUntil: input.validUntil }),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityHash: text('traineeName', input.traineeName), identityType: 'name', hashed: false },
      ],
      achievement,
      result: [{ type: ['Result'], status: 'Completed', value: text('completion', input.completion) }],
      ...(hours === undefined ? {} : { creditsEarned: hours }),
      licenseNumber: text('serial', input.serial),
    },
    credentialStatus: input.status,
  };
}

/**
 * Builds and signs a certificate: an eddsa-rdfc-2022 proof (what Open Badges requires) and an
 * eddsa-jcs-2022 proof (for verifiers without JSON-LD), both by `signer`, whose DID must be
 * `input.issuerDid`. `created` is the signing time (defaults to validFrom).
 */
export async function issueCertificate(input: CertificateInput, signer: Signer, created?: string): Promise<CertificateCredential> {
  if (!signer.verificationMethod.startsWith(`${input.issuerDid}#`)) {
    throw new CredentialError('invalid-input', { field: 'signer', expected: "must be the issuer's key" });
  }
  return addProofs(buildCertificateCredential(input), { signer, created: created ?? input.validFrom });
}
