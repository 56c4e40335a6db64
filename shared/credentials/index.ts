/**
 * Verifiable certificates: W3C Verifiable Credentials 2.0 / Open Badges 3.0 signed with Data
 * Integrity EdDSA proofs over did:key, verified offline. Pure: runs in the renderer, in Node
 * (command line, hub) and in tests. See docs/specs/0004-certificates.md.
 */
export * from './errors';
export * from './json';
export * from './contexts';
export * from './didKey';
export * from './signer';
export * from './dataIntegrity';
export * from './endorsement';
export * from './openBadge';
export * from './statusList';
export * from './serial';
export * from './base45';
export * from './qr';
export * from './pdfAttachment';
export * from './kit';
export * from './verify';
export * from './describe';
