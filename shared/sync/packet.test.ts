import { gzipSync, strToU8 } from 'fflate';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  decodePacket,
  encodePacket,
  maxPacketBytes,
  newPacketId,
  openPacket,
  packetFormat,
  packetVersion,
  type ChangesPacket,
  type Packet,
  type ReceiptPacket,
} from './packet';
import { syncSchemaVersion } from './protocol';

const key = 'a1'.repeat(32);
const otherKey = 'b2'.repeat(32);
const org = 'org-1';
const client = 'client-0001';

function changes(overrides: Partial<ChangesPacket['header']> = {}): ChangesPacket {
  return {
    header: { format: packetFormat, kind: 'changes', version: packetVersion, organisationId: org, clientId: client, createdAt: '2026-03-01T10:00:00.000Z', packetId: newPacketId(), ...overrides },
    body: {
      push: {
        clientId: client,
        schemaVersion: syncSchemaVersion,
        pending: 2,
        deviceName: 'Field laptop — 教室 — مختبر',
        mutations: [
          { id: 'm-1', seq: 1, name: 'programme.create', version: 1, args: { id: 'p-1', name: 'CubeSat Design' }, at: '2026-03-01T09:00:00.000Z', seen: 0, writes: [['programmes', 'p-1']] },
          { id: 'm-2', seq: 2, name: 'person.create', version: 1, args: { id: 't-1', nativeName: '李伟' }, at: '2026-03-01T09:01:00.000Z', seen: 0, writes: [] },
        ],
      },
      cursor: '12.coordinator',
    },
  };
}

function receipt(): ReceiptPacket {
  return {
    header: { format: packetFormat, kind: 'receipt', version: packetVersion, organisationId: org, clientId: client, createdAt: '2026-03-02T10:00:00.000Z', packetId: newPacketId() },
    body: {
      replyTo: 'abc',
      push: { results: [{ seq: 1, id: 'm-1', status: 'ok' }], lastSeq: 1 },
      baseCursor: '12.coordinator',
      fresh: false,
      changes: [{ t: 'programmes', id: 'p-1', s: 13, r: { id: 'p-1', name: 'CubeSat Design' } }, { t: 'people', id: 'x', s: 14 }],
      cursor: '14.coordinator',
      hasMore: false,
    },
  };
}

const expected = { organisationId: org, clientId: client };

function refusal(bytes: Uint8Array, k = key, e: Parameters<typeof decodePacket>[2] = expected) {
  const result = decodePacket(bytes, k, e);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.refusal.message.length).toBeGreaterThan(20);
  return result.refusal.code;
}

/** Re-packs a packet's JSON envelope after changing it (what an editor of the unpacked file could do). */
function repack(bytes: Uint8Array, change: (envelope: { header: Record<string, unknown>; body: string; mac: string }) => void): Uint8Array {
  const opened = openPacket(bytes);
  if (!opened.ok) throw new Error('not a packet');
  const envelope = { header: { ...opened.packet.header } as Record<string, unknown>, body: opened.packet.bodyText, mac: opened.packet.mac };
  change(envelope);
  const out = gzipSync(strToU8(JSON.stringify(envelope)), { level: 6, mtime: 0 });
  out.set([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff], 0);
  return out;
}

describe('sync packets', () => {
  it('round-trips a packet of changes and a receipt', () => {
    for (const packet of [changes(), receipt()] as Packet[]) {
      const bytes = encodePacket(packet, key);
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      const result = decodePacket(bytes, key, { ...expected, kind: packet.header.kind });
      expect(result).toEqual({ ok: true, packet });
    }
  });

  it('is compressed and never carries the key', () => {
    const packet = changes();
    packet.body.push.mutations = Array.from({ length: 300 }, (_, i) => ({ id: `m-${i + 1}`, seq: i + 1, name: 'attendance.mark', version: 1, args: { meetingId: 'meeting-1', personId: `t-${i}`, status: 'present' }, at: '2026-03-01T09:00:00.000Z', seen: 4, writes: [] }));
    const bytes = encodePacket(packet, key);
    expect(bytes.length).toBeLessThan(JSON.stringify(packet).length / 5);
    const opened = openPacket(bytes);
    expect(opened.ok && JSON.stringify(opened.packet)).not.toContain(key);
  });

  it('checks the key given as bytes the same way as in hex', () => {
    const bytes = encodePacket(changes(), key);
    expect(decodePacket(bytes, hexToBytes(key), expected).ok).toBe(true);
  });

  it('refuses what is not a packet', () => {
    expect(refusal(new Uint8Array())).toBe('not-a-packet');
    expect(refusal(strToU8('{"header":{}}'))).toBe('not-a-packet');
    expect(refusal(strToU8('serial,name\n1,Amina\n'))).toBe('not-a-packet');
    // A gzip file of something else.
    const other = gzipSync(strToU8(JSON.stringify({ hello: 'world' })), { mtime: 0 });
    other.set([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff], 0);
    expect(refusal(other)).toBe('not-a-packet');
  });

  it('refuses a packet cut short at any length', () => {
    const bytes = encodePacket(changes(), key);
    for (let length = 2; length < bytes.length; length++) expect(refusal(bytes.subarray(0, length)), `cut at ${length}`).toBe('corrupt');
  });

  it('refuses a packet with a byte flipped anywhere', () => {
    const bytes = encodePacket(changes(), key);
    for (let i = 0; i < bytes.length; i++) {
      const copy = bytes.slice();
      copy[i] = copy[i]! ^ 0xff;
      const result = decodePacket(copy, key, expected);
      expect(result.ok, `byte ${i}`).toBe(false);
    }
  });

  it('refuses a packet with bytes added at the end', () => {
    const bytes = encodePacket(changes(), key);
    expect(refusal(Uint8Array.from([...bytes, 0]))).toBe('corrupt');
  });

  it('refuses a packet whose content was edited and packed again', () => {
    const bytes = encodePacket(changes(), key);
    const edited = repack(bytes, (e) => {
      e.body = e.body.replace('"seq":2', '"seq":3');
    });
    expect(refusal(edited)).toBe('altered');
    const header = repack(bytes, (e) => {
      e.header.createdAt = '2020-01-01T00:00:00.000Z';
    });
    expect(refusal(header)).toBe('altered');
    const noMac = repack(bytes, (e) => {
      e.mac = 'not hex';
    });
    expect(refusal(noMac)).toBe('altered');
  });

  it('refuses a packet made with another key', () => {
    expect(refusal(encodePacket(changes(), otherKey))).toBe('altered');
  });

  it('refuses a packet for another organisation or another device, even when it verifies', () => {
    expect(refusal(encodePacket(changes({ organisationId: 'org-2' }), key))).toBe('other-organisation');
    expect(refusal(encodePacket(changes(), key), key, { organisationId: 'org-2' })).toBe('other-organisation');
    expect(refusal(encodePacket(changes(), key), key, { organisationId: org, clientId: 'client-0002' })).toBe('other-device');
  });

  it('refuses the wrong kind', () => {
    expect(refusal(encodePacket(changes(), key), key, { ...expected, kind: 'receipt' })).toBe('wrong-kind');
    expect(refusal(encodePacket(receipt(), key), key, { ...expected, kind: 'changes' })).toBe('wrong-kind');
  });

  it('refuses an unknown version with a clear message', () => {
    const bytes = encodePacket({ ...changes(), header: { ...changes().header, version: packetVersion + 1 } }, key);
    expect(refusal(bytes)).toBe('unknown-version');
    const result = decodePacket(bytes, key, expected);
    expect(!result.ok && result.refusal.message).toContain(`version ${packetVersion + 1}`);
  });

  it('refuses a changes packet whose push is for another client than its header', () => {
    const packet = changes();
    packet.body.push.clientId = 'client-9999';
    expect(refusal(encodePacket(packet, key))).toBe('corrupt');
  });

  it('refuses an oversized file and a length that would unpack into too much', () => {
    expect(refusal(new Uint8Array(maxPacketBytes + 1))).toBe('too-large');
    const bytes = encodePacket(changes(), key);
    const bomb = bytes.slice();
    bomb.set([0xff, 0xff, 0xff, 0xff], bomb.length - 4);
    expect(refusal(bomb)).toBe('corrupt');
  });

  it('refuses a key that is not hex', () => {
    expect(() => encodePacket(changes(), 'secret')).toThrow(/hex/);
  });
});
