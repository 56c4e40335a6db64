import {
  decodePacket,
  encodePacket,
  newPacketId,
  packetExtension,
  packetFormat,
  packetVersion,
  type ChangesPacket,
  type PacketRefusal,
  type ReceiptPacket,
} from '../../shared/sync/packet';
import { decodeCursor, maxPushMutations } from '../../shared/sync/protocol';
import { dataTables, type ApogeeDb } from '../db/schema';
import { applyPulledPage, clearSyncedData, replayOutbox, storeAcknowledgement } from '../db/syncApply';
import { acknowledgement, pushRequestOf } from './engine';
import { readSession } from './state';

/**
 * Sync by file, for a device with no network at all (ARCHITECTURE.md "sync packets"): the
 * device saves its waiting changes as a packet file, someone carries it to the hub, and brings
 * back the hub's reply file, which the device opens here. The same acknowledgement and pulled
 * page steps as the sync engine; nothing leaves the outbox until a reply answers it.
 */

export type PacketProblem = PacketRefusal | { code: 'signed-out'; message: string };

export type ExportedPacket = {
  bytes: Uint8Array;
  fileName: string;
  /** Changes in the file. */
  changes: number;
  /** Changes still waiting that did not fit in this file (save another after the reply). */
  left: number;
};

/** A name for a packet file: what it is, the device and the day. */
function fileNameOf(what: string, deviceName: string, at: string): string {
  const device = deviceName.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'device';
  return `apogee-${what}-${device}-${at.slice(0, 10)}${packetExtension}`;
}

async function cursorOf(db: ApogeeDb): Promise<string> {
  const text = (await db.syncState.get('cursor'))?.text;
  return typeof text === 'string' ? text : '';
}

/**
 * The changes waiting on this device (from the front of the outbox, as many as one push takes)
 * and how far it has pulled, as a packet file signed with its packet key. The outbox is left
 * as it is: changes leave it only when a reply file (or a sync) answers them.
 */
export async function exportChangesPacket(db: ApogeeDb, now = new Date()): Promise<{ ok: true; packet: ExportedPacket } | { ok: false; problem: PacketProblem }> {
  const session = await readSession(db);
  if (!session) return { ok: false, problem: { code: 'signed-out', message: 'Sign in to the hub once on this device first: files are signed with a key the hub gives at sign-in.' } };
  const [entries, total, cursor] = await db.transaction('r', [db.outbox, db.syncState], async () => [
    await db.outbox.orderBy('seq').limit(maxPushMutations).toArray(),
    await db.outbox.count(),
    await cursorOf(db),
  ] as const);
  const createdAt = now.toISOString();
  const packet: ChangesPacket = {
    header: { format: packetFormat, kind: 'changes', version: packetVersion, organisationId: session.organisation.id, clientId: session.clientId, createdAt, packetId: newPacketId() },
    body: {
      push: await pushRequestOf(db, session, entries, total),
      cursor,
    },
  };
  return {
    ok: true,
    packet: { bytes: encodePacket(packet, session.packetKey), fileName: fileNameOf('changes', session.deviceName, createdAt), changes: entries.length, left: total - entries.length },
  };
}

/** What opening a reply file did. */
export type ReceiptReport = {
  /** Waiting changes the reply answered (they left the outbox). */
  answered: number;
  rejected: number;
  adjusted: number;
  /**
   * The hub's changes: `applied` (stored, `pulled` of them), `fresh` (a fresh copy replaced
   * the synced data), `already` (this device has them or newer ones: the reply is older than
   * its last sync) or `skipped` (the reply starts from a point this device is no longer at).
   */
  changes: 'applied' | 'fresh' | 'already' | 'skipped';
  pulled: number;
  /** The hub has more changes than the reply carried. */
  hasMore: boolean;
  /** Changes still waiting on this device. */
  waiting: number;
};

/** Whether a reply's changes fit this device's cursor now, and how. */
function fit(device: string, receipt: ReceiptPacket['body']): ReceiptReport['changes'] {
  const d = decodeCursor(device) ?? { seq: 0, scope: '' };
  const base = decodeCursor(receipt.baseCursor);
  const target = decodeCursor(receipt.cursor);
  if (!base || !target) return 'skipped';
  // As far as the reply or further along: its changes are no news (an old reply opened after a newer sync, or twice).
  if (device === receipt.cursor || (d.scope === target.scope && d.seq >= target.seq)) return 'already';
  if (receipt.fresh) return 'fresh';
  // From where the device was when it saved the changes, or between there and the reply's end:
  // the reply holds each row's latest state, so re-storing rows it already has is harmless.
  if (device === receipt.baseCursor || (d.scope === target.scope && base.seq <= d.seq)) return 'applied';
  return 'skipped';
}

/**
 * Opens a reply file from the hub: checks it was made for this device (and is unaltered), then,
 * in one transaction, takes the answered changes off the outbox (filing refused and adjusted ones
 * in Needs attention, exactly as a sync does), stores the hub's changes with their cursor when
 * they fit, and re-applies what is still waiting. Opening the same file again changes nothing;
 * a refused file changes nothing.
 */
export async function importReceiptPacket(db: ApogeeDb, bytes: Uint8Array): Promise<{ ok: true; report: ReceiptReport } | { ok: false; problem: PacketProblem }> {
  const session = await readSession(db);
  if (!session) return { ok: false, problem: { code: 'signed-out', message: 'Sign in to the hub once on this device first: reply files are checked with a key the hub gives at sign-in.' } };
  const decoded = decodePacket(bytes, session.packetKey, { organisationId: session.organisation.id, clientId: session.clientId, kind: 'receipt' });
  if (!decoded.ok) return { ok: false, problem: decoded.refusal };
  const { body } = decoded.packet as ReceiptPacket;
  return {
    ok: true,
    report: await db.transaction('rw', [...dataTables, 'outbox', 'inbox', 'syncState'], async () => {
      const answeredSeqs = body.push.results.map((r) => r.seq);
      const entries = await db.outbox.bulkGet(answeredSeqs);
      const ack = acknowledgement(
        entries.filter((e) => e !== undefined),
        body.push,
      );
      if (ack.done.length || ack.inbox.length) await storeAcknowledgement(db, ack);
      const changes = fit(await cursorOf(db), body);
      const next = decodeCursor(body.cursor);
      if (changes === 'fresh') await clearSyncedData(db);
      if ((changes === 'applied' || changes === 'fresh') && next) await applyPulledPage(db, body.changes, { seq: next.seq, text: body.cursor });
      const stored = changes === 'applied' || changes === 'fresh';
      const waiting = await db.outbox.count();
      if ((stored || ack.restore.length) && waiting) await replayOutbox(db);
      return {
        answered: ack.done.length,
        rejected: ack.inbox.filter((i) => i.kind === 'rejected').length,
        adjusted: ack.inbox.filter((i) => i.kind === 'adjusted').length,
        changes,
        pulled: stored ? body.changes.length : 0,
        hasMore: body.hasMore,
        waiting,
      };
    }),
  };
}
