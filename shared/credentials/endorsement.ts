import { certificateContexts } from './contexts';
import type { Secured } from './dataIntegrity';
import { addProof, dateTimeStampPattern } from './dataIntegrity';
import { didOf, parseDidKey } from './didKey';
import { CredentialError } from './errors';
import type { Signer } from './signer';

/**
 * The organisation's root key vouches for a device's issuing key with an Open Badges 3.0
 * `EndorsementCredential` whose subject is the device's did:key. Every certificate carries the
 * endorsement of the key that signed it (in `issuer.endorsement`), so a verifier who knows only
 * the organisation's root key can check a certificate issued by any device, offline. The hub can
 * take over the root later: it endorses devices the same way at sync.
 */

/** An unsigned endorsement of a device key. */
export type UnsignedEndorsementCredential = {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'EndorsementCredential'];
  name: string;
  issuer: { id: string; type: ['Profile']; name: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string; type: ['EndorsementSubject']; endorsementComment: string };
};

/** An endorsement signed by the root key (eddsa-rdfc-2022). */
export type EndorsementCredential = Secured<UnsignedEndorsementCredential>;

/** What the root says about a device key. */
export type EndorsementInput = {
  /** A UUID for the endorsement (its id becomes urn:uuid:<id>). */
  id: string;
  organisationName: string;
  /** The endorsed device key: did:key:z6Mk… */
  deviceDid: string;
  /** From when the device may issue (a date and time with a zone). */
  validFrom: string;
  /** Until when, if the endorsement is limited; certificates issued before it stay valid. */
  validUntil?: string;
};

/** The comment an endorsement carries: "Authorised to issue certificates for <org> from <date>". */
export function endorsementComment(organisationName: string, validFrom: string): string {
  return `Authorised to issue certificates for ${organisationName} from ${validFrom.slice(0, 10)}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The unsigned endorsement of `deviceDid` by `rootDid`. */
export function buildEndorsementCredential(input: EndorsementInput & { rootDid: string }): UnsignedEndorsementCredential {
  const invalid = (field: string, expected: string) => new CredentialError('invalid-input', { field, expected });
  if (!uuidPattern.test(input.id)) throw invalid('id', 'must be a UUID');
  if (!parseDidKey(input.rootDid).ok || input.rootDid.includes('#')) throw invalid('rootDid', 'must be an Ed25519 did:key');
  if (!parseDidKey(input.deviceDid).ok || input.deviceDid.includes('#')) throw invalid('deviceDid', 'must be an Ed25519 did:key');
  if (input.organisationName.trim() === '') throw invalid('organisationName', 'must not be empty');
  if (!dateTimeStampPattern.test(input.validFrom)) throw invalid('validFrom', 'must be a date and time with a zone');
  if (input.validUntil !== undefined && !dateTimeStampPattern.test(input.validUntil)) {
    throw invalid('validUntil', 'must be a date and time with a zone');
  }
  const organisationName = input.organisationName.normalize('NFC');
  return {
    '@context': [...certificateContexts],
    id: `urn:uuid:${input.id.toLowerCase()}`,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `${organisationName}: authorised issuing key`,
    issuer: { id: input.rootDid, type: ['Profile'], name: organisationName },
    validFrom: input.validFrom,
    ...(input.validUntil === undefined ? {} : { validUntil: input.validUntil }),
    credentialSubject: {
      id: input.deviceDid,
      type: ['EndorsementSubject'],
      endorsementComment: endorsementComment(organisationName, input.validFrom),
    },
  };
}

/**
 * The root key endorses a device key: builds the endorsement and signs it with eddsa-rdfc-2022
 * (the cryptosuite Open Badges 3.0 requires). `created` defaults to `validFrom`.
 */
export async function endorseDevice(
  input: EndorsementInput & { rootSigner: Signer; created?: string },
): Promise<EndorsementCredential> {
  const { rootSigner, created, ...rest } = input;
  const unsigned = buildEndorsementCredential({ ...rest, rootDid: didOf(rootSigner.verificationMethod) });
  return addProof(unsigned, { cryptosuite: 'eddsa-rdfc-2022', signer: rootSigner, created: created ?? input.validFrom });
}
