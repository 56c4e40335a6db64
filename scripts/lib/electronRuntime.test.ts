import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findElectronBinary,
  launchAndWatch,
  missingDisplay,
  summariseOutput,
} from './electronRuntime.mjs';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'apogee-electron-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function installFakeElectron({ pathTxt, binary }: { pathTxt?: string; binary?: string }) {
  const dir = path.join(root, 'node_modules', 'electron');
  await mkdir(path.join(dir, 'dist'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), '{"name":"electron"}');
  if (pathTxt !== undefined) await writeFile(path.join(dir, 'path.txt'), pathTxt);
  if (binary !== undefined) await writeFile(path.join(dir, 'dist', binary), '');
}

describe('electronRuntime', () => {
  it('says the package is missing when electron is not installed', () => {
    expect(findElectronBinary(root)).toEqual({
      ok: false,
      reason: 'the electron package is not installed',
    });
  });

  it('says the binary was not downloaded when path.txt is missing', async () => {
    await installFakeElectron({});
    expect(findElectronBinary(root)).toEqual({
      ok: false,
      reason: 'the Electron binary has not been downloaded',
    });
  });

  it('says which file is missing when path.txt names a binary that is not there', async () => {
    await installFakeElectron({ pathTxt: 'electron' });
    const found = findElectronBinary(root);
    expect(found).toEqual({
      ok: false,
      reason: `the Electron binary is missing (${path.join('node_modules', 'electron', 'dist', 'electron')})`,
    });
  });

  it('finds the binary that path.txt names', async () => {
    await installFakeElectron({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary(root)).toEqual({
      ok: true,
      binary: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });

  it('knows a Linux machine without a display cannot show a window', () => {
    expect(missingDisplay({}, 'linux')).toMatch(/no display/);
    expect(missingDisplay({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(missingDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(missingDisplay({}, 'win32')).toBeNull();
  });

  it('gives the telling line of an error output, not the stack', () => {
    expect(summariseOutput('TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n')).toBe(
      'TypeError: fetch failed',
    );
    expect(
      summariseOutput('\n[123:ERROR:ozone_platform_x11.cc] Missing X server or $DISPLAY\n'),
    ).toContain('Missing X server');
  });

  it('reports why a program that fails at once could not run', async () => {
    const result = await launchAndWatch(
      process.execPath,
      ['-e', 'console.error("Missing X server or $DISPLAY"); process.exit(1)'],
      {
        graceMs: 5_000,
        cwd: root,
      },
    );
    expect(result).toEqual({
      ok: false,
      reason: 'it exited with code 1: Missing X server or $DISPLAY',
    });
  });

  it('reports a program that cannot be started at all', async () => {
    const result = await launchAndWatch(path.join(root, 'no-such-binary'), [], {
      graceMs: 5_000,
      cwd: root,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^it could not start: .*ENOENT/);
  });

  it('hands back a program that is still running after the grace period', async () => {
    const result = await launchAndWatch(process.execPath, ['-e', 'setTimeout(() => {}, 10_000)'], {
      graceMs: 300,
      cwd: root,
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const exited = new Promise((resolve) => result.child.once('exit', resolve));
      result.child.kill();
      await exited;
    }
  });
});
