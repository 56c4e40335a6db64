import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import canonicalize from 'canonicalize';

/**
 * A short fingerprint of a row's content, the same for equal rows whatever the order of their
 * keys (the hub's JSON store reorders them) and different for any other content, to tell the
 * hub "this device already holds exactly this": the first 48 bits of SHA-256 over its JSON as
 * RFC 8785 (JCS) canonicalises it (8 characters), so two different rows pass for one about once
 * in 3·10^14 comparisons. Not a security measure: a device that lies only withholds rows from
 * itself. A missing row and a deletion hash alike (as `null`).
 */
export function rowHash(row: unknown): string {
  return base64urlnopad.encode(sha256(utf8ToBytes(canonicalize(row) ?? 'null')).subarray(0, 6));
}

/** The distinct rows the changes of a push wrote, in the order they first appear: what `have` lists. */
export function writtenKeys(mutations: readonly { writes?: readonly (readonly [string, string])[] }[]): [string, string][] {
  const seen = new Set<string>();
  const keys: [string, string][] = [];
  for (const m of mutations)
    for (const [table, id] of m.writes ?? []) {
      const key = `${table}\u0000${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push([table, id]);
    }
  return keys;
}
