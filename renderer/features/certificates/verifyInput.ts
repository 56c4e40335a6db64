import type { CredentialProblem } from '../../../shared/credentials/errors';
import { extractCredential } from '../../../shared/credentials/pdfAttachment';
import { decodeQrPayload, qrPayloadPrefix } from '../../../shared/credentials/qr';
import { parseSerial } from '../../../shared/credentials/serial';
import { verifyCertificate, type Revocation, type VerificationResult } from '../../../shared/credentials/verify';
import { db } from '../../db';

/**
 * Verification in the app, offline: whatever the person has — a .json or .pdf file, the text of
 * a QR code, a verification link or a typed serial — becomes a credential, checked against the
 * organisation's root keys and the revocations this device knows.
 */

/** A verification answer, with where its revocation knowledge comes from. */
export type AppVerification = VerificationResult & {
  /** Where the credential came from, for the answer's heading. */
  source: 'file' | 'pdf' | 'qr' | 'json' | 'serial';
  /** The latest revocation this device knows of (its records are "as of" this), or '' when none. */
  revocationsAsOf: string;
  /** The certificate stored on this device, when the credential is one of ours. */
  certificateId?: string;
  /** What the app itself could not make sense of (before any credential was read). */
  notice?: { code: 'serial-not-found' | 'unrecognised-text' | 'empty' | 'file-too-large'; serial?: string };
};

function malformed(error: CredentialProblem, source: AppVerification['source']): AppVerification {
  return { status: 'malformed', problems: [error], source, revocationsAsOf: '' };
}

/** What this device knows to check against: the organisation's root keys and its revocations. */
async function checkAgainst() {
  const [issuers, revoked] = await Promise.all([db.issuers.toArray(), db.certificates.filter((c) => c.revokedAt !== '').toArray()]);
  const revocations: Record<string, Revocation> = {};
  let asOf = '';
  for (const c of revoked) {
    revocations[`urn:uuid:${c.id}`] = { date: c.revokedAt, reason: c.revocationReason };
    if (c.revokedAt > asOf) asOf = c.revokedAt;
  }
  return { trust: issuers.filter((i) => i.kind === 'root').map((i) => i.did), revocations, asOf };
}

/** Verifies a credential (object or JSON text) against what this device knows. */
export async function verifyCredential(credential: unknown, source: AppVerification['source']): Promise<AppVerification> {
  const { trust, revocations, asOf } = await checkAgainst();
  const checked = await verifyCertificate(credential, { trust, revocations, now: new Date() });
  // This device's own revocation records stand in for the published list (see revocationsAsOf).
  const result = { ...checked, problems: checked.problems.filter((p) => p.code !== 'status-list-missing') };
  const id = result.summary?.id.replace(/^urn:uuid:/, '');
  const stored = id ? await db.certificates.get(id) : undefined;
  return { ...result, source, revocationsAsOf: asOf, ...(stored ? { certificateId: stored.id } : {}) };
}

/** The serial in a typed serial or a verification link (`…/verify?serial=IDSEA-K7Q2-000042`). */
export function serialIn(text: string): string | undefined {
  const fromLink = /[?&#]serial=([^&#\s]+)/.exec(text)?.[1];
  const candidate = fromLink ? decodeURIComponent(fromLink) : text;
  return parseSerial(candidate) ? candidate.trim().toUpperCase() : undefined;
}

/** Verifies pasted or typed text: QR text (VC1:…), credential JSON, a verification link or a serial. */
export async function verifyText(text: string): Promise<AppVerification> {
  const trimmed = text.trim();
  if (trimmed === '') return { status: 'malformed', problems: [], source: 'json', revocationsAsOf: '', notice: { code: 'empty' } };
  if (trimmed.toUpperCase().startsWith(qrPayloadPrefix)) {
    const decoded = decodeQrPayload(trimmed);
    return decoded.ok ? verifyCredential(decoded.value, 'qr') : malformed(decoded.error, 'qr');
  }
  if (trimmed.startsWith('{')) return verifyCredential(trimmed, 'json');
  const serial = serialIn(trimmed);
  if (serial) {
    const stored = await db.certificates.where('serial').equals(serial).first();
    // Issued on a device that has not synced yet, or not by this organisation: no answer is honest.
    if (!stored) return { status: 'unknown-issuer', problems: [], source: 'serial', revocationsAsOf: '', notice: { code: 'serial-not-found', serial } };
    return verifyCredential(stored.credential, 'serial');
  }
  return { status: 'malformed', problems: [], source: 'json', revocationsAsOf: '', notice: { code: 'unrecognised-text' } };
}

/** Largest file accepted for verification: certificates are small, PDFs a few megabytes. */
export const maxVerifyFileBytes = 20 * 1024 * 1024;

/** Verifies a dropped or opened file: a certificate PDF (credential attached) or the credential JSON. */
export async function verifyFile(file: Blob): Promise<AppVerification> {
  if (file.size > maxVerifyFileBytes) return { status: 'malformed', problems: [], source: 'file', revocationsAsOf: '', notice: { code: 'file-too-large' } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
  if (isPdf) {
    const extracted = await extractCredential(bytes);
    return extracted.ok ? verifyCredential(extracted.value.credential, 'pdf') : malformed(extracted.error, 'pdf');
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const result = await verifyText(text);
  return { ...result, source: result.source === 'json' ? 'file' : result.source };
}
