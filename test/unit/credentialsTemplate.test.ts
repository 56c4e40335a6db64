import fc from 'fast-check';
import jsonld from 'jsonld';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { certificateContexts, documentLoader } from '../../shared/credentials/contexts';
import { canonicalRdf, clearCanonicalCache } from '../../shared/credentials/dataIntegrity';
import type { EndorsementCredential } from '../../shared/credentials/endorsement';
import { buildEndorsementCredential } from '../../shared/credentials/endorsement';
import type { JsonObject, JsonValue } from '../../shared/credentials/json';
import { cloneJson } from '../../shared/credentials/json';
import { buildCertificateCredential } from '../../shared/credentials/openBadge';
import { clearRdfTemplates, expandsToItself, templateStats } from '../../shared/credentials/rdfTemplate';
import { buildStatusListCredential, statusListEntry, statusListUrl } from '../../shared/credentials/statusList';
import { deviceKey, rootKey } from '../../shared/credentials/testing';

/**
 * Proof that the template fast path (shared/credentials/rdfTemplate.ts) gives exactly what
 * jsonld.canonize gives: random certificates, endorsements, status lists and proof configurations (texts in many scripts
 * and with the characters that could be read as IRIs, terms or keywords), canonicalised both ways,
 * must be byte-identical; documents with random texts in IRI positions must either match or fail
 * exactly when jsonld fails. `FC_RUNS=1000 npx vitest run test/unit/credentialsTemplate` for a
 * longer run.
 */

const runs = Number(process.env.FC_RUNS ?? 40);
const timeout = Math.max(120_000, runs * 3_000);

beforeEach(() => {
  vi.stubGlobal('fetch', () => {
    throw new Error('network access during credential processing');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** What jsonld alone says: the reference the fast path must equal. */
function plainCanonize(document: object): Promise<string> {
  return jsonld.canonize(document, { algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true, base: null, documentLoader });
}

type Outcome = { ok: true; nquads: string } | { ok: false };

async function outcome(run: () => Promise<string>): Promise<Outcome> {
  try {
    return { ok: true, nquads: await run() };
  } catch {
    return { ok: false };
  }
}

/** Canonicalises through canonicalRdf (fast path when it applies), never from the result cache. */
async function fastCanonize(document: object): Promise<string> {
  clearCanonicalCache();
  return canonicalRdf(document);
}

/** Asserts fast == plain and that the template answered (not the fallback). */
async function expectTemplatedEqual(document: object): Promise<void> {
  const before = templateStats.templated;
  const fast = await fastCanonize(document);
  expect(templateStats.templated).toBe(before + 1);
  expect(fast).toBe(await plainCanonize(document));
}

// Texts: every script the app supports, and the characters that matter to JSON-LD and N-Quads.
const fragments = [
  ':', '#', '/', '//', '@', ' ', '\t', '\n', '\r', '"', "'", '\\', '<', '>', '{', '}', '_:', '_:b0', '?', '&', '%20',
  '😀', '👩🏽‍🚀', 'é', 'e\u0301', 'ọ̀', '\u200f', '\u200d', '\u0000', '\u2028', '\ufeff',
  '张伟', '王芳', 'محمد', 'اردو', 'ไทย', 'Жанна', 'ሰላም', 'Ngozi', 'Adébáyọ̀', 'Ωμέγα', 'नमस्ते',
  'https://', 'http://x', 'did:key:z6Mk', 'urn:uuid:', 'xsd:', 'schema:', 'obi:', 'cred:', 'sec:', 'ex:', 'mailto:a@b',
  '@id', '@type', '@value', '@context', '@vocab', 'id', 'type', 'name', 'Profile', 'Achievement', 'assertionMethod',
  'VerifiableCredential', 'xApogeeSlot0:Z', 'xapogeeslot', '1', '0', '-0', 'true', 'null', '1e21', 'NaN',
];
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...fragments) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const text = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
/** A text that survives NFC + trim (the certificate builder refuses empty texts). */
const filled = text.filter((value) => value.normalize('NFC').trim() !== '');

const seconds = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 });
const dateTime = fc
  .tuple(seconds, fc.constantFrom('Z', '+00:00', '+05:30', '-08:00', '+14:00'), fc.boolean())
  .map(([s, zone, fraction]) => {
    const iso = new Date(s * 1000).toISOString().slice(0, 19);
    return `${iso}${fraction ? '.123' : ''}${zone}`;
  });
const webUrl = fc
  .tuple(fc.constantFrom('https://', 'http://'), fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.constantFrom('.example', '.org', '.edu.ng'), fc.webPath())
  .map(([scheme, host, tld, path]) => `${scheme}${host}${tld}${path}`);
const hours = fc.option(fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })), {
  nil: undefined,
});

const fakeProof = fc.record({
  created: dateTime,
  proofValue: fc.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{40,90}$/),
});

const endorsementArbitrary = fc
  .record({
    id: fc.uuid(),
    organisationName: filled,
    validFrom: dateTime,
    validUntil: fc.option(dateTime, { nil: undefined }),
    proof: fakeProof,
  })
  .map(({ proof, ...input }): EndorsementCredential => {
    const unsigned = buildEndorsementCredential({ ...input, deviceDid: deviceKey.did, rootDid: rootKey.did });
    return {
      ...unsigned,
      proof: {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        created: proof.created,
        verificationMethod: rootKey.verificationMethod,
        proofPurpose: 'assertionMethod',
        proofValue: proof.proofValue,
      },
    };
  });

const certificateArbitrary = fc
  .record({
    organisationName: filled,
    organisationUrl: fc.option(webUrl, { nil: undefined }),
    endorsement: endorsementArbitrary,
    certificateId: fc.uuid(),
    serial: filled,
    title: fc.option(filled, { nil: undefined }),
    course: fc.record({ id: text, code: filled, title: filled, description: filled, hours, criteria: filled }),
    traineeName: filled,
    completion: filled,
    validFrom: dateTime,
    validUntil: fc.option(dateTime, { nil: undefined }),
    listBase: webUrl,
    sequence: fc.integer({ min: 0, max: 131_071 }),
  })
  .map(({ listBase, sequence, course, ...input }) =>
    buildCertificateCredential({
      ...input,
      course: course.hours === undefined ? (({ hours: _hours, ...rest }) => rest)(course) : course,
      issuerDid: deviceKey.did,
      status: statusListEntry(statusListUrl(listBase, 'K1'), sequence),
    }),
  );

const statusListArbitrary = fc
  .record({
    base: webUrl,
    keyId: filled,
    validFrom: dateTime,
    validUntil: fc.option(dateTime, { nil: undefined }),
    revoked: fc.uniqueArray(fc.integer({ min: 0, max: 131_071 }), { maxLength: 20 }),
  })
  .map(({ base, keyId, ...rest }) => buildStatusListCredential({ ...rest, url: statusListUrl(base, keyId), issuer: deviceKey.did }));

const proofConfigArbitrary = fc
  .record({
    cryptosuite: fc.constantFrom('eddsa-rdfc-2022', 'eddsa-jcs-2022'),
    created: fc.option(dateTime, { nil: undefined }),
    verificationMethod: fc.constantFrom(deviceKey.verificationMethod, rootKey.verificationMethod),
    proofPurpose: fc.constantFrom('assertionMethod', 'authentication'),
    contexts: fc.constantFrom<JsonValue>([...certificateContexts], [certificateContexts[0]]),
  })
  .map(({ contexts, created, ...rest }): JsonObject => ({
    type: 'DataIntegrityProof',
    ...rest,
    ...(created === undefined ? {} : { created }),
    '@context': contexts,
  }));

describe('RDF canonicalisation through shape templates', () => {
  it(
    'certificates: byte-identical to jsonld.canonize, through the template',
    async () => {
      await fc.assert(fc.asyncProperty(certificateArbitrary, (document) => expectTemplatedEqual(document)), { numRuns: runs });
    },
    timeout,
  );

  it(
    'endorsements (unsigned, and as embedded with their proof): byte-identical, through the template',
    async () => {
      await fc.assert(
        fc.asyncProperty(endorsementArbitrary, async (endorsement) => {
          const { proof: _proof, ...unsigned } = endorsement;
          await expectTemplatedEqual(unsigned);
          await expectTemplatedEqual(endorsement);
        }),
        { numRuns: runs },
      );
    },
    timeout,
  );

  it(
    'status lists and proof configurations: byte-identical, through the template',
    async () => {
      await fc.assert(
        fc.asyncProperty(statusListArbitrary, proofConfigArbitrary, async (list, config) => {
          await expectTemplatedEqual(list);
          await expectTemplatedEqual(config);
        }),
        { numRuns: runs },
      );
    },
    timeout,
  );

  it(
    'any text in any position (IRIs, types, contexts, numbers): the same answer, or the same failure',
    async () => {
      // A certificate with one value replaced: texts that look like IRIs, blank nodes, terms,
      // keywords or compact IRIs, in IRI positions (ids, issuer, status URLs) half of the time.
      // Half of the documents also carry an inline context defining a prefix (`ex:`) and a term.
      const iriLike = fc.oneof(
        text.map((t) => `ex:${t}`),
        text.map((t) => `https://a.example/${t}`),
        text.map((t) => `urn:${t}`),
        text.map((t) => `_:${t}`),
      );
      const hostile = fc.oneof(
        text,
        iriLike,
        iriLike,
        fc.constantFrom<JsonValue>('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', '_:b0', 'urn:uuid:1', 'ex:thing', 'ex://thing', 'sec:proof'),
        fc.constantFrom<JsonValue>('https://a.example/x y', 'http://a.example/#frag', 'mailto:x@y', 'Profile', 'Achievement', '@id', '@vocab', 'exTerm'),
        fc.constantFrom<JsonValue>(0, -0, 1.5, 1e21, true, false, null, [], {}, ['a', 'b']),
      );
      const iriKeys = new Set(['id', 'statusListCredential', 'verificationMethod', 'issuer']);
      await fc.assert(
        fc.asyncProperty(
          certificateArbitrary,
          fc.nat(),
          fc.boolean(),
          fc.boolean(),
          hostile,
          async (document, pick, iriOnly, inlineContext, value) => {
            const mutated = cloneJson(document) as unknown as JsonObject;
            if (inlineContext) {
              mutated['@context'] = [...certificateContexts, { ex: 'https://example.org/ns#', exTerm: 'https://example.org/ns#term' }];
            }
            const all = leafPaths(mutated).filter((path) => path[0] !== '@context');
            const iri = all.filter((path) => iriKeys.has(String(path[path.length - 1])));
            const paths = iriOnly && iri.length > 0 ? iri : all;
            setAt(mutated, paths[pick % paths.length] ?? [], value);
            const fast = await outcome(() => fastCanonize(mutated));
            const plain = await outcome(() => plainCanonize(mutated));
            expect(fast).toEqual(plain);
          },
        ),
        { numRuns: runs * 2 },
      );
    },
    timeout,
  );

  it('equal texts in different places, and IRIs equal to other nodes, still match (merging happens after)', async () => {
    const document = cloneJson(fc.sample(certificateArbitrary, { numRuns: 1, seed: 7 })[0]) as unknown as JsonObject;
    const subject = document.credentialSubject as JsonObject;
    const achievement = subject.achievement as JsonObject;
    // Same text everywhere, and the achievement's id equal to the credential's.
    achievement.name = 'Same';
    achievement.description = 'Same';
    subject.licenseNumber = 'Same';
    achievement.id = document.id as string;
    await expectTemplatedEqual(document);
  });

  it('keyword aliases (language, index, JSON literals) in inline contexts: same answer either way', async () => {
    const base = cloneJson(fc.sample(certificateArbitrary, { numRuns: 1, seed: 3 })[0]) as unknown as JsonObject;
    base['@context'] = [...certificateContexts, { lang: '@language', idx: '@index', data: { '@id': 'https://example.org/ns#data', '@type': '@json' } }];
    for (const value of [
      { '@value': 'Ngozi', lang: 'EN-gb' },
      { '@value': 'Ngozi', idx: 'first' },
      { '@value': 'Ngozi', '@language': 'ar', '@direction': 'rtl' },
    ]) {
      const document = { ...base, name: value };
      expect(await outcome(() => fastCanonize(document))).toEqual(await outcome(() => plainCanonize(document)));
    }
    // Texts inside a JSON literal are not slots the template follows: the slow path answers.
    const json = { ...base, data: { text: 'a "quoted" \\ text', list: ['x', 1, null], '@value': 'y' } };
    const fallbacks = templateStats.fallback;
    expect(await fastCanonize(json)).toBe(await plainCanonize(json));
    expect(templateStats.fallback).toBe(fallbacks + 1);
  });

  it('a text that is a term is part of the shape, not a slot; texts that are no plain IRIs fall back', () => {
    const terms = new Set(['name', 'ex']);
    expect(expandsToItself('https://a.example/x', terms)).toBe(true);
    expect(expandsToItself('urn:uuid:1', terms)).toBe(true);
    expect(expandsToItself('ex://a', terms)).toBe(true);
    expect(expandsToItself('ex:thing', terms)).toBe(false);
    expect(expandsToItself('name', terms)).toBe(false);
    expect(expandsToItself('_:b0', terms)).toBe(false);
    expect(expandsToItself('https://a.example/x y', terms)).toBe(false);
    expect(expandsToItself('@id', terms)).toBe(false);
    expect(expandsToItself('relative/path', terms)).toBe(false);
  });

  it('builds one template per shape and reuses it', async () => {
    clearRdfTemplates();
    const [first, second] = fc.sample(certificateArbitrary, { numRuns: 2, seed: 11 });
    if (!first || !second) throw new Error('no sample');
    const one = cloneJson(first) as unknown as JsonObject;
    // Same shape as `one`, different texts.
    const two = cloneJson(one);
    two.name = `${one.name as string} (second)`;
    const built = templateStats.built;
    await expectTemplatedEqual(one);
    await expectTemplatedEqual(two);
    expect(templateStats.built).toBe(built + 1);
  });
});

/** Paths to every leaf of a JSON document, @context values included. */
function leafPaths(value: JsonValue, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leafPaths(item, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, [...path, key]));
  return [path];
}

function setAt(document: JsonObject, path: readonly (string | number)[], value: JsonValue): void {
  let node: JsonValue = document;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, JsonValue>)[step] as JsonValue;
  const last = path[path.length - 1];
  if (last !== undefined) (node as Record<string | number, JsonValue>)[last] = cloneJson(value);
}
