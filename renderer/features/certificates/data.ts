import type { Certificate, Issuer } from '../../../shared/domain/certificates';
import { db, useLiveQuery } from '../../db';
import { thisDevicesIssuer } from './signing';

/** The organisation's signing keys, and the one this device signs with (if it holds one). */
export function useSigning(): { issuers: Issuer[]; root: Issuer | undefined; device: Issuer | undefined } | undefined {
  return useLiveQuery(async () => {
    const [issuers, device] = await Promise.all([db.issuers.toArray(), thisDevicesIssuer()]);
    const root = issuers.find((i) => i.kind === 'root' && (!device || i.id === device.rootId));
    return { issuers, root, device };
  }, []);
}

/** One certificate with the names a list shows. */
export type CertificateRow = Certificate & { name: string; courseCode: string; courseTitle: string };

/** The subject name and course a credential states (what was signed, not what the registry says now). */
export function credentialFacts(credential: Record<string, unknown>): { name: string; courseCode: string; courseTitle: string } {
  const subject = credential.credentialSubject as
    | { identifier?: { identityHash?: string }[]; achievement?: { humanCode?: string; name?: string } }
    | undefined;
  return {
    name: subject?.identifier?.[0]?.identityHash ?? '',
    courseCode: subject?.achievement?.humanCode ?? '',
    courseTitle: subject?.achievement?.name ?? '',
  };
}

function withFacts(certificate: Certificate): CertificateRow {
  return { ...certificate, ...credentialFacts(certificate.credential) };
}

/** Certificates, newest first: all of them, or one trainee's (none when no trainee is chosen). */
export function useCertificates(whose: 'all' | { personId: string }): CertificateRow[] | undefined {
  const personId = whose === 'all' ? null : whose.personId;
  return useLiveQuery(async () => {
    if (personId === '') return [];
    const rows = personId === null ? await db.certificates.toArray() : await db.certificates.where('personId').equals(personId).toArray();
    return rows.map(withFacts).sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.serial.localeCompare(a.serial));
  }, [personId]);
}

/** One certificate (null when this device has none with this id). */
export function useCertificate(id: string | undefined): CertificateRow | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const certificate = await db.certificates.get(id);
    return certificate ? withFacts(certificate) : null;
  }, [id]);
}
