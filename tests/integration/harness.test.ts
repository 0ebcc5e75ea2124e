import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { AssociationDetail } from '../../shared/contract/registry';
import { INVOKE_PATH, startHarness, TOKEN_HEADER, type Harness } from '../../electron/harness/server';
import { setupApp, tempDir, type TestApp } from '../support/app';
import { createAssociation } from './registryFixture';

// The browser harness is how the UI runs where Electron cannot: whatever the app accepts through IPC must
// also pass through it, and nothing may pass without the per-run token.

let app: TestApp;
let harness: Harness;

beforeAll(async () => {
  app = await setupApp('province');
  const rendererDir = tempDir('kopru-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  harness = await startHarness(async (channel, input) => JSON.stringify(await app.invoke(channel, input)), rendererDir);
});
afterAll(async () => {
  await harness?.close();
  app?.close();
});

async function post(body: unknown, token = harness.token): Promise<{ status: number; envelope: Envelope<unknown> }> {
  const response = await fetch(new URL(INVOKE_PATH, harness.url), { method: 'POST', headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, envelope: (await response.json()) as Envelope<unknown> };
}

describe('browser harness', () => {
  it('accepts an attachment as large as the policy allows (20 MB, sent as base64)', async () => {
    const association = await createAssociation(app);
    const content = Buffer.alloc(20 * 1024 * 1024 - 64, 0x20);
    content.write('%PDF-1.4\n', 0);
    const { status, envelope } = await post({ channel: 'registry:attachFile', input: { associationId: association.id, fileName: 'buyuk.pdf', contentBase64: content.toString('base64') } });
    expect(status).toBe(200);
    expect(envelope.ok, JSON.stringify(envelope).slice(0, 300)).toBe(true);
    expect((envelope as { value: AssociationDetail }).value.id).toBe(association.id);
  }, 60_000);

  it('refuses a call without the per-run token and changes nothing', async () => {
    const before = (app.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const { status, envelope } = await post({ channel: 'registry:create', input: { name: 'Yetkisiz Derneği', clubType: 'GENCLIK_KULUBU', districtId: '06-cankaya' } }, 'yanlis');
    expect(status).toBe(403);
    expect(envelope.ok).toBe(false);
    expect((app.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(before);
  });

  it('serves only requests addressed to itself: another Host (DNS rebinding) gets neither the page nor the token', async () => {
    const port = new URL(harness.url).port;
    const get = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const foreign = await get('kotu.example:' + port);
    expect(foreign.status).toBe(421);
    expect(foreign.body).not.toContain(harness.token);
    const own = await get(`localhost:${port}`);
    expect(own.status).toBe(200);
    expect(own.body).toContain(harness.token);
  });

  it('answers a malformed address with 400 and goes on serving', async () => {
    const bad = await fetch(new URL('/%E0%A4%A', harness.url));
    expect(bad.status).toBe(400);
    const { status } = await post({ channel: 'installation:status', input: {} });
    expect(status).toBe(200);
  });
});
