import { z } from 'zod';
import { parseDidKey } from './didKey';
import type { CredentialOutcome } from './errors';
import { problem } from './errors';

/**
 * A verification kit: what an organisation gives a verifier who has no copy of Apogee's data —
 * its root public keys, its signed revocation lists and the reasons of its revocations. The app
 * exports it; `npm run verify -- --trust kit.json` and the hub's /verify page read it. Only the
 * root keys need to be trusted: status lists are signed and checked like credentials, and a
 * revocation entry can only make a certificate look revoked, never valid.
 */

const revocation = z.object({
  /** When the certificate was revoked (a date or date and time). */
  date: z.string().min(1).max(40),
  reason: z.string().max(500),
});

/** The kit's schema. */
export const verificationKitSchema = z.object({
  /** The organisation's name, as its certificates print it. */
  organisation: z.string().trim().min(1).max(200),
  /** The organisation's root keys (did:key:z6Mk…); a certificate's signing key must be endorsed by one. */
  rootKeys: z
    .array(z.string().refine((did) => parseDidKey(did).ok && !did.includes('#'), 'must be an Ed25519 did:key'))
    .min(1),
  /** Signed BitstringStatusListCredentials, checked when used. */
  statusLists: z.array(z.record(z.string(), z.unknown())).default([]),
  /** Certificate id (UUID, or its urn:uuid: form) → when and why it was revoked. */
  revocations: z.record(z.string(), revocation).default({}),
});

/** A verification kit, as read. */
export type VerificationKit = z.infer<typeof verificationKitSchema>;

/** Reads a kit from parsed JSON; the problem names the first wrong field. */
export function parseVerificationKit(value: unknown): CredentialOutcome<VerificationKit> {
  const parsed = verificationKitSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error: problem('invalid-input', {
      field: issue && issue.path.length > 0 ? `kit.${issue.path.join('.')}` : 'kit',
      expected: issue?.message ?? 'is not valid',
    }),
  };
}
