import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { createRendererHandler, mimeTypeFor, resolveRendererPath } from './protocol';

let root: string;
let rendererDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'apogee-protocol-'));
  rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Apogee</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'user data');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') =>
  createRendererHandler({ rendererDir, contentSecurityPolicy })({ url, method });

describe('protocol', () => {
  it('serves index.html with the CSP for the app root', async () => {
    const response = await get('app://apogee/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Apogee</title>');
  });

  it('serves a bundled script with a JavaScript type', async () => {
    const response = await get('app://apogee/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('falls back to index.html when the path is a client-side route', async () => {
    const response = await get('app://apogee/catalogue/courses');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Apogee</title>');
  });

  it('answers 404 when a file with an extension is missing', async () => {
    expect((await get('app://apogee/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder when the path climbs out', async () => {
    for (const url of [
      'app://apogee/../secret.txt',
      'app://apogee/%2e%2e/secret.txt',
      'app://apogee/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://apogee/..%5csecret.txt',
    ]) {
      const response = await get(url);
      expect(await response.text(), url).not.toContain('user data');
    }
    expect(resolveRendererPath(rendererDir, 'app://apogee/%2e%2e%2fsecret.txt')).toEqual({
      ok: false,
      status: 403,
    });
  });

  it('refuses other hosts, NUL bytes and malformed escapes', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://apogee/index.html%00.js')).status).toBe(400);
    expect((await get('app://apogee/%E0%A4%A')).status).toBe(400);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://apogee/', 'POST')).status).toBe(405);
    const head = await get('app://apogee/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('names common web file types and treats unknown ones as bytes', () => {
    expect(mimeTypeFor('a/b/font.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('blob.bin')).toBe('application/octet-stream');
  });
});
