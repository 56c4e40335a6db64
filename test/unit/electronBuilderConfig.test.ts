import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { electronBundles, projectRoot } from '../../scripts/lib/electronBundles.mjs';

type BuilderConfig = {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  extraMetadata: { main: string };
  linux: { target: string[]; icon: string; category: string; maintainer: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; category: string };
};

const configText = readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8');
const config = parse(configText) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  main: string;
};
const read = (relative: string) => readFileSync(path.join(projectRoot, relative));
const bundle = (name: 'main' | 'preload') => electronBundles.find((b) => b.name === name)!;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electronBuilderConfig', () => {
  it('is a configuration electron-builder itself accepts', async () => {
    const quietLogger = { isEnabled: false, add: () => {} } as unknown as Parameters<
      typeof validateConfiguration
    >[1];
    await expect(validateConfiguration(config as never, quietLogger)).resolves.toBeUndefined();
  });

  it('names the app Apogee and writes installers to release/', () => {
    expect(config.appId).toBe('org.idsea.apogee');
    expect(config.productName).toBe('Apogee');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('builds an AppImage and a deb for Linux, an NSIS installer for Windows and a dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Education');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.education');
  });

  it('packages the built shell and renderer', () => {
    expect(config.files).toContain('dist/electron/**');
    expect(config.files).toContain('dist/renderer/**');
    expect(config.files).toContain('package.json');
  });

  it('starts the packaged app from the bundle scripts/build-electron.mjs writes', () => {
    expect(bundle('main').outfile).toBe('dist/electron/main.cjs');
    expect(packageJson.main).toBe(bundle('main').outfile);
    expect(config.extraMetadata.main).toBe(bundle('main').outfile);
    // electron/main/index.ts loads the preload from beside itself.
    expect(path.dirname(bundle('preload').outfile)).toBe(path.dirname(bundle('main').outfile));
    expect(path.basename(bundle('preload').outfile)).toBe('preload.cjs');
  });

  it('has a square PNG of the stated size for every Linux icon', () => {
    const names = readdirSync(path.join(projectRoot, config.linux.icon)).filter((n) =>
      n.endsWith('.png'),
    );
    expect(names).toEqual(
      expect.arrayContaining(['16x16.png', '32x32.png', '48x48.png', '256x256.png', '512x512.png']),
    );
    for (const name of names) {
      const size = Number(/^(\d+)x\1\.png$/.exec(name)?.[1]);
      expect(pngSize(read(path.join(config.linux.icon, name))), name).toEqual({
        width: size,
        height: size,
      });
    }
    expect(pngSize(read('build/icon.png'))).toEqual({ width: 512, height: 512 });
  });

  it('has a Windows icon with a 256 px image', () => {
    const ico = read(config.win.icon);
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThan(0);
    // Each directory entry is 16 bytes; a width byte of 0 means 256 px.
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });

  it('has a macOS icon whose header matches the file', () => {
    const icns = read(config.mac.icon);
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
