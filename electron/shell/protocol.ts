import fs from 'node:fs/promises';
import path from 'node:path';

// The built renderer is served from a privileged custom scheme, `app://kopru/…`, instead of file://.
// Why: a file:// page has an opaque origin and may read any other file:// URL the OS lets it, so one XSS would
// reach the whole disk. Under app://kopru the page has an origin of its own, fetches only what this handler
// gives it (the renderer folder, nothing else), and every response carries the security headers below.
//
// This module is plain Node (fs and the global web Request/Response): it must not import 'electron', so tests
// call the handler with real Request objects against real files. main.ts wires it:
//   protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]); // before 'ready'
//   protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));                                        // after 'ready'

export const APP_SCHEME = 'app';
export const APP_HOST = 'kopru';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`.
 * - standard: the scheme parses like http (host, relative URLs, a real origin `app://kopru`), which the
 *   bundle's relative asset URLs, same-origin module scripts and per-origin storage need.
 * - secure: a secure context like https (Web Crypto's subtle API, no mixed-content downgrades).
 * - supportFetchAPI: `fetch()` of the app's own files (JSON, fonts) works.
 * Left out on purpose:
 * - bypassCSP: the page must stay under its Content-Security-Policy.
 * - corsEnabled: every request is same-origin (app://kopru to app://kopru), which needs no CORS; enabling it
 *   would only matter for cross-origin reads of this scheme, which nothing should do.
 * - allowServiceWorkers, stream, codeCache, allowExtensions: not used.
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const);

/**
 * The same policy as the `<meta http-equiv="Content-Security-Policy">` in renderer/index.html (a test compares
 * the two). Sent as a header too, so it also covers responses that are not HTML and cannot be removed by
 * anything that rewrites the document's head.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Anything else is served as opaque bytes; with `nosniff` the browser will not run it as a script or style. */
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;
}

/** Headers on every response, errors included. */
function baseHeaders(): Headers {
  return new Headers({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  });
}

function errorResponse(status: 400 | 404 | 405, method: string): Response {
  const headers = baseHeaders();
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  if (status === 405) headers.set('Allow', 'GET, HEAD');
  const text = status === 400 ? 'Bad Request' : status === 404 ? 'Not Found' : 'Method Not Allowed';
  return new Response(method === 'HEAD' ? null : text, { status, headers });
}

// Windows opens devices for these names in any folder (`NUL`, `COM1.txt`), so they are never file names here.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

type Resolved = { ok: true; segments: string[] } | { ok: false; status: 400 | 404 };

/**
 * Turns the URL path into path segments under the renderer folder. Each segment is percent-decoded on its own
 * (so `%2f` cannot introduce a separator) and refused if, decoded, it could mean anything but one plain name:
 * empty (`//`), `.` or `..`, a `/` or `\`, a NUL, a `:` (drive letters, NTFS streams) or a Windows device
 * name. The URL parser already removes `..` and `%2e%2e`; this does not rely on it.
 */
export function pathSegments(pathname: string): Resolved {
  if (pathname === '' || pathname === '/') return { ok: true, segments: ['index.html'] };
  if (!pathname.startsWith('/')) return { ok: false, status: 404 };
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment) || WINDOWS_DEVICE.test(segment)) {
      return { ok: false, status: 404 };
    }
    segments.push(segment);
  }
  return { ok: true, segments };
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The handler for `protocol.handle(APP_SCHEME, …)`: serves files of `rendererDir` at app://kopru/<path>.
 * GET and HEAD only (405 otherwise); host `kopru` only; `/` is index.html; no fallback page (the app routes by
 * hash, so the server only ever sees real file paths). A path that is malformed is 400; one that leaves the
 * folder, by name or through a symlink, is 404 exactly like a missing file, so probing learns nothing.
 */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  // Resolved once: the folder itself may sit behind a symlink (an AppImage mount, a linked dev checkout).
  let realRoot: Promise<string> | undefined;

  return async (request) => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return errorResponse(405, method);

    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return errorResponse(400, method);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
      return errorResponse(404, method);
    }

    const resolved = pathSegments(url.pathname);
    if (!resolved.ok) return errorResponse(resolved.status, method);
    const candidate = path.join(root, ...resolved.segments);
    if (!isInside(root, candidate)) return errorResponse(404, method);

    let file: string;
    let body: Buffer;
    try {
      realRoot ??= fs.realpath(root);
      const rootOnDisk = await realRoot;
      // realpath follows every symlink on the way; what it names must still be inside the (real) folder.
      file = await fs.realpath(candidate);
      if (!isInside(rootOnDisk, file)) return errorResponse(404, method);
      const stat = await fs.stat(file);
      if (!stat.isFile()) return errorResponse(404, method);
      body = await fs.readFile(file);
    } catch {
      realRoot = undefined; // a folder that was missing is looked up again next time, not remembered as missing
      return errorResponse(404, method);
    }

    const headers = baseHeaders();
    const type = contentTypeFor(file);
    headers.set('Content-Type', type);
    headers.set('Content-Length', String(body.length));
    // The page is read fresh each start, so an updated app never runs yesterday's index.html; other files are
    // revalidated (the built assets carry content hashes, but fonts and icons copied from public/ do not).
    headers.set('Cache-Control', type.startsWith('text/html') ? 'no-store' : 'no-cache');
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
