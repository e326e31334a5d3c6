import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  shell: { openExternal: vi.fn() },
}));
vi.mock('electron', () => electron);

import { handleAppProtocol, mimeTypeFor, registerAppScheme, resolveAppPath } from '../../electron/main/app-protocol.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'hall-renderer-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>staff</title>');
writeFileSync(path.join(root, 'assets', 'kiosk-1a2b.js'), 'console.log(1)');
writeFileSync(path.join(os.tmpdir(), 'hall-secret.txt'), 'secret');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps pages and assets under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://hall/kiosk.html')).toBe(path.join(root, 'kiosk.html'));
    expect(resolveAppPath(root, 'app://hall/assets/kiosk-1a2b.js?v=2#x')).toBe(path.join(root, 'assets', 'kiosk-1a2b.js'));
    expect(resolveAppPath(root, 'app://hall/fonts/%E5%AE%8B%E4%BD%93.woff2')).toBe(path.join(root, 'fonts', '宋体.woff2'));
  });

  it('maps / to index.html', () => {
    expect(resolveAppPath(root, 'app://hall/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://hall')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    ['another host', 'app://other/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['user info', 'app://x@hall/index.html'],
    ['plain ..', 'app://hall/../hall-secret.txt'],
    ['encoded dots', 'app://hall/%2e%2e/hall-secret.txt'],
    ['encoded dots and slash', 'app://hall/%2e%2e%2fhall-secret.txt'],
    ['encoded upper-case', 'app://hall/assets/%2E%2E%2F%2E%2E%2Fhall-secret.txt'],
    ['backslashes', 'app://hall/..\\hall-secret.txt'],
    ['encoded backslashes', 'app://hall/%5c..%5chall-secret.txt'],
    ['an absolute path', 'app://hall//etc/passwd'],
    ['an encoded absolute path', 'app://hall/%2Fetc%2Fpasswd'],
    ['a drive letter', 'app://hall/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://hall/C%3A%5CWindows%5Cwin.ini'],
    ['a NUL byte', 'app://hall/index.html%00.png'],
    ['a bad escape', 'app://hall/%E5%AE'],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('knows the renderer build outputs', () => {
    expect(mimeTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/app.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a/ding.mp3')).toBe('audio/mpeg');
    expect(mimeTypeFor('a/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a/blob.bin')).toBe('application/octet-stream');
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetchable', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('handleAppProtocol', () => {
  handleAppProtocol(root, () => ['http://127.0.0.1:8620']);
  const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];

  it('handles the app scheme', () => {
    expect(scheme).toBe('app');
  });

  it('serves a file with its MIME type and the CSP naming the host', async () => {
    const response = await handler(new Request('app://hall/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' http://127.0.0.1:8620 ws://127.0.0.1:8620;");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>staff</title>');
  });

  it('answers 404 for a missing file and for a traversal, with the CSP still set', async () => {
    const missing = await handler(new Request('app://hall/nope.html'));
    expect(missing.status).toBe(404);
    const traversal = await handler(new Request('app://hall/%2e%2e%2fhall-secret.txt'));
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).toBe('Not Found');
    expect(traversal.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request('app://hall/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
