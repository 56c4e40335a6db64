import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { endorseDevice, type EndorsementCredential } from '../shared/credentials/endorsement';
import { credentialProblemText } from '../shared/credentials/errors';
import { extractCredential } from '../shared/credentials/pdfAttachment';
import { keyCodeFor } from '../shared/credentials/serial';
import { generateKeyPair, keyPairFromSecretKey, nobleSigner, type Signer } from '../shared/credentials/signer';
import { issueStatusList, statusListUrl } from '../shared/credentials/statusList';
import { verifyCertificate, type Revocation, type VerificationResult } from '../shared/credentials/verify';
import { verdictText } from '../shared/credentials/describe';
import { isJsonObject } from '../shared/credentials/json';
import type { Certificate, Issuer } from '../shared/domain/certificates';
import type { Actor, TableName, Tables } from '../shared/mutations';
import type { Database } from './db/schema';
import { storeRows, takeSeqs, lockWrites } from './store';
import { parseMultipart, renderVerifyPage, verifyPageCsp, type VerifyAnswer } from './verifyPage';

/**
 * The hub's part in certificates (docs/decisions/0003-signing-keys.md, "when the hub comes"):
 *   - its own organisation root key, made on first use; the secret sits in `hub_meta`;
 *   - endorsing device keys at sync: after a coordinator's `issuer.register`, the hub root signs
 *     an EndorsementCredential for the device key, stored on the issuer row (`hubEndorsement`)
 *     so devices pull it; the hub root also gets an issuer row of kind root, so devices trust it;
 *   - public, sign-in-free endpoints: the trust list (`/.well-known/apogee/keys.json`, a
 *     verification kit), the revocation lists (`/revocations.json`, `/status/<keyCode>`), and the
 *     verification page (`/verify`).
 * The hub never fetches anything while verifying: the shared document loader refuses the network.
 */

// ---------------------------------------------------------------------------------------------
// The hub's root key

/** The public side of the hub's root key. */
export type HubRoot = { did: string; verificationMethod: string; publicKeyMultibase: string; keyCode: string; createdAt: string };

type SealedSecret =
  | { scheme: 'plain'; data: string }
  | { scheme: 'scrypt-aes-256-gcm'; salt: string; iv: string; tag: string; data: string };

type StoredRootKey = { version: 1; did: string; publicKeyMultibase: string; createdAt: string; secret: SealedSecret };

const rootKeyMeta = 'root-key';

/** Options that say where the root key's protection comes from. */
export type RootKeyOptions = {
  /**
   * The passphrase that encrypts the root key's secret (AES-256-GCM, key by scrypt). Defaults to
   * the environment variable HUB_SECRET. Without it the secret is stored unencrypted in the
   * database, and what protects it is only who can read the database: the PGlite data folder's
   * file permissions, or the PostgreSQL server's accounts and its backups. Set HUB_SECRET on any
   * hub whose database or backups others can reach.
   */
  secret?: string | undefined;
};

const derivedKeys = new Map<string, Buffer>();

function keyFor(secret: string, salt: Buffer): Buffer {
  const id = createHash('sha256').update(salt).update('\u0000').update(secret).digest('hex');
  let key = derivedKeys.get(id);
  if (!key) {
    key = scryptSync(secret.normalize('NFC'), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    derivedKeys.set(id, key);
  }
  return key;
}

function seal(secretKey: Uint8Array, passphrase: string | undefined): SealedSecret {
  if (!passphrase) return { scheme: 'plain', data: Buffer.from(secretKey).toString('base64') };
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(passphrase, salt), iv);
  cipher.setAAD(Buffer.from('apogee hub root key v1'));
  const data = Buffer.concat([cipher.update(secretKey), cipher.final()]);
  return { scheme: 'scrypt-aes-256-gcm', salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function unseal(sealed: SealedSecret, passphrase: string | undefined): Uint8Array {
  if (sealed.scheme === 'plain') return new Uint8Array(Buffer.from(sealed.data, 'base64'));
  if (!passphrase) throw new Error('The hub’s root key is encrypted: start the hub with the same HUB_SECRET it was created with.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(passphrase, Buffer.from(sealed.salt, 'base64')), Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from('apogee hub root key v1'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]));
  } catch {
    throw new Error('The hub’s root key could not be decrypted: HUB_SECRET is not the one it was created with.');
  }
}

type Db = Kysely<Database> | Transaction<Database>;

function publicOf(stored: StoredRootKey): HubRoot {
  return {
    did: stored.did,
    verificationMethod: `${stored.did}#${stored.did.slice('did:key:'.length)}`,
    publicKeyMultibase: stored.publicKeyMultibase,
    keyCode: keyCodeFor(stored.did),
    createdAt: stored.createdAt,
  };
}

async function storedRootKey(db: Db, options: RootKeyOptions): Promise<StoredRootKey> {
  const read = async () => (await db.selectFrom('hub_meta').select('value').where('key', '=', rootKeyMeta).executeTakeFirst())?.value as StoredRootKey | undefined;
  let stored = await read();
  const passphrase = 'secret' in options ? options.secret : process.env.HUB_SECRET;
  if (!stored) {
    const pair = generateKeyPair();
    const fresh: StoredRootKey = {
      version: 1,
      did: pair.did,
      publicKeyMultibase: pair.publicKeyMultibase,
      createdAt: stamp(new Date()),
      secret: seal(pair.secretKey, passphrase),
    };
    // Two processes starting at once: the first insert wins and both use its key.
    await db.insertInto('hub_meta').values({ key: rootKeyMeta, value: JSON.stringify(fresh) }).onConflict((oc) => oc.column('key').doNothing()).execute();
    stored = await read();
    if (!stored) throw new Error('The hub could not store its root key.');
  } else if (stored.secret.scheme === 'plain' && passphrase) {
    // HUB_SECRET was set after the key was made: encrypt it now.
    const sealed = seal(unseal(stored.secret, undefined), passphrase);
    stored = { ...stored, secret: sealed };
    await db.updateTable('hub_meta').set({ value: JSON.stringify(stored) }).where('key', '=', rootKeyMeta).execute();
  }
  return stored;
}

/** The hub's root key (public side), created on first use. */
export async function hubRoot(db: Db, options: RootKeyOptions = {}): Promise<HubRoot> {
  return publicOf(await storedRootKey(db, options));
}

/** A signer with the hub's root key, created on first use; throws when HUB_SECRET does not open it. */
export async function hubRootSigner(db: Db, options: RootKeyOptions = {}): Promise<{ root: HubRoot; signer: Signer }> {
  const stored = await storedRootKey(db, options);
  const passphrase = 'secret' in options ? options.secret : process.env.HUB_SECRET;
  const secretKey = unseal(stored.secret, passphrase);
  if (keyPairFromSecretKey(secretKey).did !== stored.did) throw new Error('The hub’s stored root key does not match its public key.');
  const signer = nobleSigner(secretKey);
  secretKey.fill(0);
  return { root: publicOf(stored), signer };
}

/** A Data Integrity timestamp: whole seconds, UTC. */
function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---------------------------------------------------------------------------------------------
// Endorsing device keys at sync

/** A row a mutation wrote, as `SqlStore.take()` hands it over. */
export type WrittenRow = { table: TableName; id: string; row: Tables[TableName] | null };

/** What endorsing did. */
export type EndorsementReport = { endorsed: string[]; failed: { id: string; reason: string }[] };

/** The id of the hub root's issuer row. */
export function hubRootIssuerId(root: Pick<HubRoot, 'keyCode'>): string {
  return `hub-root-${root.keyCode}`;
}

async function endorse(signer: Signer, issuer: Issuer, now: Date): Promise<EndorsementCredential> {
  const from = Date.parse(issuer.createdAt);
  return endorseDevice({
    id: randomUUID(),
    organisationName: issuer.name,
    deviceDid: issuer.did,
    // The hub vouches for the key from when a coordinator registered it.
    validFrom: stamp(new Date(Number.isFinite(from) ? Math.min(from, now.getTime()) : now.getTime())),
    created: stamp(now),
    rootSigner: signer,
  });
}

function needsEndorsement(row: unknown): row is Issuer {
  if (!isJsonObject(row)) return false;
  return row.kind === 'device' && !row.retiredAt && !row.hubEndorsement && typeof row.did === 'string';
}

/**
 * Called by the push code right after a mutation that may have registered issuers (a
 * coordinator's `issuer.register`) was applied, before its rows are stored: every device issuer
 * row in `written` that has no hub endorsement yet gets one, signed by the hub root (created on
 * first use), so the device pulls it back. The first time, the hub root's own issuer row (kind
 * root) is added to `written` too, so every device trusts the hub root next to its own.
 * Changes `written` in place; never throws (a failure is reported and the registration stands;
 * `endorsePendingIssuers` catches up later).
 */
export async function endorseDeviceIssuers(
  tx: Transaction<Database>,
  written: WrittenRow[],
  { actor, now = new Date(), ...keyOptions }: { actor?: Pick<Actor, 'role'>; now?: Date } & RootKeyOptions = {},
): Promise<EndorsementReport> {
  const report: EndorsementReport = { endorsed: [], failed: [] };
  if (actor && actor.role !== 'coordinator') return report;
  const pending = written.filter((w) => w.table === 'issuers' && needsEndorsement(w.row));
  if (!pending.length) return report;
  let root: HubRoot;
  let signer: Signer;
  try {
    ({ root, signer } = await hubRootSigner(tx, keyOptions));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    for (const w of pending) report.failed.push({ id: w.id, reason });
    return report;
  }
  for (const w of pending) {
    const issuer = w.row as Issuer;
    try {
      const hubEndorsement = await endorse(signer, issuer, now);
      w.row = { ...issuer, hubEndorsement };
      report.endorsed.push(w.id);
    } catch (error) {
      report.failed.push({ id: w.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  if (report.endorsed.length) {
    const rootRow = await hubRootRow(tx, root, written, pending[0]!.row as Issuer);
    if (rootRow) written.push({ table: 'issuers', id: rootRow.id, row: rootRow });
  }
  return report;
}

/** The hub root's issuer row when it is not stored (nor being written) yet. */
async function hubRootRow(tx: Db, root: HubRoot, written: readonly WrittenRow[], like: Issuer): Promise<Issuer | undefined> {
  const id = hubRootIssuerId(root);
  if (written.some((w) => w.table === 'issuers' && w.id === id)) return undefined;
  const found = await tx.selectFrom('records').select('id').where('tbl', '=', 'issuers').where('id', '=', id).executeTakeFirst();
  if (found) return undefined;
  return {
    id,
    kind: 'root',
    did: root.did,
    name: like.name,
    organisationCode: like.organisationCode,
    verifyUrl: like.verifyUrl,
    keyCode: root.keyCode,
    endorsement: null,
    rootId: '',
    createdAt: root.createdAt,
    retiredAt: '',
  };
}

/**
 * Catches up: endorses every stored device issuer without a hub endorsement (registered before
 * the hub endorsed keys, or when its root key could not be opened). Takes the write lock; rows
 * get new hub sequence numbers so devices pull them. Call it at hub start.
 */
export async function endorsePendingIssuers(db: Kysely<Database>, options: RootKeyOptions & { now?: Date } = {}): Promise<EndorsementReport> {
  return db.transaction().execute(async (tx) => {
    await lockWrites(tx);
    const rows = await tx
      .selectFrom('records')
      .select(['id', 'data'])
      .where('tbl', '=', 'issuers')
      .where(sql<boolean>`data->>'kind' = 'device' and coalesce(data->>'retiredAt', '') = '' and data->'hubEndorsement' is null`)
      .execute();
    const written: WrittenRow[] = rows.filter((r) => r.data).map((r) => ({ table: 'issuers', id: r.id, row: r.data as unknown as Issuer }));
    const report = await endorseDeviceIssuers(tx, written, options);
    const changed = written.filter((w) => w.table === 'issuers' && (report.endorsed.includes(w.id) || (w.row as Issuer).kind === 'root'));
    if (changed.length) await storeRows(tx, changed, await takeSeqs(tx, changed.length), 'hub');
    return report;
  });
}

// ---------------------------------------------------------------------------------------------
// Trust list and revocation lists

/** One issuing key as published. */
export type PublishedIssuer = {
  id: string;
  kind: 'root' | 'device';
  did: string;
  keyCode: string;
  name: string;
  createdAt: string;
  retiredAt: string | null;
  /** True for the hub's own root key. */
  hub: boolean;
  /** The root keys that endorsed this device key (device-made and hub endorsements). */
  endorsedBy: string[];
  endorsements: Record<string, unknown>[];
  /** Where its revocation list is (device keys). */
  statusList?: string;
};

/** The hub's trust list and revocations, as a verification kit (shared/credentials/kit.ts) plus details. */
export type HubKeys = {
  organisation: string;
  rootKeys: string[];
  statusLists: Record<string, unknown>[];
  revocations: Record<string, Revocation & { serial: string }>;
  hubRoot: { did: string; publicKeyMultibase: string; createdAt: string };
  issuers: PublishedIssuer[];
  asOf: { time: string; hubSequence: number };
};

/** The revocation document (`/revocations.json`). */
export type HubRevocations = {
  organisation: string;
  asOf: { time: string; hubSequence: number };
  /** Who signed the status lists: the hub root. */
  signedBy: string;
  statusLists: Record<string, unknown>[];
  revocations: Record<string, Revocation & { serial: string }>;
};

function endorserOf(endorsement: unknown): string | undefined {
  if (!isJsonObject(endorsement)) return undefined;
  const issuer = endorsement.issuer;
  if (typeof issuer === 'string') return issuer;
  return isJsonObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

async function hubSequence(db: Db): Promise<number> {
  const row = await db.selectFrom('hub_counter').select('seq').where('id', '=', 1).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

async function organisationName(db: Db, issuers: readonly Issuer[]): Promise<string> {
  const row = await db.selectFrom('hub_meta').select('value').where('key', '=', 'organisation').executeTakeFirst();
  const name = isJsonObject(row?.value) && typeof row.value.name === 'string' ? row.value.name : '';
  return name || issuers.find((i) => i.kind === 'root')?.name || 'Apogee hub';
}

/** How long a signed revocation list is reused while nothing changes, so its "as of" stays recent. */
const listMaxAgeMs = 10 * 60 * 1000;

type Published = { seq: number; madeAt: number; keys: HubKeys; revocations: HubRevocations };
const signedLists = new WeakMap<object, Map<string, { key: string; madeAt: number; list: Record<string, unknown> }>>();
const cache = new WeakMap<object, Promise<Published>>();

async function build(db: Kysely<Database>, options: RootKeyOptions, seq: number): Promise<Published> {
  const now = new Date();
  const { root, signer } = await hubRootSigner(db, options);
  const issuerRows = await db.selectFrom('records').select('data').where('tbl', '=', 'issuers').execute();
  const issuers = issuerRows.map((r) => r.data as unknown as Issuer | null).filter((i): i is Issuer => !!i);
  const revokedRows = await db
    .selectFrom('records')
    .select('data')
    .where('tbl', '=', 'certificates')
    .where(sql<boolean>`coalesce(data->>'revokedAt', '') <> ''`)
    .execute();
  const revoked = revokedRows.map((r) => r.data as unknown as Certificate | null).filter((c): c is Certificate => !!c);

  // Trusted: the hub root, and every registered root that endorsed a registered device key.
  const registeredRoots = new Set(issuers.filter((i) => i.kind === 'root').map((i) => i.did));
  const rootKeys = [root.did];
  const published: PublishedIssuer[] = [];
  for (const issuer of issuers.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))) {
    const endorsements = [issuer.endorsement, issuer.hubEndorsement].filter((e): e is Record<string, unknown> => isJsonObject(e));
    const endorsedBy = [...new Set(endorsements.map(endorserOf).filter((d): d is string => d !== undefined))];
    if (issuer.kind === 'device') for (const did of endorsedBy) if (registeredRoots.has(did) && !rootKeys.includes(did)) rootKeys.push(did);
    published.push({
      id: issuer.id,
      kind: issuer.kind,
      did: issuer.did,
      keyCode: issuer.keyCode,
      name: issuer.name,
      createdAt: issuer.createdAt,
      retiredAt: issuer.retiredAt || null,
      hub: issuer.did === root.did,
      endorsedBy,
      endorsements,
      ...(issuer.kind === 'device' ? { statusList: statusListUrl(issuer.verifyUrl, issuer.keyCode) } : {}),
    });
  }
  if (!published.some((p) => p.did === root.did)) {
    published.unshift({ id: hubRootIssuerId(root), kind: 'root', did: root.did, keyCode: root.keyCode, name: '', createdAt: root.createdAt, retiredAt: null, hub: true, endorsedBy: [], endorsements: [] });
  }

  // One list per device key (retired ones too: what they signed stays valid), signed by the hub
  // root; a list is signed again only when its revoked entries change or it is ten minutes old.
  const asOfTime = stamp(now);
  const lists = signedLists.get(db) ?? new Map<string, { key: string; madeAt: number; list: Record<string, unknown> }>();
  signedLists.set(db, lists);
  const statusLists: Record<string, unknown>[] = [];
  for (const issuer of issuers.filter((i) => i.kind === 'device')) {
    const url = statusListUrl(issuer.verifyUrl, issuer.keyCode);
    const sequences = revoked.filter((c) => c.issuerId === issuer.id && Number.isInteger(c.sequence)).map((c) => c.sequence).sort((a, b) => a - b);
    const key = `${root.did} ${sequences.join(',')}`;
    const known = lists.get(url);
    if (known && known.key === key && now.getTime() - known.madeAt < listMaxAgeMs) {
      statusLists.push(known.list);
      continue;
    }
    const list = (await issueStatusList({ url, validFrom: asOfTime, revoked: sequences, signer })) as unknown as Record<string, unknown>;
    lists.set(url, { key, madeAt: now.getTime(), list });
    statusLists.push(list);
  }
  const revocations: Record<string, Revocation & { serial: string }> = {};
  for (const c of revoked.sort((a, b) => a.revokedAt.localeCompare(b.revokedAt))) {
    revocations[`urn:uuid:${c.id}`] = { date: c.revokedAt, reason: c.revocationReason, serial: c.serial };
  }
  const organisation = await organisationName(db, issuers);
  const asOf = { time: asOfTime, hubSequence: seq };
  return {
    seq,
    madeAt: now.getTime(),
    keys: {
      organisation,
      rootKeys,
      statusLists,
      revocations,
      hubRoot: { did: root.did, publicKeyMultibase: root.publicKeyMultibase, createdAt: root.createdAt },
      issuers: published,
      asOf,
    },
    revocations: { organisation, asOf, signedBy: root.did, statusLists, revocations },
  };
}

/**
 * The published trust material, made again when the hub's data changed (its sequence moved) or
 * it is older than ten minutes; concurrent requests share one build.
 */
export async function publishedKeys(db: Kysely<Database>, options: RootKeyOptions = {}): Promise<{ keys: HubKeys; revocations: HubRevocations }> {
  const seq = await hubSequence(db);
  const cached = cache.get(db);
  if (cached) {
    const value = await cached.catch(() => undefined);
    if (value && value.seq === seq && Date.now() - value.madeAt < listMaxAgeMs) return value;
  }
  const building = build(db, options, seq);
  cache.set(db, building);
  try {
    return await building;
  } catch (error) {
    if (cache.get(db) === building) cache.delete(db);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Public endpoints

/** Largest upload /verify accepts (a certificate PDF with its fonts or image is well below). */
export const maxVerifyBytes = 8 * 1024 * 1024;

/** An answer to a request that could not be verified at all. */
class BadInput extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const pdfMagic = Buffer.from('%PDF-');

/** What /verify received, as something `verifyCertificate` reads (object, JSON text or VC1: text). */
async function readSubmission(request: FastifyRequest): Promise<unknown> {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  const body = request.body;
  const fromBytes = async (bytes: Buffer): Promise<unknown> => {
    if (bytes.subarray(0, 1024).includes(pdfMagic)) {
      const extracted = await extractCredential(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (!extracted.ok) throw new BadInput(400, extracted.error.code, credentialProblemText(extracted.error));
      return extracted.value.credential;
    }
    const text = bytes.toString('utf8');
    if (text.includes('\u0000') || text.includes('\uFFFD')) throw new BadInput(400, 'not-a-certificate', 'This file is neither a certificate’s JSON file nor a certificate PDF.');
    return text;
  };
  let value: unknown;
  if (type.startsWith('multipart/form-data')) {
    const parts = parseMultipart(body as Buffer, String(request.headers['content-type']));
    if (!parts) throw new BadInput(400, 'bad-form', 'The form could not be read: send it again.');
    const file = parts.get('file');
    const text = parts.get('credential')?.data.toString('utf8').trim() ?? '';
    if (file && file.data.length > 0) value = await fromBytes(file.data);
    else value = text;
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    value = (body as URLSearchParams).get('credential')?.trim() ?? '';
  } else if (type.startsWith('application/json')) {
    if (isJsonObject(body) && !('@context' in body) && !('proof' in body)) {
      if (typeof body.pdf === 'string') value = await fromBytes(Buffer.from(body.pdf, 'base64'));
      else value = body.credential ?? body.text ?? body;
    } else value = body;
  } else if (Buffer.isBuffer(body)) {
    value = await fromBytes(body);
  } else if (typeof body === 'string') {
    value = body.trim();
  } else {
    throw new BadInput(415, 'unsupported-type', 'Send the certificate as JSON, as text, as a PDF, or through the form.');
  }
  if (value === '' || value === undefined || value === null) {
    throw new BadInput(400, 'empty', 'Nothing to check: paste the certificate’s text or QR code text, or choose its JSON or PDF file.');
  }
  return value;
}

function wantsJson(request: FastifyRequest): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  if (query?.format === 'json') return true;
  if (query?.format === 'html') return false;
  const accept = String(request.headers.accept ?? '');
  if (/\btext\/html\b/.test(accept)) return false;
  if (/\bapplication\/json\b/.test(accept)) return true;
  const type = String(request.headers['content-type'] ?? '');
  return request.method === 'POST' && !/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type);
}

function sendHtml(reply: FastifyReply, status: number, html: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', verifyPageCsp)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store')
    .send(html);
}

function sendJson(reply: FastifyReply, status: number, body: unknown, cacheSeconds = 0) {
  return reply
    .status(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .header('access-control-allow-origin', '*')
    .header('cache-control', cacheSeconds ? `public, max-age=${cacheSeconds}` : 'no-store')
    .send(JSON.stringify(body, null, 2));
}

/** A serial number as typed or linked (any case, spaces around), or undefined when it cannot be one. */
function normaliseSerial(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const serial = value.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9-]{2,62}$/.test(serial) ? serial : undefined;
}

/** The stored certificate with this serial number (as devices synced it), if any. */
async function certificateBySerial(db: Db, serial: string): Promise<Certificate | undefined> {
  const row = await db
    .selectFrom('records')
    .select('data')
    .where(sql<string>`tbl`, '=', sql.lit('certificates'))
    .where(sql<string>`data->>'serial'`, '=', serial)
    .executeTakeFirst();
  return (row?.data as unknown as Certificate | null | undefined) ?? undefined;
}

/** The answer of /verify (JSON form; the page shows the same). */
function answerOf(result: VerificationResult, asOf: HubKeys['asOf'], organisation: string): VerifyAnswer {
  const confirmed = result.status === 'valid' || result.status === 'revoked' || result.status === 'expired';
  return {
    verdict: result.status,
    valid: result.status === 'valid',
    headline: result.status === 'malformed' ? 'NOT A CERTIFICATE: this is not a readable certificate.' : verdictText[result.status],
    ...(result.summary ? { certified: result.summary, certifiedConfirmed: confirmed } : {}),
    ...(result.revocation ? { revocation: result.revocation } : {}),
    ...(result.statusListAsOf ? { statusListAsOf: result.statusListAsOf } : {}),
    ...(result.signedBy ? { signedBy: result.signedBy } : {}),
    problems: result.problems.map((p) => ({ code: p.code, params: p.params, text: credentialProblemText(p) })),
    checkedAgainst: { organisation, asOf },
  };
}

/**
 * The hub's public certificate endpoints, as a Fastify plugin (register it with
 * `app.register(certificateRoutes, { db })`; its body parsers stay inside it):
 *   GET  /.well-known/apogee/keys.json  the trust list, a verification kit (`npm run verify -- --trust`)
 *   GET  /revocations.json              signed status lists, reasons and dates, "as of" hub sequence and time
 *   GET  /status/:keyCode               one key's signed status list (the URL certificates carry)
 *   GET  /verify                        the verification page
 *   POST /verify                        verifies a credential (form, JSON, text or PDF); HTML or JSON
 */
export function certificateRoutes(app: FastifyInstance, options: { db: Kysely<Database>; verifyLimit?: number } & RootKeyOptions): Promise<void> {
  const { db, verifyLimit = 60, ...keyOptions } = options;
  const published = () => publishedKeys(db, keyOptions);
  const check = async (credential: unknown) => {
    const { keys } = await published();
    const result = await verifyCertificate(credential, { trust: keys.rootKeys, statusLists: keys.statusLists, revocations: keys.revocations, now: new Date() });
    return { result, answer: answerOf(result, keys.asOf, keys.organisation), organisation: keys.organisation };
  };

  // Body parsers for the form and raw uploads (JSON is the hub's own parser).
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: maxVerifyBytes }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: maxVerifyBytes }, (_request, body, done) =>
    done(null, new URLSearchParams(String(body))),
  );
  app.addContentTypeParser(['application/pdf', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: maxVerifyBytes }, (_request, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: maxVerifyBytes }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: Error & { statusCode?: number; status?: number; code?: string }, request, reply) => {
    const status = error instanceof BadInput ? error.status : (error.statusCode ?? error.status ?? 500);
    let code = error instanceof BadInput ? error.code : 'bad-request';
    let message = error.message;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      code = 'too-large';
      message = `This upload is larger than ${maxVerifyBytes / 1024 / 1024} MB: a certificate’s JSON or PDF file is much smaller. Check that you chose the right file.`;
    } else if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      code = 'unsupported-type';
      message = 'Send the certificate as JSON, as text, as a PDF, or through the form.';
    } else if (status >= 500) {
      request.log.error({ err: error }, 'certificate endpoint error');
      code = 'hub-error';
      message = 'The hub could not answer: it has logged the problem. Try again later.';
    } else if (!(error instanceof BadInput)) {
      message = `The request could not be read: ${error.message}`;
    }
    if (status === 429) {
      code = 'rate-limited';
      message = 'Too many certificates were looked up from this address: wait a minute and try again.';
      request.log.warn('too many certificate look-ups');
    }
    const finalStatus = status === 413 || code === 'too-large' ? 413 : status >= 400 && status < 600 ? status : 500;
    if (request.url.startsWith('/verify') && !wantsJson(request)) return sendHtml(reply, finalStatus, renderVerifyPage({ error: message }));
    return sendJson(reply, finalStatus, { error: code, message });
  });

  app.get('/.well-known/apogee/keys.json', async (_request, reply) => sendJson(reply, 200, (await published()).keys, 60));

  app.get('/revocations.json', async (_request, reply) => sendJson(reply, 200, (await published()).revocations, 60));

  app.get('/status/:keyCode', async (request, reply) => {
    const { keyCode } = request.params as { keyCode: string };
    const { keys } = await published();
    const issuer = keys.issuers.find((i) => i.kind === 'device' && i.keyCode === keyCode);
    const list = issuer && keys.statusLists.find((l) => l.id === issuer.statusList);
    if (!list) return sendJson(reply, 404, { error: 'not-found', message: `No issuing key ${keyCode.slice(0, 20)} is known here.` });
    return sendJson(reply, 200, list, 60);
  });

  // The link printed on every certificate and carried by its first QR code is
  // `<hub>/verify?serial=…`: the hub looks the certificate up among those devices have synced and
  // checks the stored credential. Serial numbers count up, so look-ups are rate limited per address.
  app.get(
    '/verify',
    {
      config: {
        rateLimit: {
          max: verifyLimit,
          timeWindow: 60_000,
          allowList: (request: FastifyRequest) => !(request.query as Record<string, unknown> | undefined)?.serial,
        },
      },
    },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      if (query.serial === undefined) return sendHtml(reply, 200, renderVerifyPage({ organisation: (await published()).keys.organisation }));
      const json = wantsJson(request);
      const serial = normaliseSerial(query.serial);
      if (!serial) throw new BadInput(400, 'bad-serial', 'This is not a certificate serial number: it looks like IDSEA-K7Q2-000042 (letters, digits and dashes).');
      const certificate = await certificateBySerial(db, serial);
      if (!certificate) {
        const message = `No certificate with the serial number ${serial} is known to this hub. A certificate issued recently on a device with no connection reaches the hub at that device's next sync; meanwhile, check the certificate's file or the text of its QR code below.`;
        request.log.info({ serial }, 'certificate serial not found');
        if (json) return sendJson(reply, 404, { error: 'not-found', message });
        return sendHtml(reply, 404, renderVerifyPage({ organisation: (await published()).keys.organisation, error: message }));
      }
      const { answer, organisation } = await check(certificate.credential);
      if (json) return sendJson(reply, 200, { ...answer, serial });
      return sendHtml(reply, 200, renderVerifyPage({ organisation, answer, serial }));
    },
  );

  app.post('/verify', { bodyLimit: maxVerifyBytes }, async (request, reply) => {
    const json = wantsJson(request);
    const submission = await readSubmission(request);
    const { result, answer, organisation } = await check(submission);
    // Something that is not a certificate at all is bad input; every other verdict is an answer.
    const status = result.status === 'malformed' ? 400 : 200;
    if (json) return sendJson(reply, status, answer);
    return sendHtml(reply, status, renderVerifyPage({ organisation, answer }));
  });
  return Promise.resolve();
}
