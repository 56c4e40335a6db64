// Certificates with a hub: a coordinator's device sets up signing, syncs, and the hub's root
// endorses its key; certificates issued after that carry the organisation's endorsement, so a
// verifier needs only the hub's key; the link printed on them answers on the hub's /verify page,
// revoked after a revocation syncs.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVerificationKit } from '../../shared/credentials/kit';
import { verifyCertificate } from '../../shared/credentials/verify';
import { db, runBatch } from '../../renderer/db';
import { webCryptoVault } from '../../renderer/features/certificates/keyVault';
import { issueCertificates, setUpSigning, thisDevicesIssuer, verificationLink } from '../../renderer/features/certificates/signing';
import { SyncEngine } from '../../renderer/sync/engine';
import { signIn } from '../../renderer/sync/session';
import { useSession } from '../../renderer/state/session';
import { requests, run, seedWorld } from '../unit/enrolmentWorld';
import { password, startTestHub, type TestHub } from '../support/hub';

const classDays = ['09', '10', '11', '12', '13', '16', '17', '18', '19', '20'].map((d) => `session-1@2026-03-${d}`);
const vault = webCryptoVault('hub-certificates-test-keys');

let hub: TestHub;
let engine: SyncEngine;
type HubKeys = { rootKeys: string[]; hubRoot: { did: string } };
const hubKeys = async () => (await (await fetch(new URL('/.well-known/apogee/keys.json', hub.url))).json()) as HubKeys;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.account('amina@centre.org', 'coordinator');
  await db.open();
  const session = await signIn(db, { hub: hub.url, email: 'amina@centre.org', password, deviceName: 'Amina’s laptop' });
  useSession.setState({ loaded: true, session });
  engine = new SyncEngine(db);
  await seedWorld(db, { trainees: 2 });
  await run(db, requests(['t-1', 't-2']));
  const marks = classDays.flatMap((meetingId) => ['t-1', 't-2'].map((personId) => ({ name: 'attendance.mark' as const, args: { meetingId, personId, status: 'present' as const } })));
  expect((await run(db, marks, undefined, '2026-03-21T10:00:00.000Z')).every((o) => o.ok)).toBe(true);
}, 60_000);
afterAll(() => hub.stop());

describe('certificates through the hub', () => {
  it('endorses the device key at sync with the organisation key, which the device pulls back', async () => {
    const outcomes = await setUpSigning({ organisationName: 'Test centre', organisationCode: 'TST', verifyUrl: hub.url }, vault);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect((await thisDevicesIssuer(vault))?.hubEndorsement).toBeUndefined();
    const report = await engine.sync();
    expect(report.rejected).toBe(0);
    const { hubRoot } = await hubKeys();
    const device = await thisDevicesIssuer(vault);
    expect(device?.hubEndorsement).toMatchObject({ issuer: { id: hubRoot.did }, credentialSubject: { id: device?.did } });
    // The hub's root is now an issuer this device trusts, next to the one it made itself.
    expect((await db.issuers.toArray()).filter((i) => i.kind === 'root').map((i) => i.did)).toContain(hubRoot.did);
  });

  it('issues certificates that the organisation key alone verifies, and that the hub’s verification link answers', async () => {
    const report = await issueCertificates(['e-t-1', 'e-t-2'], { vault });
    expect(report.issued).toHaveLength(2);
    const { hubRoot } = await hubKeys();
    const certificate = (await db.certificates.get(report.issued[0]!))!;
    const offline = await verifyCertificate(certificate.credential, { trust: [hubRoot.did], now: new Date() });
    expect(offline.status).toBe('valid');
    expect(offline.signedBy?.rootKey).toBe(hubRoot.did);

    // Before the device syncs, the hub does not know the serial and says why.
    const issuer = (await thisDevicesIssuer(vault))!;
    const link = verificationLink(issuer, certificate.serial);
    expect(link.startsWith(hub.url.replace(/\/$/, ''))).toBe(true);
    const early = await fetch(link, { headers: { accept: 'application/json' } });
    expect(early.status).toBe(404);
    expect(((await early.json()) as { message: string }).message).toMatch(/next sync/);

    await engine.sync();
    const answer = (await (await fetch(link, { headers: { accept: 'application/json' } })).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ verdict: 'valid', serial: certificate.serial, signedBy: { rootKey: hubRoot.did }, certified: { serial: certificate.serial } });
    const page = await fetch(link);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('VALID');
  });

  it('says revoked on the hub once the revocation syncs, with the reason, in the published list too', async () => {
    const [certificate] = await db.certificates.orderBy('serial').toArray();
    const [outcome] = await runBatch([{ name: 'certificate.revoke', args: { id: certificate!.id, reason: 'Issued for the wrong session' } }]);
    expect(outcome?.ok).toBe(true);
    await engine.sync();
    const link = verificationLink((await thisDevicesIssuer(vault))!, certificate!.serial);
    const answer = (await (await fetch(link, { headers: { accept: 'application/json' } })).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ verdict: 'revoked', revocation: { reason: 'Issued for the wrong session' } });

    // The published keys are a verification kit: with it, anyone offline gets the same answer.
    const kit = parseVerificationKit(await hubKeys());
    expect(kit.ok).toBe(true);
    if (!kit.ok) return;
    const outside = await verifyCertificate(certificate!.credential, { trust: kit.value.rootKeys, statusLists: kit.value.statusLists, now: new Date() });
    expect(outside.status).toBe('revoked');
  });
});
