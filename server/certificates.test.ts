import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { attachCredential } from '../shared/credentials/pdfAttachment';
import { encodeQrPayload } from '../shared/credentials/qr';
import { keyCodeFor, serialFor } from '../shared/credentials/serial';
import { verifyProofs } from '../shared/credentials/dataIntegrity';
import { parseVerificationKit } from '../shared/credentials/kit';
import { issueCertificate } from '../shared/credentials/openBadge';
import { nobleSigner } from '../shared/credentials/signer';
import { certificateInputs, deviceKey, endorsementOf, issuedCertificate, rootKey, testBase, testKeyPair } from '../shared/credentials/testing';
import { issuerSchema } from '../shared/domain/certificates';
import { findMutation, type MutationCall } from '../shared/mutations';
import { courseArgs, enrolmentArgs, personArgs, programmeArgs, sessionArgs } from '../shared/testing/factories';
import { createAccount } from './accounts';
import { buildHub } from './app';
import { endorsePendingIssuers, hubRoot, hubRootSigner, type HubKeys, type HubRevocations } from './certificates';
import { openDatabase } from './db/open';
import type { Database } from './db/schema';
import { ensureOrganisation } from './organisation';
import { parseMultipart, type VerifyAnswer } from './verifyPage';

const duringEnrolment = '2026-02-01T10:00:00.000Z';
const afterSession = '2026-03-25T10:00:00.000Z';
const classDays = ['09', '10', '11', '12', '13', '16', '17', '18', '19', '20'].map((d) => `session-1@2026-03-${d}`);
const common = { name: 'Institute for Data in Space Education and Applications', organisationCode: 'IDSEA', verifyUrl: testBase };
const certificateId = '6d1f0c3a-2b4e-4f7a-9c1d-000000000042';

let db: Kysely<Database>;
/** A second, bare hub database (one only: starting PGlite is slow). */
let other: Kysely<Database>;
let app: FastifyInstance;
let auth: { authorization: string };
let seq = 0;

async function pushAll(calls: MutationCall[], at: string) {
  const mutations = calls.map((call) => ({ id: `m-${++seq}`, seq, name: call.name, version: findMutation(call.name)!.version, args: call.args, at, seen: 0 }));
  const response = await app.inject({ method: 'POST', url: '/sync/push', headers: auth, payload: { clientId: 'client-0001', schemaVersion: 5, mutations } });
  expect(response.statusCode).toBe(200);
  const results = response.json<{ results: { status: string; error?: unknown }[] }>().results;
  expect(results.filter((r) => r.status !== 'ok')).toEqual([]);
}

async function issuerRow(id: string) {
  const row = await db.selectFrom('records').select(['data', 'seq']).where('tbl', '=', 'issuers').where('id', '=', id).executeTakeFirst();
  return row?.data as Record<string, unknown> | undefined;
}

const keys = async () => (await app.inject({ method: 'GET', url: '/.well-known/apogee/keys.json' })).json<HubKeys>();
const verify = (payload: object) => app.inject({ method: 'POST', url: '/verify', payload, headers: { accept: 'application/json' } });
const answer = async (payload: object) => (await verify(payload)).json<VerifyAnswer>();
type Refusal = { error: string; message: string };

function multipart(fields: { name: string; filename?: string; type?: string; data: Buffer | string }[]) {
  const boundary = '----apogeeTestBoundary7MA4YWxk';
  const chunks: Buffer[] = [];
  for (const f of fields) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"${f.filename ? `; filename="${f.filename}"` : ''}\r\n${f.type ? `Content-Type: ${f.type}\r\n` : ''}\r\n`,
      ),
    );
    chunks.push(Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function blankPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  return pdf.save();
}

const hubSecret = 'correct horse battery staple';
const savedSecret = process.env.HUB_SECRET;

beforeAll(async () => {
  // The push code endorses with the secret from the environment, as in production.
  process.env.HUB_SECRET = hubSecret;
  db = await openDatabase({ memory: true });
  other = await openDatabase({ memory: true });
  await ensureOrganisation(db, { name: common.name, code: 'IDSEA' });
  await createAccount(db, { email: 'c@x.org', role: 'coordinator', password: 'secret-pass' });
  app = await buildHub({ db, verifyLimit: 6 });
  const login = await app.inject({ method: 'POST', url: '/api/login', payload: { email: 'c@x.org', password: 'secret-pass', clientId: 'client-0001' } });
  auth = { authorization: `Bearer ${login.json<{ token: string }>().token}` };

  // The world: a course, its session, a trainee who attended every day, and the device's keys.
  await pushAll(
    [
      { name: 'programme.create', args: programmeArgs() },
      { name: 'course.create', args: courseArgs({ id: 'course-cubesat-101' }) },
      { name: 'session.create', args: sessionArgs({ courseId: 'course-cubesat-101' }) },
      { name: 'person.create', args: personArgs({ id: 't-1', nativeName: 'Zoë Ngozi Adébáyọ̀', latinName: '', email: 't-1@example.org' }) },
      { name: 'enrolment.request', args: enrolmentArgs({ id: 'e-t-1', personId: 't-1', sessionId: 'session-1' }) },
      { name: 'issuer.register', args: { id: 'root', kind: 'root', did: rootKey.did, keyCode: keyCodeFor(rootKey.did), ...common } },
      {
        name: 'issuer.register',
        args: { id: 'dev', kind: 'device', did: deviceKey.did, keyCode: keyCodeFor(deviceKey.did), rootId: 'root', endorsement: await endorsementOf(), ...common },
      },
    ],
    duringEnrolment,
  );
  await pushAll(
    classDays.map((meetingId) => ({ name: 'attendance.mark', args: { meetingId, personId: 't-1', status: 'present' } })),
    afterSession,
  );
}, 60_000);
afterAll(async () => {
  if (savedSecret === undefined) delete process.env.HUB_SECRET;
  else process.env.HUB_SECRET = savedSecret;
  await app.close();
  await db.destroy();
  await other.destroy();
});

describe('hub root key', () => {
  it('is made once, kept encrypted with HUB_SECRET, and refuses a wrong secret', async () => {
    const root = await hubRoot(db, { secret: hubSecret });
    expect(root.did).toMatch(/^did:key:z6Mk/);
    const stored = (await db.selectFrom('hub_meta').select('value').where('key', '=', 'root-key').executeTakeFirstOrThrow()).value as { secret: { scheme: string; data: string } };
    expect(stored.secret.scheme).toBe('scrypt-aes-256-gcm');
    expect((await hubRootSigner(db, { secret: hubSecret })).root.did).toBe(root.did);
    await expect(hubRootSigner(db, { secret: 'wrong' })).rejects.toThrow(/HUB_SECRET/);
    await expect(hubRootSigner(db, { secret: undefined })).rejects.toThrow(/HUB_SECRET/);
  });

  it('is stored in plain words only without a secret, and encrypted once a secret is given', async () => {
    const root = await hubRoot(other, { secret: undefined });
    const read = async () => ((await other.selectFrom('hub_meta').select('value').where('key', '=', 'root-key').executeTakeFirstOrThrow()).value as { secret: { scheme: string } }).secret.scheme;
    expect(await read()).toBe('plain');
    expect((await hubRootSigner(other, { secret: 'now set' })).root.did).toBe(root.did);
    expect(await read()).toBe('scrypt-aes-256-gcm');
  });
});

describe('endorsement at sync and the trust list', () => {
  it('endorses a device key registered through a push, with the hub root, on the issuer row', async () => {
    const root = await hubRoot(db, { secret: hubSecret });
    const device = await issuerRow('dev');
    expect(device).toBeDefined();
    expect(issuerSchema.parse(device).hubEndorsement).toBeDefined();
    const endorsement = device!.hubEndorsement as Record<string, unknown>;
    expect(endorsement).toMatchObject({
      type: ['VerifiableCredential', 'EndorsementCredential'],
      issuer: { id: root.did, type: ['Profile'], name: common.name },
      credentialSubject: { id: deviceKey.did, type: ['EndorsementSubject'] },
    });
    const proofs = await verifyProofs(endorsement);
    expect(proofs.map((p) => p.ok)).toEqual([true]);
    // The device-made endorsement is kept as it was.
    expect(device!.endorsement).toEqual(JSON.parse(JSON.stringify(await endorsementOf())));
    // The hub root has its own issuer row (kind root), so devices trust it too.
    expect(await issuerRow(`hub-root-${root.keyCode}`)).toMatchObject({ kind: 'root', did: root.did, organisationCode: 'IDSEA' });
    // An old row without the field still parses.
    const { hubEndorsement: _, ...old } = device!;
    expect(issuerSchema.safeParse(old).success).toBe(true);
  });

  it('publishes the hub root and the device root as a verification kit the command line accepts', async () => {
    const root = await hubRoot(db, { secret: hubSecret });
    const response = await app.inject({ method: 'GET', url: '/.well-known/apogee/keys.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const kit = response.json<HubKeys>();
    expect(kit.rootKeys).toEqual([root.did, rootKey.did]);
    expect(kit.hubRoot.did).toBe(root.did);
    expect(kit.organisation).toBe(common.name);
    const dev = kit.issuers.find((i) => i.id === 'dev');
    expect(dev).toMatchObject({ kind: 'device', did: deviceKey.did, retiredAt: null, endorsedBy: [rootKey.did, root.did] });
    expect(dev?.endorsements).toHaveLength(2);
    expect(kit.issuers.find((i) => i.hub)).toMatchObject({ kind: 'root', did: root.did });
    expect(parseVerificationKit(kit).ok).toBe(true);
  });

  it('catches up device keys stored without a hub endorsement', async () => {
    // `other`'s root key is encrypted with 'now set' by the test above.
    const row = { id: 'old', kind: 'device', did: testKeyPair('old device').did, keyCode: 'ABCD', ...common, endorsement: {}, rootId: 'r', createdAt: '2026-01-01T00:00:00.000Z', retiredAt: '' };
    await other.insertInto('records').values({ tbl: 'issuers', id: 'old', seq: 1, data: JSON.stringify(row), session_id: null, person_id: null, client_id: 'x' }).execute();
    const report = await endorsePendingIssuers(other, { secret: 'now set' });
    expect(report).toEqual({ endorsed: ['old'], failed: [] });
    const stored = await other.selectFrom('records').select(['id', 'seq', 'data']).where('tbl', '=', 'issuers').orderBy('seq').execute();
    expect(stored.map((r) => r.id)).toEqual(['old', expect.stringMatching(/^hub-root-/)]);
    expect(stored[0]!.data).toHaveProperty('hubEndorsement');
    expect((await endorsePendingIssuers(other, { secret: 'now set' })).endorsed).toEqual([]);
  });
});

describe('POST /verify', () => {
  let credential: Record<string, unknown>;

  beforeAll(async () => {
    credential = await issuedCertificate({}, { sequence: 42 });
    await pushAll(
      [
        {
          name: 'certificate.issue',
          args: { id: certificateId, enrolmentId: 'e-t-1', issuerId: 'dev', sequence: 42, serial: serialFor('IDSEA', keyCodeFor(deviceKey.did), 42), credential },
        },
      ],
      afterSession,
    );
  });

  it('says valid for a certificate signed by the device key, with what it certifies', async () => {
    const response = await verify(credential);
    expect(response.statusCode).toBe(200);
    const valid = response.json<VerifyAnswer>();
    expect(valid).toMatchObject({
      verdict: 'valid',
      valid: true,
      certified: { name: 'Zoë Ngozi Adébáyọ̀', course: 'CubeSat Design and Operations', courseCode: 'CSD-101', serial: 'IDSEA-' + keyCodeFor(deviceKey.did) + '-000042' },
      certifiedConfirmed: true,
      signedBy: { issuerKey: deviceKey.did, rootKey: rootKey.did },
      checkedAgainst: { organisation: common.name },
    });
    expect(valid.statusListAsOf).toBeDefined();
    expect(valid.problems).toEqual([]);
  });

  it('trusts a certificate that carries only the hub root’s endorsement', async () => {
    const hubEndorsement = (await issuerRow('dev'))!.hubEndorsement;
    const input = await certificateInputs({ endorsement: hubEndorsement as never, certificateId: '6d1f0c3a-2b4e-4f7a-9c1d-000000000043' }, { sequence: 43 });
    const signed = await issueCertificate({ ...input, validFrom: '2026-11-01T10:00:00Z' }, nobleSigner(deviceKey.secretKey));
    const hubOnly = await answer(signed);
    expect(hubOnly.verdict).toBe('valid');
    expect(hubOnly.signedBy?.rootKey).toBe((await hubRoot(db, { secret: hubSecret })).did);
  });

  it('reads a pasted QR text and an uploaded PDF through the form, answering HTML under a strict CSP', async () => {
    const form = multipart([{ name: 'credential', data: encodeQrPayload(credential) }]);
    const page = await app.inject({ method: 'POST', url: '/verify', ...form });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.body).toContain('VALID');
    expect(page.body).toContain('Zoë Ngozi Adébáyọ̀');
    expect(page.body).not.toMatch(/<script/i);

    const attached = await attachCredential(await blankPdf(), credential);
    if (!attached.ok) throw new Error(attached.error.code);
    const pdf = attached.value;
    const upload = multipart([
      { name: 'credential', data: '' },
      { name: 'file', filename: 'certificate.pdf', type: 'application/pdf', data: Buffer.from(pdf) },
    ]);
    const answered = await app.inject({ method: 'POST', url: '/verify', ...upload, headers: { ...upload.headers, accept: 'application/json' } });
    expect(answered.json()).toMatchObject({ verdict: 'valid' });
  });

  it('says altered when the certificate was changed', async () => {
    const tampered = structuredClone(credential) as { credentialSubject: { identifier: { identityHash: string }[] } };
    tampered.credentialSubject.identifier[0]!.identityHash = 'Somebody Else';
    const altered = await answer(tampered);
    expect(altered.verdict).toBe('altered');
    expect(altered.certifiedConfirmed).toBe(false);
  });

  it('says not a certificate, with a clear message, for junk, a PDF without a credential, and a huge upload', async () => {
    const junk = await app.inject({ method: 'POST', url: '/verify', payload: 'hello, is this real?', headers: { 'content-type': 'text/plain', accept: 'application/json' } });
    expect(junk.statusCode).toBe(400);
    expect(junk.json<VerifyAnswer>().verdict).toBe('malformed');
    expect(junk.json<VerifyAnswer>().headline).toMatch(/NOT A CERTIFICATE/);

    const notCredential = await verify({ hello: 'world' });
    expect(notCredential.statusCode).toBe(400);
    expect(notCredential.json<VerifyAnswer>().verdict).toBe('malformed');

    const badJson = await app.inject({ method: 'POST', url: '/verify', payload: '{"@context": [', headers: { 'content-type': 'application/json', accept: 'application/json' } });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json<Refusal>().message).toMatch(/JSON/);

    const empty = await app.inject({ method: 'POST', url: '/verify', ...multipart([{ name: 'credential', data: '   ' }]) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Nothing to check');

    const bare = multipart([{ name: 'file', filename: 'scan.pdf', type: 'application/pdf', data: Buffer.from(await blankPdf()) }]);
    const noCredential = await app.inject({ method: 'POST', url: '/verify', ...bare });
    expect(noCredential.statusCode).toBe(400);
    expect(noCredential.headers['content-type']).toMatch(/text\/html/);
    expect(noCredential.body).toMatch(/This could not be checked/);

    const binary = multipart([{ name: 'file', filename: 'photo.jpg', type: 'image/jpeg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a]) }]);
    const photo = await app.inject({ method: 'POST', url: '/verify', ...binary, headers: { ...binary.headers, accept: 'application/json' } });
    expect(photo.statusCode).toBe(400);
    expect(photo.json()).toMatchObject({ error: 'not-a-certificate' });

    const huge = multipart([{ name: 'file', filename: 'huge.pdf', type: 'application/pdf', data: Buffer.alloc(9 * 1024 * 1024, 0x20) }]);
    const tooLarge = await app.inject({ method: 'POST', url: '/verify', ...huge });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.body).toMatch(/larger than 8 MB/);

    const unsupported = await app.inject({ method: 'POST', url: '/verify', payload: 'x', headers: { 'content-type': 'image/png', accept: 'application/json' } });
    expect(unsupported.statusCode).toBe(415);
  });

  const serial = () => serialFor('IDSEA', keyCodeFor(deviceKey.did), 42);
  const lookUp = (value: string, accept = 'application/json') => app.inject({ method: 'GET', url: `/verify?serial=${encodeURIComponent(value)}`, headers: { accept } });

  it('answers the verification link printed on the certificate (GET /verify?serial=) from the certificate devices synced', async () => {
    const linked = await lookUp(serial());
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ verdict: 'valid', serial: serial(), certified: { name: 'Zoë Ngozi Adébáyọ̀', serial: serial() }, certifiedConfirmed: true });
    // As a phone opens it: the page, typed in any case with spaces around.
    const page = await lookUp(` ${serial().toLowerCase()} `, 'text/html');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.body).toContain(`under the serial number <strong>${serial()}</strong>`);
    expect(page.body).toContain('VALID');
    expect(page.body).toContain('Zoë Ngozi Adébáyọ̀');
  });

  it('says revoked, with the date and reason, after a pushed certificate.revoke', async () => {
    await pushAll([{ name: 'certificate.revoke', args: { id: certificateId, reason: 'Name corrected' } }], afterSession);
    const revoked = await answer(credential);
    expect(revoked.verdict).toBe('revoked');
    expect(revoked.revocation?.reason).toBe('Name corrected');
    expect(revoked.revocation?.date).toMatch(/^2026-03-25/);

    const revocations = (await app.inject({ method: 'GET', url: '/revocations.json' })).json<HubRevocations>();
    const entry = revocations.revocations[`urn:uuid:${certificateId}`];
    expect(entry?.reason).toBe('Name corrected');
    expect(entry?.serial).toMatch(/-000042$/);
    expect(revocations.asOf.hubSequence).toBeGreaterThan(0);
    expect(revocations.signedBy).toBe((await keys()).hubRoot.did);
    // The signed list alone says revoked (a verifier given only the lists, no reasons).
    const byListOnly = await import('../shared/credentials/verify').then(({ verifyCertificate }) =>
      verifyCertificate(credential, { trust: [revocations.signedBy, rootKey.did], statusLists: revocations.statusLists, now: new Date() }),
    );
    expect(byListOnly.status).toBe('revoked');
    // The list is also served where the certificate's status entry points.
    const list = await app.inject({ method: 'GET', url: `/status/${keyCodeFor(deviceKey.did)}` });
    expect(list.json()).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'] });
  });
});

describe('GET /verify?serial=', () => {
  const lookUp = (value: string) => app.inject({ method: 'GET', url: `/verify?serial=${encodeURIComponent(value)}`, headers: { accept: 'application/json' } });

  it('says revoked for a revoked serial, not found (maybe not synced yet) for an unknown one, and refuses a malformed one', async () => {
    const revoked = await lookUp(serialFor('IDSEA', keyCodeFor(deviceKey.did), 42));
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ verdict: 'revoked', revocation: { reason: 'Name corrected' } });

    const unknown = await lookUp('IDSEA-ZZZZ-000001');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not-found' });
    expect(unknown.json<Refusal>().message).toMatch(/IDSEA-ZZZZ-000001.*next sync/);
    const unknownPage = await app.inject({ method: 'GET', url: '/verify?serial=IDSEA-ZZZZ-000001' });
    expect(unknownPage.statusCode).toBe(404);
    expect(unknownPage.body).toContain('This could not be checked');

    const malformed = await lookUp("x' or 1=1 --");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'bad-serial' });
  });

  it('limits look-ups per address (serial numbers count up), while the page itself stays open', async () => {
    // The hub of this file allows 6 a minute; the tests above used 6.
    const limited = await lookUp('IDSEA-ZZZZ-000002');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate-limited' });
    expect(limited.json<Refusal>().message).toMatch(/wait a minute/);
    expect((await app.inject({ method: 'GET', url: '/verify' })).statusCode).toBe(200);
  });
});

describe('GET /verify', () => {
  it('is a self-contained page in plain words, with no script and a strict CSP', async () => {
    const page = await app.inject({ method: 'GET', url: '/verify' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/style-src 'sha256-/);
    expect(csp).toMatch(/form-action 'self'/);
    expect(page.body).toContain('Check a certificate');
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).not.toMatch(/<script|https?:\/\/(?!www\.w3)/i);
  });

  it('reads multipart bodies and refuses broken ones', () => {
    const form = multipart([{ name: 'a', data: 'one' }, { name: 'file', filename: 'x.json', data: '{}' }]);
    const parts = parseMultipart(form.payload, form.headers['content-type']);
    expect(parts?.get('a')?.data.toString()).toBe('one');
    expect(parts?.get('file')).toMatchObject({ filename: 'x.json' });
    expect(parseMultipart(Buffer.from('garbage'), form.headers['content-type'])).toBeNull();
    expect(parseMultipart(form.payload, 'multipart/form-data')).toBeNull();
  });
});
