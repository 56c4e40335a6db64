// Finds and starts the Electron binary for `npm start` without ever hanging on electron's own
// lazy download (requiring the `electron` package downloads synchronously when it is missing).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './electronBundles.mjs';

/** The first line of a tool's output that says what went wrong, trimmed for a one-line message. */
export function summariseOutput(output) {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const telling =
    lines.find((line) => /error|fail|cannot|missing|not /i.test(line)) ?? lines.at(-1) ?? '';
  return telling.length > 160 ? `${telling.slice(0, 157)}...` : telling;
}

/**
 * The Electron executable installed under `<root>/node_modules/electron`, found the way the
 * package itself does (path.txt names it inside dist/) but without its download fallback.
 */
export function findElectronBinary(root = projectRoot) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(packageDir, 'package.json'))) {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { ok: false, reason: 'the Electron binary has not been downloaded' };
  }
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) {
    return { ok: false, reason: `the Electron binary is missing (${path.relative(root, binary)})` };
  }
  return { ok: true, binary };
}

/** Runs electron's install.js (the binary download) with a time limit; resolves to why it failed, or null. */
export function downloadElectron({ root = projectRoot, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules', 'electron', 'install.js')],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill();
      resolve(`downloading it took longer than ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(`downloading it could not start: ${error.message}`);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(
        code === 0
          ? null
          : `downloading it failed: ${summariseOutput(output) || `exit code ${code}`}`,
      );
    });
  });
}

/**
 * Why Electron surely cannot show a window here, or null. On Linux a window needs an X11 or
 * Wayland display; without one Electron would only crash.
 */
export function missingDisplay(env = process.env, platform = process.platform) {
  if (platform !== 'linux') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY
    ? null
    : 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set';
}

/**
 * Starts `binary args…` and watches it for `graceMs`. If it fails to start or exits with an
 * error in that time, resolves to `{ok: false, reason}` (its error output is kept for the
 * reason, not printed). Otherwise resolves to `{ok: true, child}` with its output flowing
 * through.
 */
export function launchAndWatch(
  binary,
  args,
  { graceMs = 5_000, env = process.env, cwd = projectRoot } = {},
) {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let settled = false;
    let early = '';
    const collect = (chunk) => {
      if (!settled) early += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);

    const settle = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      // Running: show what it printed so far and everything it prints from now on.
      process.stdout.write(early);
      child.stdout.pipe(process.stdout);
      child.stderr.pipe(process.stderr);
      settle({ ok: true, child });
    }, graceMs);

    child.on('error', (error) =>
      settle({ ok: false, reason: `it could not start: ${error.message}` }),
    );
    child.on('exit', (code, signal) => {
      if (settled) return;
      if (code === 0) {
        process.stdout.write(early);
        settle({ ok: true, child, exited: true });
        return;
      }
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const detail = summariseOutput(early);
      settle({ ok: false, reason: detail ? `it ${how}: ${detail}` : `it ${how}` });
    });
  });
}
