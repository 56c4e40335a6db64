import { z } from 'zod';
import { optionalText, recordId, requiredText } from './values';

/**
 * Certificates: who may sign them (issuers), how they look (templates per course) and the
 * certificates themselves — each a signed W3C Verifiable Credential (Open Badges 3.0) stored
 * exactly as issued. See docs/specs/0004-certificates.md.
 */

/** A root key speaks for the organisation; a device key signs certificates, endorsed by the root. */
export const issuerKinds = ['root', 'device'] as const;
/** The kind of an issuing key. */
export type IssuerKind = (typeof issuerKinds)[number];

/** An Ed25519 did:key (multicodec ed25519-pub, base58btc): did:key:z6Mk… */
export const didKey = z.string().regex(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}$/, 'invalid');

/** A JSON object as stored (a signed credential): kept verbatim, never re-shaped. */
export const jsonObject = z.record(z.string(), z.unknown());
/** A JSON object. */
export type JsonObject = z.infer<typeof jsonObject>;

/** An organisation's short code as printed in serial numbers: IDSEA, APSCO, UNOOSA-2. */
export const organisationCode = z.string().trim().regex(/^[A-Z][A-Z0-9-]{1,11}$/, 'code-format');

/** A web address verifiers can open (https, or http on a local network). */
export const webAddress = z
  .string()
  .trim()
  .max(200, 'too-long')
  // shared/ has no URL class (no DOM or Node types): a host, then an optional path, no spaces.
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s]*)?$/, 'invalid');

/** A public key allowed to sign for the organisation (the secret never leaves its device). */
export const issuerSchema = z.object({
  id: recordId,
  kind: z.enum(issuerKinds),
  did: didKey,
  /** The organisation's name as certificates print it. */
  name: requiredText(120),
  /** Serial numbers start with this (root only; devices copy it). */
  organisationCode: organisationCode,
  /** Where the verification link of a certificate points (root only; devices copy it). */
  verifyUrl: webAddress,
  /** Four characters that tell this key's serial numbers apart from other devices'. */
  keyCode: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}$/, 'invalid'),
  /** The root's signed statement that this device key may issue (device keys only). */
  endorsement: jsonObject.nullable().default(null),
  /**
   * The hub root's endorsement of this device key, added by the hub at sync (decision 0003: the
   * hub takes over the root by rotation). Absent until the hub has seen the key, and on rows
   * made before the hub existed; devices may carry it in `issuer.endorsement` next to the first.
   */
  hubEndorsement: jsonObject.optional(),
  /** The root key that endorsed this device key ('' for a root). */
  rootId: z.string().default(''),
  createdAt: z.string(),
  /** Set when the key stops issuing (rotation); its certificates stay valid. */
  retiredAt: z.string().default(''),
});
/** An issuing key as stored. */
export type Issuer = z.infer<typeof issuerSchema>;

/** A person who signs a certificate, as printed under the signature line. */
export const signatory = z.object({ name: requiredText(120), title: optionalText(120) });

/** Largest logo a template may carry (a data: URL), so certificates stay light to sync and print. */
export const maxLogoBytes = 200 * 1024;

/** Placeholders the body text of a template may use. */
export const templatePlaceholders = ['name', 'course', 'code', 'hours', 'dates', 'place', 'organisation', 'result'] as const;

/** Page sizes certificates print on. */
export const pageSizes = ['A4', 'Letter'] as const;

/** What a coordinator fills in for a course's certificate. */
export const certificateTemplateInput = z.object({
  courseId: recordId,
  title: requiredText(160),
  body: requiredText(2000),
  signatories: z.array(signatory).max(4, 'too-large').default([]),
  logo: z
    .string()
    .max(Math.ceil((maxLogoBytes * 4) / 3) + 40, 'too-large')
    .refine((value) => value === '' || /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(value), 'invalid')
    .default(''),
  /** The certificate's language (BCP 47): decides the fixed wording and the text direction. */
  language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'invalid').default('en'),
  /** Years until recertification is due; 0 means the certificate does not expire. */
  validityYears: z.coerce.number().int('not-whole-number').min(0, 'too-small').max(50, 'too-large').default(0),
  pageSize: z.enum(pageSizes).default('A4'),
});
/** A certificate template as stored: one per course (its id is the course's). */
export const certificateTemplateSchema = certificateTemplateInput.extend({
  id: recordId,
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A course's certificate template. */
export type CertificateTemplate = z.infer<typeof certificateTemplateSchema>;

/** A certificate as stored: the signed credential verbatim, plus what the app looks things up by. */
export const certificateSchema = z.object({
  id: recordId,
  serial: z.string().min(1).max(40),
  enrolmentId: recordId,
  personId: recordId,
  sessionId: recordId,
  courseId: recordId,
  issuerId: recordId,
  /** This certificate's number on its issuing key; also its index in that key's status list. */
  sequence: z.number().int().nonnegative(),
  credential: jsonObject,
  issuedAt: z.string(),
  issuedBy: z.string(),
  revokedAt: z.string().default(''),
  revocationReason: z.string().default(''),
});
/** A certificate. */
export type Certificate = z.infer<typeof certificateSchema>;

/** Reasons offered when revoking (a free text may follow). */
export const revocationReasons = ['issued-in-error', 'name-corrected', 'completion-withdrawn', 'misconduct', 'other'] as const;

/** The default body of a new template: plain words with placeholders. */
export const defaultTemplateBody =
  '{name} has successfully completed {course} ({code}), {hours} hours of training held {dates} in {place}.';

/** Years after the issue date, as an ISO date-time (29 February → 28 February when needed). */
export function addYears(isoDateTime: string, years: number): string {
  const date = new Date(isoDateTime);
  const month = date.getUTCMonth();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  if (date.getUTCMonth() !== month) date.setUTCDate(0);
  return date.toISOString();
}
