import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_URL,
  appProtocolHandler,
  CONTENT_SECURITY_POLICY,
  pathSegments,
} from '../../electron/shell/protocol';
import { projectRoot } from '../../electron/app/paths';

// The app:// handler against a real folder on disk, with real web Request objects: what it serves, the headers
// on every answer, and a list of ways to try to read a file outside the renderer folder.

const SECRET = 'SECRET-OUTSIDE-THE-RENDERER-FOLDER';
let base: string;
let rendererDir: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-protocol-'));
  rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets', 'fonts'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Köprü</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("köprü")');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'fonts', 'inter.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'çiçek.svg'), '<svg/>');
  for (const name of ['logo.png', 'favicon.ico', 'dejavu.ttf', 'data.json', 'blob.bin']) fs.writeFileSync(path.join(rendererDir, name), name);
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(base, 'outside'));
  fs.writeFileSync(path.join(base, 'outside', 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'link.txt'));
  fs.symlinkSync(path.join(base, 'outside'), path.join(rendererDir, 'linkdir'), 'dir');
  fs.symlinkSync(path.join(rendererDir, 'assets', 'index-abc123.js'), path.join(rendererDir, 'alias.js'));
  serve = appProtocolHandler(rendererDir);
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('constants', () => {
  it('name the scheme, host, origin and page', () => {
    expect([APP_SCHEME, APP_HOST, APP_ORIGIN, APP_URL]).toEqual(['app', 'kopru', 'app://kopru', 'app://kopru/index.html']);
  });

  it('register the scheme as standard, secure and fetchable, and never as bypassing CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(Object.isFrozen(APP_SCHEME_PRIVILEGES)).toBe(true);
  });

  it('send the same Content-Security-Policy as the meta tag in renderer/index.html', () => {
    const html = fs.readFileSync(path.join(projectRoot(), 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('serving the renderer folder', () => {
  it('serves index.html at / and at /index.html, not cached, with the security headers', async () => {
    for (const url of ['app://kopru/', 'app://kopru', APP_URL, `${APP_URL}?v=2#/merkezler`]) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toBe('<!doctype html><title>Köprü</title>');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expectSecurityHeaders(response);
    }
  });

  it.each([
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['assets/fonts/inter.woff2', 'font/woff2'],
    ['assets/%C3%A7i%C3%A7ek.svg', 'image/svg+xml'],
    ['logo.png', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['dejavu.ttf', 'font/ttf'],
    ['data.json', 'application/json; charset=utf-8'],
    ['blob.bin', 'application/octet-stream'],
  ])('serves %s as %s, with the security headers', async (file, type) => {
    const response = await get(`app://kopru/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(response);
    const onDisk = fs.readFileSync(path.join(rendererDir, decodeURIComponent(file)));
    expect(Buffer.from(await response.arrayBuffer()).equals(onDisk)).toBe(true);
    expect(response.headers.get('content-length')).toBe(String(onDisk.length));
  });

  it('follows a symlink that stays inside the folder', async () => {
    const response = await get('app://kopru/alias.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("köprü")');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('app://kopru/assets/index-abc123.js', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength('console.log("köprü")'))); // bytes, not characters
    expect(await response.text()).toBe('');
    expectSecurityHeaders(response);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and Allow: GET, HEAD', async (method) => {
    const response = await get(APP_URL, method);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expectSecurityHeaders(response);
  });

  it.each(['app://evil/index.html', 'app://kopru.evil/index.html', 'app://KOPRU/index.html', 'app://kopru:8080/index.html', 'app:///index.html', 'https://kopru/index.html'])(
    'answers 404 for another host or form of address: %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expectSecurityHeaders(response);
    },
  );

  it('checks URLs that a web Request cannot even hold (credentials, unparseable) instead of trusting the caller', async () => {
    const raw = (url: string) => serve({ method: 'GET', url } as Request);
    expect((await raw('app://user:pw@kopru/index.html')).status).toBe(404);
    expect((await raw('app://user@kopru/index.html')).status).toBe(404);
    const unparseable = await raw('not a url');
    expect(unparseable.status).toBe(400);
    expectSecurityHeaders(unparseable);
  });

  it('answers 404 for a missing file and for folders, with no fallback page', async () => {
    for (const url of ['app://kopru/missing.js', 'app://kopru/assets', 'app://kopru/assets/', 'app://kopru/merkezler/123', 'app://kopru/index.html/']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expectSecurityHeaders(response);
      expect(await response.text()).not.toContain('<title>');
    }
  });
});

describe('hostile paths', () => {
  const secretAbsolute = () => path.join(base, 'secret.txt');

  const notFound: [string, () => string][] = [
    ['parent segment', () => 'app://kopru/../secret.txt'],
    ['parent segments from a subfolder', () => 'app://kopru/assets/../../secret.txt'],
    ['encoded dots', () => 'app://kopru/%2e%2e/secret.txt'],
    ['upper-case encoded dots', () => 'app://kopru/%2E%2E/secret.txt'],
    ['half-encoded dots', () => 'app://kopru/.%2e/secret.txt'],
    ['encoded slash after dots', () => 'app://kopru/..%2fsecret.txt'],
    ['upper-case encoded slash', () => 'app://kopru/..%2Fsecret.txt'],
    ['fully encoded traversal', () => 'app://kopru/%2e%2e%2fsecret.txt'],
    ['encoded backslashes', () => 'app://kopru/assets/..%5c..%5csecret.txt'],
    ['literal backslashes', () => 'app://kopru/..\\secret.txt'],
    ['backslashes from a subfolder', () => 'app://kopru/assets\\..\\..\\secret.txt'],
    ['double-encoded dots', () => 'app://kopru/%252e%252e/secret.txt'],
    ['NUL after a real name', () => 'app://kopru/index.html%00.png'],
    ['NUL alone', () => 'app://kopru/%00'],
    ['absolute path after //', () => `app://kopru/${secretAbsolute()}`],
    ['encoded absolute path', () => `app://kopru/${encodeURIComponent(secretAbsolute())}`],
    ['empty segment', () => 'app://kopru//etc/passwd'],
    ['drive letter', () => 'app://kopru/C:%5cWindows%5cwin.ini'],
    ['drive letter with slashes', () => 'app://kopru/C:/Windows/win.ini'],
    ['NTFS alternate data stream', () => 'app://kopru/index.html::$DATA'],
    ['Windows device name', () => 'app://kopru/NUL'],
    ['Windows device name with an extension', () => 'app://kopru/assets/com1.js'],
    ['symlink to a file outside', () => 'app://kopru/link.txt'],
    ['symlink to a folder outside', () => 'app://kopru/linkdir/secret.txt'],
    ['dots through a symlinked folder', () => 'app://kopru/linkdir/../secret.txt'],
  ];

  it.each(notFound)('answers 404 to %s and reveals nothing', async (_what, url) => {
    const response = await get(url());
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
    expect(await response.text()).not.toContain(SECRET);
  });

  const malformed = ['app://kopru/%', 'app://kopru/%zz.js', 'app://kopru/%c0%ae%c0%ae/secret.txt', 'app://kopru/%E0%A4%A', 'app://kopru/assets/%ff.js'];

  it.each(malformed)('answers 400 to malformed percent-encoding %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(400);
    expectSecurityHeaders(response);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('never serves the secret through any of them, whatever the method', async () => {
    for (const url of [...notFound.map(([, u]) => u()), ...malformed]) {
      for (const method of ['GET', 'HEAD']) {
        const response = await get(url, method);
        expect(response.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it('serves nothing when the renderer folder does not exist', async () => {
    const response = await appProtocolHandler(path.join(base, 'no-such-folder'))(new Request(APP_URL));
    expect(response.status).toBe(404);
  });
});

describe('pathSegments (the per-segment check, which must hold on Windows too, where \\ separates and : names drives)', () => {
  it('maps / to index.html and decodes each plain segment', () => {
    expect(pathSegments('/')).toEqual({ ok: true, segments: ['index.html'] });
    expect(pathSegments('')).toEqual({ ok: true, segments: ['index.html'] });
    expect(pathSegments('/assets/%C3%A7i%C3%A7ek%20b.svg')).toEqual({ ok: true, segments: ['assets', 'çiçek b.svg'] });
  });

  it.each([
    '/..', '/assets/..', '/.', '/%2e%2e', '/%2E.', '/..%2fsecret', '/a%2Fb', '/..%5csecret', '/a\\b', '/%00', '/a%00.js',
    '/C:', '/C%3a%5cWindows', '/index.html::$DATA', '//etc', '/assets/', '/CON', '/aux.js', '/LPT1.txt', 'relative',
  ])('refuses %s with 404', (pathname) => {
    expect(pathSegments(pathname)).toEqual({ ok: false, status: 404 });
  });

  it.each(['/%', '/%zz', '/%c0%ae', '/%ff'])('refuses malformed %s with 400', (pathname) => {
    expect(pathSegments(pathname)).toEqual({ ok: false, status: 400 });
  });
});
