import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Change } from '../shared/sync/protocol';
import {
  checkAddress,
  encodePacket,
  maxPacketBytes,
  newPacketId,
  openPacket,
  packetExtension,
  packetFormat,
  packetVersion,
  verifyPacket,
  type ChangesPacket,
  type PacketRefusal,
  type ReceiptPacket,
} from '../shared/sync/packet';
import type { Database } from './db/schema';
import { organisation } from './organisation';
import { SyncError, pull, push } from './sync';

/**
 * Sync packets on the hub (ARCHITECTURE.md "sync packets"): a coordinator brings a device's
 * packet of changes on a stick and posts it here; the hub runs the same push (permission checks
 * included) as the device's account, pulls the changes for that device from the cursor the
 * packet carries, and answers a receipt packet to carry back. No token is needed: the packet's
 * MAC under the device's packet key is the proof. Importing a packet again is harmless (push
 * answers its stored results).
 *
 *   curl --data-binary @changes.apogee -H 'content-type: application/octet-stream' \
 *        http://HUB/sync/packet -o reply.apogee
 *
 * or the upload form at GET /sync/packet (no script).
 */

/** Uncompressed bytes of changes one receipt carries at most (several pull pages merged). */
export const receiptBudget = 32 * 1024 * 1024;
const pageBudget = 4 * 1024 * 1024;

export type ImportedPacket = { receipt: Uint8Array; fileName: string; summary: { mutations: number; ok: number; rejected: number; changes: number; hasMore: boolean } };

function refused(log: FastifyBaseLogger, refusal: PacketRefusal, context: Record<string, unknown> = {}): SyncError {
  log.warn({ code: refusal.code, ...context }, `sync packet refused: ${refusal.message}`);
  return new SyncError(400, `packet-${refusal.code}`, refusal.message);
}

/** Imports a packet of changes; answers the receipt, or throws a SyncError saying why not. */
export async function importPacket(db: Kysely<Database>, bytes: Uint8Array, log: FastifyBaseLogger): Promise<ImportedPacket> {
  const opened = openPacket(bytes);
  if (!opened.ok) throw refused(log, opened.refusal, { bytes: bytes.length });
  const { header } = opened.packet;
  const context = { packet: header.packetId, client: header.clientId };
  const org = await organisation(db);
  const wrongAddress = checkAddress(header, { organisationId: org.id, kind: 'changes' });
  if (wrongAddress) throw refused(log, wrongAddress, context);
  const client = await db.selectFrom('clients').selectAll().where('client_id', '=', header.clientId).executeTakeFirst();
  if (!client)
    throw refused(log, { code: 'other-device', message: 'This sync packet comes from a device this hub does not know: sign in to the hub once from that device.' }, context);
  const verified = verifyPacket(opened.packet, client.packet_key, { organisationId: org.id, clientId: client.client_id, kind: 'changes' });
  if (!verified.ok) throw refused(log, verified.refusal, context);
  if (verified.packet.header.kind !== 'changes') throw refused(log, { code: 'wrong-kind', message: 'Not a packet of changes.' }, context);
  const { body } = verified.packet as ChangesPacket;
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', client.account_id).executeTakeFirst();
  if (!account || account.disabled) {
    log.warn(context, 'sync packet refused: account disabled');
    throw new SyncError(403, 'forbidden', 'The account this device signed in with is disabled on this hub: its changes are not accepted.');
  }

  const pushed = await push(db, account, body.push);

  // The changes for that device, from its cursor (a fresh copy of its scope when the hub cannot
  // continue from there), several pages merged up to the receipt's budget.
  let cursor = body.cursor;
  let fresh = false;
  let hasMore = true;
  let bytesIn = 0;
  const latest = new Map<string, Change>();
  while (hasMore && bytesIn < receiptBudget) {
    let page;
    try {
      page = await pull(db, account, client.client_id, cursor, { budget: pageBudget });
    } catch (error) {
      if (error instanceof SyncError && error.code === 'resync-required' && !fresh) {
        fresh = true;
        cursor = '';
        latest.clear();
        continue;
      }
      throw error;
    }
    for (const change of page.changes) {
      // One change per row: its latest state (merged pages could otherwise delete after putting).
      const key = `${change.t}\u0000${change.id}`;
      const seen = latest.get(key);
      if (seen && seen.s > change.s) continue;
      latest.delete(key);
      latest.set(key, change);
      bytesIn += JSON.stringify(change).length + 1;
    }
    cursor = page.cursor;
    hasMore = page.hasMore;
  }

  const receipt: ReceiptPacket = {
    header: {
      format: packetFormat,
      kind: 'receipt',
      version: packetVersion,
      organisationId: org.id,
      clientId: client.client_id,
      createdAt: new Date().toISOString(),
      packetId: newPacketId(),
    },
    body: { replyTo: header.packetId, push: pushed, baseCursor: fresh ? '' : body.cursor, fresh, changes: [...latest.values()], cursor, hasMore },
  };
  const summary = {
    mutations: body.push.mutations.length,
    ok: pushed.results.filter((r) => r.status === 'ok').length,
    rejected: pushed.results.filter((r) => r.status === 'rejected').length,
    changes: receipt.body.changes.length,
    hasMore,
  };
  log.info({ ...context, ...summary, fresh }, 'sync packet imported');
  const device = (client.device_name || client.client_id).replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'device';
  const fileName = `apogee-reply-${device}-${receipt.header.createdAt.slice(0, 10)}${packetExtension}`;
  return { receipt: encodePacket(receipt, client.packet_key), fileName, summary };
}

function download(reply: FastifyReply, imported: ImportedPacket) {
  const ascii = imported.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(imported.fileName)}`)
    .header('cache-control', 'no-store')
    .header('x-apogee-summary', JSON.stringify(imported.summary))
    .send(Buffer.from(imported.receipt));
}

/** The first file of a multipart/form-data body (the upload form), or undefined. */
export function firstFile(body: Buffer, contentType: string): Buffer | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const headersEnd = body.indexOf('\r\n\r\n', at);
    if (headersEnd < 0) return undefined;
    const headers = body.subarray(at + delimiter.length, headersEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd + 4);
    if (next < 0) return undefined;
    if (/content-disposition:[^\r\n]*\bfilename=/i.test(headers)) return body.subarray(headersEnd + 4, next);
    at = next + 2;
  }
  return undefined;
}

const style = `
:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans",sans-serif;line-height:1.5}
body{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.5rem}
fieldset{border:1px solid #8885;border-radius:.5rem;margin:1rem 0;padding:.75rem 1rem}
button{font:inherit;padding:.5rem 1.25rem;border-radius:.4rem;border:1px solid #2563eb;background:#2563eb;color:#fff;cursor:pointer}
.refused{border:2px solid #b91c1c;background:#b91c1c14;border-radius:.5rem;padding:1rem}
code{word-break:break-all}
`;

/** The upload page's policy: its own inline style only, no script, forms post only here. */
export const packetPageCsp = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escape = (value: string) => value.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The upload form, with a refusal above it when the last file was refused. */
export function packetPage(refusal?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Import a sync packet — Apogee hub</title><style>${style}</style></head>
<body><h1>Import a sync packet</h1>
<p>A device with no network saved its waiting changes to a file (“Sync by file” in Apogee). Choose that file here: the hub applies the changes, exactly as a normal sync would, and gives you a reply file to download. Take the reply file back to the device and open it there under “Sync by file”.</p>
${refusal ? `<div class="refused" role="alert"><strong>This file was not imported.</strong><p>${escape(refusal)}</p><p>Nothing was changed on the hub.</p></div>` : ''}
<form method="post" action="/sync/packet" enctype="multipart/form-data"><fieldset>
<label>Packet file (.apogee) <input type="file" name="packet" accept="${packetExtension},application/octet-stream" required></label>
</fieldset><button type="submit">Import and download the reply</button></form>
<p>Importing the same file twice is harmless. From a terminal:<br><code>curl --data-binary @changes.apogee -H 'content-type: application/octet-stream' http://HUB/sync/packet -o reply.apogee</code></p>
</body></html>`;
}

function page(reply: FastifyReply, status: number, refusal?: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', packetPageCsp)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(packetPage(refusal));
}

/** Registers POST /sync/packet (octet-stream or the upload form) and GET /sync/packet (the form). */
export async function packetRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }): Promise<void> {
  await app.register((scope, _options, done) => {
    const limit = maxPacketBytes + 64 * 1024;
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxPacketBytes }, (_request, body, done) => done(null, body));
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) => done(null, body));

    scope.get('/sync/packet', (_request, reply) => page(reply, 200));

    scope.post('/sync/packet', { bodyLimit: limit }, async (request: FastifyRequest, reply) => {
      const contentType = String(request.headers['content-type'] ?? '');
      const body = Buffer.isBuffer(request.body) ? request.body : undefined;
      if (!contentType.startsWith('multipart/form-data')) {
        if (!body) throw new SyncError(400, 'bad-request', 'Send the packet file as the request body, with content-type application/octet-stream.');
        return download(reply, await importPacket(db, body, request.log));
      }
      // The upload form: refusals come back as the form with the reason.
      const file = body && firstFile(body, contentType);
      if (!file?.length) return page(reply, 400, 'Choose a packet file first.');
      try {
        return download(reply, await importPacket(db, file, request.log));
      } catch (error) {
        if (error instanceof SyncError) return page(reply, error.status, error.message);
        throw error;
      }
    });
    done();
  });
}
