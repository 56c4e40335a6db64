import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { maxRequestBytes, pushRequest, type Change, type PushResponse } from './protocol';

/**
 * Sync packets: the same push and pull as files, for a device with no network at all (a USB
 * stick carried to the hub). ARCHITECTURE.md "Sync protocol", "sync packets".
 *
 * A packet file is one gzip member (fixed header: no name, no time) holding UTF-8 JSON
 * `{ header, body, mac }`:
 * - `header` says what it is and for whom: format, kind ('changes' device → hub, 'receipt'
 *   hub → device), version, organisationId, clientId, createdAt, packetId;
 * - `body` is the JSON text of the body (kept as text, so the MAC covers exactly the bytes read);
 * - `mac` is HMAC-SHA256, in hex, under the device's packet key (given to the device at sign-in,
 *   never in a packet) of `apogee-sync-packet`, the header fields in a fixed order and the body.
 * The gzip framing is checked strictly too (its header bytes, CRC-32 and length), so a byte
 * flipped anywhere in the file is refused, not only one inside the content.
 */

export const packetFormat = 'apogee-sync-packet';
/** The packet version this build writes and reads. */
export const packetVersion = 1;
/** Largest packet file accepted (compressed): the hub's request limit. */
export const maxPacketBytes = maxRequestBytes;
/** Largest packet content accepted once unpacked. */
export const maxPacketContentBytes = 64 * 1024 * 1024;
/** File name ending of packets (both kinds). */
export const packetExtension = '.apogee';

export type PacketKind = 'changes' | 'receipt';

export type PacketHeader = {
  format: typeof packetFormat;
  kind: PacketKind;
  version: number;
  organisationId: string;
  clientId: string;
  /** Time the packet was made, by its maker's clock (shown only). */
  createdAt: string;
  packetId: string;
};

/** Device → hub: the changes waiting in the outbox (a push request) and how far the device has pulled. */
export type ChangesBody = {
  push: z.infer<typeof pushRequest>;
  /** The device's pull cursor when it made the packet: the receipt carries the changes after it. */
  cursor: string;
};

/** Hub → device: the answers to a changes packet and the changes for that device. */
export type ReceiptBody = {
  /** The changes packet this answers. */
  replyTo: string;
  push: PushResponse;
  /** The cursor the changes were pulled from (the changes packet's, or '' for a fresh copy). */
  baseCursor: string;
  /** True when the hub could not continue from the device's cursor and sent a fresh copy of its scope. */
  fresh: boolean;
  changes: Change[];
  /** The cursor after these changes. */
  cursor: string;
  /** More changes wait on the hub (the receipt was full): sync again or exchange another packet. */
  hasMore: boolean;
};

export type Packet =
  | { header: PacketHeader & { kind: 'changes' }; body: ChangesBody }
  | { header: PacketHeader & { kind: 'receipt' }; body: ReceiptBody };
export type ChangesPacket = Extract<Packet, { header: { kind: 'changes' } }>;
export type ReceiptPacket = Extract<Packet, { header: { kind: 'receipt' } }>;

/** Why a file was refused, each with a message for people. */
export type PacketRefusal = {
  code: 'not-a-packet' | 'corrupt' | 'unknown-version' | 'other-organisation' | 'other-device' | 'wrong-kind' | 'altered' | 'too-large';
  message: string;
};

export type PacketResult<T> = { ok: true; packet: T } | { ok: false; refusal: PacketRefusal };

const headerSchema = z.object({
  format: z.literal(packetFormat),
  kind: z.enum(['changes', 'receipt']),
  version: z.number().int(),
  organisationId: z.string().min(1).max(80),
  clientId: z.string().min(1).max(80),
  createdAt: z.string().max(40),
  packetId: z.string().min(1).max(80),
});

const changeSchema = z.object({
  t: z.string(),
  id: z.string(),
  s: z.number(),
  r: z.record(z.string(), z.unknown()).optional(),
});
const changesBodySchema = z.object({ push: pushRequest, cursor: z.string().max(200) });
const receiptBodySchema = z.object({
  replyTo: z.string().max(80),
  push: z.object({ results: z.array(z.record(z.string(), z.unknown())), lastSeq: z.number().int() }),
  baseCursor: z.string().max(200),
  fresh: z.boolean(),
  changes: z.array(changeSchema),
  cursor: z.string().max(200),
  hasMore: z.boolean(),
});

/** The bytes the MAC is computed over: the header fields in a fixed order, then the body text. */
function macInput(header: PacketHeader, bodyText: string): Uint8Array {
  const fields = [header.format, header.kind, header.version, header.organisationId, header.clientId, header.createdAt, header.packetId];
  return strToU8(`${packetFormat}\n${JSON.stringify(fields)}\n${bodyText}`);
}

function keyBytes(key: string | Uint8Array): Uint8Array {
  if (typeof key !== 'string') return key;
  if (!/^(?:[0-9a-f]{2}){16,}$/i.test(key)) throw new Error('A packet key is at least 16 bytes, written in hex.');
  return hexToBytes(key.toLowerCase());
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

// The gzip header every packet has: deflate, no flags, no time, "unknown" OS (RFC 1952).
const gzipHeader = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];
const level = 6;

const crcTable = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const readU32 = (bytes: Uint8Array, at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

/** A fresh packet id (random, hex). */
export function newPacketId(): string {
  return bytesToHex(randomBytes(16));
}

/** Makes a packet file: the header and body, authenticated with the device's packet key, gzip-compressed. */
export function encodePacket(packet: Packet, key: string | Uint8Array): Uint8Array {
  const header: PacketHeader = { ...packet.header, format: packetFormat };
  const body = JSON.stringify(packet.body);
  const mac = bytesToHex(hmac(sha256, keyBytes(key), macInput(header, body)));
  const bytes = gzipSync(strToU8(JSON.stringify({ header, body, mac })), { level, mtime: 0 });
  bytes.set(gzipHeader, 0);
  return bytes;
}

const refuse = (code: PacketRefusal['code'], message: string): { ok: false; refusal: PacketRefusal } => ({ ok: false, refusal: { code, message } });

/** A packet opened but not yet verified: its header can choose the key (the hub looks up the device). */
export type OpenedPacket = { header: PacketHeader; bodyText: string; mac: string };

/**
 * Unpacks a file and reads its header, without the key: refuses what is not a packet, is cut
 * short or damaged, or has a version this build cannot read. Verify with `verifyPacket`.
 */
export function openPacket(bytes: Uint8Array): PacketResult<OpenedPacket> {
  if (bytes.length > maxPacketBytes) return refuse('too-large', `This file is larger than ${maxPacketBytes / 1024 / 1024} MB: it is not a sync packet.`);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    return refuse('not-a-packet', 'This file is not an Apogee sync packet (it is not a compressed packet file).');
  const damaged = refuse('corrupt', 'This sync packet is incomplete or damaged (it may have been cut short while copying): make the file again.');
  if (bytes.length < gzipHeader.length + 8 || gzipHeader.some((b, i) => bytes[i] !== b)) return damaged;
  const size = readU32(bytes, bytes.length - 4);
  if (size > maxPacketContentBytes) return damaged;
  let content: Uint8Array;
  try {
    content = gunzipSync(bytes, { out: new Uint8Array(size) });
  } catch {
    return damaged;
  }
  // fflate trusts the trailer: check the length and checksum it does not.
  if (content.length !== size || crc32(content) !== readU32(bytes, bytes.length - 8)) return damaged;
  let outer: unknown;
  try {
    outer = JSON.parse(strFromU8(content));
  } catch {
    return damaged;
  }
  const envelope = z.object({ header: z.object({ format: z.literal(packetFormat) }).loose(), body: z.string(), mac: z.string() }).safeParse(outer);
  if (!envelope.success) return refuse('not-a-packet', 'This file is not an Apogee sync packet.');
  const version = (envelope.data.header as { version?: unknown }).version;
  if (version !== packetVersion)
    return refuse('unknown-version', `This sync packet has version ${String(version)}; this copy of Apogee reads version ${packetVersion}. Update Apogee here or on the other side.`);
  const header = headerSchema.safeParse(envelope.data.header);
  if (!header.success) return damaged;
  return { ok: true, packet: { header: header.data, bodyText: envelope.data.body, mac: envelope.data.mac } };
}

/** What the reader expects: its organisation, the device (when known) and the kind. */
export type PacketExpectation = { organisationId: string; clientId?: string; kind?: PacketKind };

/** Checks who an opened packet is for (no key needed); the first step of verifying it. */
export function checkAddress(header: PacketHeader, expected: PacketExpectation): PacketRefusal | undefined {
  if (header.organisationId !== expected.organisationId)
    return { code: 'other-organisation', message: 'This sync packet belongs to another organisation: it cannot be used here.' };
  if (expected.clientId !== undefined && header.clientId !== expected.clientId)
    return { code: 'other-device', message: 'This sync packet was made for another device: open it on the device it was made for.' };
  if (expected.kind && header.kind !== expected.kind)
    return header.kind === 'receipt'
      ? { code: 'wrong-kind', message: 'This is a reply file from the hub: open it on the device, not on the hub.' }
      : { code: 'wrong-kind', message: 'This is a file of waiting changes from a device: it goes to the hub, which answers with a reply file.' };
  return undefined;
}

/** Verifies an opened packet with the device's key and reads its body. */
export function verifyPacket(opened: OpenedPacket, key: string | Uint8Array, expected: PacketExpectation): PacketResult<Packet> {
  const wrongAddress = checkAddress(opened.header, expected);
  if (wrongAddress) return { ok: false, refusal: wrongAddress };
  const expectedMac = hmac(sha256, keyBytes(key), macInput(opened.header, opened.bodyText));
  const mac = /^[0-9a-f]{64}$/.test(opened.mac) ? hexToBytes(opened.mac) : new Uint8Array();
  if (!sameBytes(mac, expectedMac))
    return refuse('altered', 'This sync packet was altered after it was made (or made with another key): it is refused. Make the file again.');
  let body: unknown;
  try {
    body = JSON.parse(opened.bodyText);
  } catch {
    return refuse('corrupt', 'This sync packet is damaged: make the file again.');
  }
  const { header } = opened;
  if (header.kind === 'changes') {
    const parsed = changesBodySchema.safeParse(body);
    if (!parsed.success || parsed.data.push.clientId !== header.clientId) return refuse('corrupt', 'This sync packet does not hold what a packet of changes holds: make the file again.');
    return { ok: true, packet: { header: { ...header, kind: 'changes' }, body: { push: parsed.data.push, cursor: parsed.data.cursor } } };
  }
  const parsed = receiptBodySchema.safeParse(body);
  if (!parsed.success) return refuse('corrupt', 'This reply file does not hold what a reply holds: import the changes again on the hub.');
  return { ok: true, packet: { header: { ...header, kind: 'receipt' }, body: body as ReceiptBody } };
}

/** Opens and verifies a packet file: the packet, or why it is refused. */
export function decodePacket(bytes: Uint8Array, key: string | Uint8Array, expected: PacketExpectation): PacketResult<Packet> {
  const opened = openPacket(bytes);
  if (!opened.ok) return opened;
  return verifyPacket(opened.packet, key, expected);
}
