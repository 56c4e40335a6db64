// The parts of shared/credentials the CLI uses, written out so that scripts/ type-checks
// without compiling shared/ (whose library declarations live in shared/credentials/vendor.d.ts).
type Problem = { code: string; params: Record<string, string | number> };
type Outcome<T> = { ok: true; value: T } | { ok: false; error: Problem };
type Result = { status: string; problems: Problem[] };
type Credentials = {
  verifyCertificate(
    input: unknown,
    options: { trust: readonly string[]; statusLists?: readonly unknown[]; revocations?: Record<string, { date: string; reason: string }>; now: Date | string },
  ): Promise<Result>;
  extractCredential(bytes: Uint8Array): Promise<Outcome<{ fileName: string; credential: object }>>;
  parseVerificationKit(value: unknown): Outcome<{ organisation: string; rootKeys: string[]; statusLists: object[]; revocations: Record<string, { date: string; reason: string }> }>;
  credentialProblemText(problem: Problem): string;
  describeVerification(result: Result): string[];
};

/** The help text. */
export declare const usage: string;

/** The command line, read. */
export type VerifyCliOptions = {
  input: string | undefined;
  trust: string | undefined;
  statusLists: string[];
  json: boolean;
  now: string | undefined;
  help: boolean;
};

/** Reads the command line; throws an error with a message for the user when it is wrong. */
export declare function parseArgs(args: readonly string[]): VerifyCliOptions;

/** Bundles shared/credentials with esbuild and imports it. */
export declare function loadCredentials(options?: { root?: string }): Promise<Credentials>;

/** Runs the verifier; resolves to the exit code (0 valid, 1 not valid, 2 wrong command). */
export declare function runVerifyCli(
  args: readonly string[],
  io: {
    credentials: Credentials;
    out?: (text: string) => void;
    err?: (text: string) => void;
    now?: () => Date;
  },
): Promise<number>;
