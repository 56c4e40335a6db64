// Minimal types for the independent verifier used in tests (Digital Bazaar's libraries have
// none): only what test/unit/credentials*.test.ts call.

declare module '@digitalbazaar/vc' {
  type Loader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  export type VerifyResult = { verified: boolean; error?: unknown; results?: unknown[] };
  export function verifyCredential(options: {
    credential: object;
    suite: object | object[];
    documentLoader: Loader;
    checkStatus?: () => Promise<{ verified: boolean }>;
    now?: Date;
  }): Promise<VerifyResult>;
  export function issue(options: { credential: object; suite: object; documentLoader: Loader; now?: Date }): Promise<Record<string, unknown>>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: object; signer?: object; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: object;
}

declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  export function createVerifyCryptosuite(): object;
  export function createSignCryptosuite(): object;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export type Multikey = { id: string; controller: string; publicKeyMultibase: string; signer(): object; verifier(): object };
  export function generate(options: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Multikey>;
}

declare module '@digitalbazaar/multikey-context' {
  const multikeyContext: { contexts: ReadonlyMap<string, unknown>; CONTEXT_URL: string };
  export default multikeyContext;
}
