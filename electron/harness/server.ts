import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { MAX_ATTACHMENT_CEILING_BYTES } from '../../shared/registry/policy';
import { CONTENT_SECURITY_POLICY } from '../shell/protocol';

// Loopback transport: serves the built renderer and forwards contract calls to the backend (the worker the
// Electron shell starts too). For the browser harness (machines without the Electron binary) and end-to-end
// tests. Bound to 127.0.0.1 only; every call must carry the per-run token, which only the served page knows.
// Pages carry the app's Content-Security-Policy as a header, as the desktop app's app:// scheme sends it.

export const INVOKE_PATH = '/__kopru/invoke';
export const TOKEN_HEADER = 'x-kopru-token';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', // pdf.js's worker (the print preview) is a module script
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * A call carries at most one attachment as base64 (4/3 of its size): the largest attachment a policy may allow
 * must fit, or uploads that the app accepts would fail only in the browser harness.
 */
const MAX_BODY = Math.ceil((MAX_ATTACHMENT_CEILING_BYTES * 4) / 3) + 1024 * 1024;

export interface Harness {
  url: string;
  token: string;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers a call with the envelope's JSON text (the backend worker's answer, passed on unread). */
export type InvokeJson = (channel: string, input: unknown) => Promise<string>;

export async function startHarness(invoke: InvokeJson, rendererDir: string, port = 0): Promise<Harness> {
  const token = crypto.randomBytes(24).toString('hex');
  const indexHtml = fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    .replace('<head>', `<head>\n    <meta name="kopru-harness-token" content="${token}" />`);
  const root = path.resolve(rendererDir);

  let allowedHosts: Set<string> = new Set();
  const server = http.createServer((req, res) => {
    void (async () => {
      // Only pages addressed to this loopback server: a web page that points a name of its own at 127.0.0.1
      // (DNS rebinding) would otherwise read the page, and with it the token.
      if (!allowedHosts.has(String(req.headers.host ?? '').toLowerCase())) {
        res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Misdirected Request');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === INVOKE_PATH) {
        if (req.method !== 'POST' || req.headers[TOKEN_HEADER] !== token) {
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'Geçersiz oturum anahtarı.' } }));
          return;
        }
        let json: string;
        try {
          const body = JSON.parse(await readBody(req)) as { channel?: unknown; input?: unknown };
          json = await invoke(String(body.channel), body.input);
        } catch {
          json = JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'İstek okunamadı.' } });
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(json);
        return;
      }
      let decoded: string;
      try {
        decoded = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Bad Request');
        return;
      }
      const file = path.resolve(root, '.' + decoded);
      if (url.pathname === '/' || url.pathname === '/index.html' || !file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(200, { 'content-type': CONTENT_TYPES['.html'], 'cache-control': 'no-store', 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' });
        res.end(indexHtml);
        return;
      }
      res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' });
      fs.createReadStream(file).pipe(res);
    })().catch(() => {
      // Whatever went wrong answering one request, the harness goes on serving.
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`]);
  return {
    url: `http://127.0.0.1:${address.port}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
