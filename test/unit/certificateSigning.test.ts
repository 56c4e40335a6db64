import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseVerificationKit } from '../../shared/credentials/kit';
import { verifyCertificate } from '../../shared/credentials/verify';
import { db, runBatch } from '../../renderer/db';
import { webCryptoVault } from '../../renderer/features/certificates/keyVault';
import { issueCertificates, rotateDeviceKey, setUpSigning, thisDevicesIssuer, verificationKit } from '../../renderer/features/certificates/signing';
import { serialIn, verifyFile, verifyText } from '../../renderer/features/certificates/verifyInput';
import { requests, run, seedWorld } from './enrolmentWorld';

const classDays = ['09', '10', '11', '12', '13', '16', '17', '18', '19', '20'].map((d) => `session-1@2026-03-${d}`);

describe('the browser key vault', () => {
  it('makes a non-extractable Ed25519 key that signs, and refuses a second key of the same name', async () => {
    const vault = webCryptoVault('vault-test');
    const publicKey = await vault.create('k1');
    expect(publicKey).toHaveLength(32);
    expect(await vault.has('k1')).toBe(true);
    expect(await vault.has('k2')).toBe(false);
    const data = new TextEncoder().encode('certificate');
    const signature = await vault.signer('k1', 'did:key:x#x').sign(data);
    const verifyKey = await crypto.subtle.importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, verifyKey, new Uint8Array(signature), data)).toBe(true);
    await expect(vault.create('k1')).rejects.toThrow(/already exists/);
    await expect(vault.signer('nope', 'did:key:x#x').sign(data)).rejects.toThrow(/no signing key/);
  });
});

describe('issuing on this device', () => {
  const vault = webCryptoVault('issuing-test-keys');

  beforeAll(async () => {
    await db.open();
    await seedWorld(db, { trainees: 3 });
    await run(db, requests(['t-1', 't-2', 't-3']));
    // t-1 and t-2 attend every day; t-3 only three days (short of the 80% rule).
    const marks = classDays.flatMap((meetingId, i) =>
      ['t-1', 't-2', 't-3'].map((personId) => ({
        name: 'attendance.mark' as const,
        args: { meetingId, personId, status: personId === 't-3' && i > 2 ? ('absent' as const) : ('present' as const) },
      })),
    );
    const outcomes = await run(db, marks, undefined, '2026-03-21T10:00:00.000Z');
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });

  it('sets up signing: a root key and an endorsed device key, both registered, secrets only in the vault', async () => {
    expect(await thisDevicesIssuer(vault)).toBeUndefined();
    const outcomes = await setUpSigning(
      { organisationName: 'International Deep Space Education Association', organisationCode: 'IDSEA', verifyUrl: 'https://verify.idsea.example/' },
      vault,
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const device = await thisDevicesIssuer(vault);
    expect(device).toMatchObject({ kind: 'device', organisationCode: 'IDSEA' });
    expect(device?.endorsement).toMatchObject({ type: ['VerifiableCredential', 'EndorsementCredential'], credentialSubject: { id: device?.did } });
    // The database holds public keys only.
    expect(JSON.stringify(await db.issuers.toArray())).not.toMatch(/privateKey|secret/i);
  });

  it('issues to the ready trainees, refuses the one short of attendance, and every certificate verifies', async () => {
    const progress: number[] = [];
    const enrolmentIds = ['e-t-1', 'e-t-2', 'e-t-3'];
    const report = await issueCertificates(enrolmentIds, { vault, onProgress: (p) => progress.push(p.done) });
    expect(report.issued).toHaveLength(2);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]).toMatchObject({ enrolmentId: 'e-t-3', error: { code: 'not-ready-for-certificate' } });
    expect(progress.at(-1)).toBe(3);
    const certificates = await db.certificates.toArray();
    expect(certificates.map((c) => c.serial).sort()).toEqual([expect.stringMatching(/^IDSEA-[0-9A-Z]{4}-000000$/), expect.stringMatching(/^IDSEA-[0-9A-Z]{4}-000001$/)]);
    for (const certificate of certificates) {
      const answer = await verifyText(JSON.stringify(certificate.credential));
      expect(answer.status).toBe('valid');
      expect(answer.certificateId).toBe(certificate.id);
      expect(answer.summary?.courseCode).toBe('CSD-101');
    }
  });

  it('verifies by serial and by verification link, and says when a serial is not on this device', async () => {
    const [certificate] = await db.certificates.toArray();
    expect(serialIn(`https://verify.idsea.example/verify?serial=${certificate!.serial}`)).toBe(certificate!.serial);
    expect((await verifyText(certificate!.serial.toLowerCase())).status).toBe('valid');
    expect((await verifyText(`https://verify.idsea.example/verify?serial=${certificate!.serial}`)).status).toBe('valid');
    expect(await verifyText('IDSEA-ZZZZ-000009')).toMatchObject({ status: 'unknown-issuer', notice: { code: 'serial-not-found', serial: 'IDSEA-ZZZZ-000009' } });
    expect(await verifyText('hello')).toMatchObject({ status: 'malformed', notice: { code: 'unrecognised-text' } });
    expect(await verifyText('   ')).toMatchObject({ status: 'malformed', notice: { code: 'empty' } });
  });

  it('catches one changed character, and reads files: JSON with a BOM, junk, a PDF without a credential', async () => {
    const [certificate] = await db.certificates.toArray();
    const credential = structuredClone(certificate!.credential) as { credentialSubject: { identifier: { identityHash: string }[] } };
    credential.credentialSubject.identifier[0]!.identityHash += 'x';
    expect((await verifyText(JSON.stringify(credential))).status).toBe('altered');
    const withBom = new Blob([`\uFEFF${JSON.stringify(certificate!.credential)}`]);
    expect((await verifyFile(withBom)).status).toBe('valid');
    expect(await verifyFile(new Blob(['not a certificate']))).toMatchObject({ status: 'malformed' });
    expect(await verifyFile(new Blob(['%PDF-1.7\n%%EOF']))).toMatchObject({ status: 'malformed', source: 'pdf' });
  });

  it('revokes: the app answers revoked with date and reason, and the verification kit carries a signed list that says so', async () => {
    const [certificate] = await db.certificates.toArray();
    const [outcome] = await runBatch([{ name: 'certificate.revoke', args: { id: certificate!.id, reason: 'Issued in error: wrong session' } }]);
    expect(outcome?.ok).toBe(true);
    const answer = await verifyText(JSON.stringify(certificate!.credential));
    expect(answer).toMatchObject({ status: 'revoked', revocation: { reason: 'Issued in error: wrong session' } });

    const kit = parseVerificationKit(JSON.parse(JSON.stringify(await verificationKit(vault))));
    expect(kit.ok).toBe(true);
    if (!kit.ok) return;
    expect(kit.value.statusLists).toHaveLength(1);
    // An outside verifier with only the kit: revoked by the signed list, as of the list's date.
    const outside = await verifyCertificate(certificate!.credential, { trust: kit.value.rootKeys, statusLists: kit.value.statusLists, now: new Date() });
    expect(outside.status).toBe('revoked');
    expect(outside.statusListAsOf).toBeDefined();
    const other = (await db.certificates.toArray()).find((c) => c.id !== certificate!.id)!;
    const stillValid = await verifyCertificate(other.credential, { trust: kit.value.rootKeys, statusLists: kit.value.statusLists, now: new Date() });
    expect(stillValid.status).toBe('valid');
  });

  it('rotates the device key: old certificates stay valid, a reissue uses the new key and its own serials', async () => {
    const before = (await thisDevicesIssuer(vault))!;
    const outcomes = await rotateDeviceKey(vault);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const after = (await thisDevicesIssuer(vault))!;
    expect(after.id).not.toBe(before.id);
    expect((await db.issuers.get(before.id))?.retiredAt).not.toBe('');
    for (const certificate of await db.certificates.toArray()) {
      expect((await verifyText(JSON.stringify(certificate.credential))).status).toBe(certificate.revokedAt ? 'revoked' : 'valid');
    }
    const revoked = (await db.certificates.toArray()).find((c) => c.revokedAt)!;
    const report = await issueCertificates([revoked.enrolmentId], { vault });
    expect(report.issued).toHaveLength(1);
    const reissued = (await db.certificates.get(report.issued[0]!))!;
    expect(reissued.serial).toBe(`IDSEA-${after.keyCode}-000000`);
    expect((await verifyText(JSON.stringify(reissued.credential))).status).toBe('valid');
  });
});
