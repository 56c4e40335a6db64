import type { ChildProcess } from 'node:child_process';

/** The line of a tool's output that says what went wrong. */
export declare function summariseOutput(output: string): string;
/** The installed Electron executable, or why there is none. */
export declare function findElectronBinary(
  root?: string,
): { ok: true; binary: string } | { ok: false; reason: string };
/** Runs electron's binary download with a time limit; resolves to why it failed, or null. */
export declare function downloadElectron(options?: {
  root?: string;
  timeoutMs?: number;
}): Promise<string | null>;
/** Why no window can be shown here (Linux without a display), or null. */
export declare function missingDisplay(
  env?: Record<string, string | undefined>,
  platform?: string,
): string | null;
/** Starts a program and reports whether it is still running (or exited cleanly) after `graceMs`. */
export declare function launchAndWatch(
  binary: string,
  args: readonly string[],
  options?: { graceMs?: number; env?: Record<string, string | undefined>; cwd?: string },
): Promise<{ ok: true; child: ChildProcess; exited?: boolean } | { ok: false; reason: string }>;
