import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { EndorsementCredential } from './endorsement';
import { endorseDevice } from './endorsement';
import type { CertificateCredential, CertificateInput } from './openBadge';
import { issueCertificate } from './openBadge';
import { keyCodeFor, serialFor } from './serial';
import type { KeyPair } from './signer';
import { keyPairFromSecretKey, nobleSigner } from './signer';
import { statusListEntry, statusListUrl } from './statusList';

/**
 * Test factories for credentials (tests here and in test/unit): fixed keys, so failures
 * reproduce, and a certificate as Apogee issues it. Not exported from the package index.
 */

/** A key pair derived from a label (never use outside tests). */
export function testKeyPair(label: string): KeyPair {
  return keyPairFromSecretKey(sha256(utf8ToBytes(`apogee test key: ${label}`)));
}

/** The organisation's root key. */
export const rootKey = testKeyPair('root');
/** A coordinator device's issuing key, endorsed by the root. */
export const deviceKey = testKeyPair('device');
/** Another organisation's root key. */
export const foreignRootKey = testKeyPair('foreign root');

/** Where the test organisation publishes its lists. */
export const testBase = 'https://verify.idsea.example';
/** The device's status list URL. */
export const deviceListUrl = statusListUrl(testBase, keyCodeFor(deviceKey.did));

const endorsements = new Map<string, Promise<EndorsementCredential>>();

/** The endorsement of `device` by `root` (memoised: signing is the slow part of tests). */
export function endorsementOf(device: KeyPair = deviceKey, root: KeyPair = rootKey): Promise<EndorsementCredential> {
  const key = `${device.did} ${root.did}`;
  let endorsement = endorsements.get(key);
  if (!endorsement) {
    endorsement = endorseDevice({
      id: '0f8e4a52-6b1d-4c1e-9a37-2d5b8c3e7f10',
      organisationName: 'Institute for Data in Space Education and Applications',
      deviceDid: device.did,
      validFrom: '2026-01-05T08:00:00Z',
      rootSigner: nobleSigner(root.secretKey),
    });
    endorsements.set(key, endorsement);
  }
  return endorsement;
}

/** The inputs of a realistic certificate; `sequence` picks the serial and status bit. */
export async function certificateInputs(
  overrides: Partial<CertificateInput> = {},
  { device = deviceKey, root = rootKey, sequence = 42 }: { device?: KeyPair; root?: KeyPair; sequence?: number } = {},
): Promise<CertificateInput> {
  return {
    organisationName: 'Institute for Data in Space Education and Applications',
    organisationUrl: 'https://idsea.example',
    issuerDid: device.did,
    endorsement: await endorsementOf(device, root),
    certificateId: `6d1f0c3a-2b4e-4f7a-9c1d-${String(sequence).padStart(12, '0')}`,
    serial: serialFor('IDSEA', keyCodeFor(device.did), sequence),
    title: 'Certificate of completion',
    course: {
      id: 'course-cubesat-101',
      code: 'CSD-101',
      title: 'CubeSat Design and Operations',
      description: 'Systems engineering of a 3U CubeSat: power, attitude control, communications and mission operations.',
      hours: 40,
      criteria: 'Attend at least 80% of class days and pass the final design review.',
    },
    traineeName: 'Zoë Ngozi Adébáyọ̀',
    completion: 'Attended 19 of 20 class days; passed the final design review.',
    validFrom: '2026-03-20T10:00:00Z',
    status: statusListEntry(statusListUrl(testBase, keyCodeFor(device.did)), sequence),
    ...overrides,
  };
}

/** A certificate as Apogee issues it (rdfc + jcs proofs by the device key). */
export async function issuedCertificate(
  overrides: Partial<CertificateInput> = {},
  keys: { device?: KeyPair; root?: KeyPair; sequence?: number } = {},
): Promise<CertificateCredential> {
  const input = await certificateInputs(overrides, keys);
  return issueCertificate(input, nobleSigner((keys.device ?? deviceKey).secretKey));
}
