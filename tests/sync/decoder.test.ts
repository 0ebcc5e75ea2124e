import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKED_CHANGE_FIELDS, unpackChanges } from '../../db/sync/engine';
import { ExchangeRefusal, MAX_LINE_BYTES, readExchange, readHeader, readLines } from '../../electron/sync/exchangeFile';
import { rawPublic } from '../../electron/sync/keys';
import { MAX_ATTACHMENT_CEILING_BYTES } from '../../shared/registry/policy';
import { tempDir } from '../support/app';
import { canonicalChange, type CanonicalChange } from '../../electron/sync/origins';
import { craftFile, gzip, ndjson } from './support/craft';

// The exchange file decoder runs on a worker thread for large files and in the importing thread for small
// ones, from one implementation. Both must read the same lines from the same file and refuse the same
// damage the same way; the importing process must not be left with a running worker either way.

const dir = tempDir('kopru-decoder-');
const boxPrivate = crypto.generateKeyPairSync('x25519').privateKey;
const box = { privateKey: boxPrivate, publicKey: rawPublic(crypto.createPublicKey(boxPrivate)) };
const signer = crypto.generateKeyPairSync('ed25519').privateKey;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hlc = (i: number) => `2026-11-25T10:00:00.${String(i % 1000).padStart(3, '0')}Z-${(i % 65536).toString(16).padStart(4, '0')}-abcdef0123456789`;

/** A change's value: mostly short Turkish text; now and then long, with emoji (wider than the hash's buffer, or nearly). */
function valueOf(i: number): string {
  if (i % 10_000 === 7) return JSON.stringify(`${'😀ş'.repeat(12_000)} ${i}`);
  if (i % 10_000 === 8) return JSON.stringify(`${'ğ'.repeat(21_000)} ${i}`);
  return JSON.stringify(`Çankaya ${i} Gençlik Merkezi — İğdır ışık`);
}

function change(i: number, extra: Record<string, unknown> = {}) {
  return {
    t: 'c', table: 'youth_centres', row: `row-${Math.floor(i / 3)}`, column: ['name', 'address', 'phone'][i % 3],
    value: valueOf(i), hlc: hlc(i), origin: 'abcdef0123456789', seq: i + 1, base: i % 2 ? hlc(i - 1) : null, ...extra,
  };
}

/** The segment line that closes changes first..last (1-based seqs) of the origin; the decoder adds the digest. */
const segment = (first: number, last: number) => ({ t: 's', origin: 'abcdef0123456789', first, last, signature: 'imza' });

/** The digest of changes first..last as the exporter computes it (origins.ts). */
function digestOf(first: number, last: number): string {
  const hash = crypto.createHash('sha256');
  for (let seq = first; seq <= last; seq++) hash.update(canonicalChange(change(seq - 1) as CanonicalChange));
  return hash.digest('hex');
}

let fileNo = 0;
function write(payload: Buffer): string {
  const file = path.join(dir, `f${fileNo++}.kopru`);
  fs.writeFileSync(file, craftFile({ sender: 'abcdef0123456789', recipient: 'fedcba9876543210', createdAt: '2026-11-25T10:00:00.000Z', recipientBoxKey: box.publicKey, signingKey: signer, payload }));
  return file;
}

async function read(file: string, worker: boolean, stopAfter = Infinity) {
  const { header, offset, size } = readHeader(file);
  const lines: Record<string, unknown>[] = [];
  try {
    for await (const line of readLines(file, header, offset, size, box.privateKey, { worker })) {
      lines.push(line);
      if (lines.length >= stopAfter) break;
    }
    return { lines, refusal: null };
  } catch (error) {
    if (!(error instanceof ExchangeRefusal)) throw error;
    return { lines, refusal: { kind: error.kind, message: error.message } };
  }
}

/** Threads of this process (Linux), to see a worker thread come and go. */
const threads = () => Number(/Threads:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]);

const manifest = { t: 'manifest', schemaVersion: 5 };
const blob = { t: 'b', sha256: 'x'.repeat(64), data: Buffer.from('ek dosyası').toString('base64') };

describe('exchange file decoder', () => {
  it('reads every line of a large file the same on a worker thread as in this thread, in order', async () => {
    // ~60,000 changes, several decompressed chunks, lines split across chunk edges, a blob between runs.
    const lines = [
      manifest, ...Array.from({ length: 30_000 }, (_, i) => change(i)), segment(1, 30_000), blob, ...Array.from({ length: 30_000 }, (_, i) => change(30_000 + i)), segment(30_001, 60_000),
      { t: 'end', changes: 60_000, blobs: 1 },
    ];
    const file = write(gzip(ndjson(lines)));
    const inThread = await read(file, false);
    const onWorker = await read(file, true);
    expect(inThread.refusal).toBeNull();
    expect(onWorker.refusal).toBeNull();
    expect(onWorker.lines).toEqual(inThread.lines);
    expect(onWorker.lines).toHaveLength(lines.length);
    expect(onWorker.lines[30_002]).toEqual(blob);
    expect(onWorker.lines[12_345]).toEqual({ ...change(12_344), base: change(12_344).base });
    // Each segment line comes with the digest of the changes it closes, hashed as the exporter hashes them.
    expect(onWorker.lines[30_001]).toEqual({ t: 's', origin: 'abcdef0123456789', first: 1, last: 30_000, digest: digestOf(1, 30_000), signature: 'imza' });
    expect(onWorker.lines.at(-2)).toEqual({ t: 's', origin: 'abcdef0123456789', first: 30_001, last: 60_000, digest: digestOf(30_001, 60_000), signature: 'imza' });
  });

  it('hands changes over as arrays of their fields, a bounded number of changes each, on both paths', async () => {
    // Each field crosses as a string of its own, so holding one (a row waiting for its INSERT) keeps nothing
    // else of the batch alive; and a batch stays far below V8's large-object size.
    const file = write(gzip(ndjson([manifest, ...Array.from({ length: 20_000 }, (_, i) => change(i)), segment(1, 20_000), { t: 'end', changes: 20_000, blobs: 0 }])));
    const { header, offset, size } = readHeader(file);
    for (const worker of [true, false]) {
      let changes = 0;
      let largest = 0;
      for await (const batch of readExchange(file, header, offset, size, box.privateKey, { worker })) {
        for (const item of batch) {
          if (!Array.isArray(item)) continue;
          // The names once (table, column, origin), then each change's fields: those names by index, row,
          // value and clock as strings, seq as a number, base as a string or null.
          const [names, ...fields] = item;
          expect(names).toEqual(expect.arrayContaining(['youth_centres', 'abcdef0123456789']));
          expect(new Set(names).size).toBe(names.length);
          expect(fields.length % PACKED_CHANGE_FIELDS.length).toBe(0);
          const per = unpackChanges(item, (e) => {
            expect([typeof e.table, typeof e.row, typeof e.column, typeof e.value, typeof e.hlc, typeof e.origin, typeof e.seq]).toEqual([
              'string', 'string', 'string', 'string', 'string', 'string', 'number',
            ]);
            expect(e.base === null || typeof e.base === 'string').toBe(true);
          });
          changes += per;
          largest = Math.max(largest, per);
        }
      }
      expect(changes).toBe(20_000);
      expect(largest).toBeGreaterThan(1);
      expect(largest).toBeLessThanOrEqual(256);
    }
  });

  it('reads an attachment as large as the policy allows on the worker (its young generation is small)', async () => {
    const data = crypto.randomBytes(MAX_ATTACHMENT_CEILING_BYTES).toString('base64');
    const file = write(gzip(ndjson([manifest, change(0), segment(1, 1), { t: 'b', sha256: 'y'.repeat(64), data }, { t: 'end', changes: 1, blobs: 1 }])));
    const onWorker = await read(file, true);
    expect(onWorker.refusal).toBeNull();
    expect(onWorker.lines).toHaveLength(5);
    expect((onWorker.lines[3] as { data: string }).data === data).toBe(true);
  }, 60_000);

  it('refuses damage the same way on both, after the lines before it', async () => {
    const good = Array.from({ length: 100 }, (_, i) => change(i));
    const cases: [string, Buffer, string][] = [
      ['unreadable line', gzip(ndjson([manifest, ...good, '{"t":"c",'])), 'damaged'],
      ['array line', gzip(ndjson([manifest, ...good, '[1,2]'])), 'damaged'],
      ['change with a bad HLC', gzip(ndjson([manifest, ...good, change(100, { hlc: 'dün' })])), 'damaged'],
      ['change whose value is not JSON', gzip(ndjson([manifest, ...good, change(100, { value: '{yarım' })])), 'damaged'],
      ['change whose value is an unclosed string', gzip(ndjson([manifest, ...good, change(100, { value: '"yarım' })])), 'damaged'],
      ['change whose value is a string with a raw control character', gzip(ndjson([manifest, ...good, change(100, { value: '"a\u0001b"' })])), 'damaged'],
      ['change whose value is a number with a leading zero', gzip(ndjson([manifest, ...good, change(100, { value: '012' })])), 'damaged'],
      ['change with a NUL in its row id', gzip(ndjson([manifest, ...good, change(100, { row: 'a\u0000b' })])), 'damaged'],
      ['not gzip', ndjson([manifest, ...good]), 'damaged'],
      ['truncated gzip', gzip(ndjson([manifest, ...good])).subarray(0, 200), 'damaged'],
      ['a line longer than the limit', gzip(Buffer.concat([ndjson([manifest]), Buffer.alloc(MAX_LINE_BYTES + 10, 0x61)])), 'too-large'],
      // Origin signatures: every change closed by its origin's segment line, in seq order, nothing more.
      ['changes no segment line closes', gzip(ndjson([manifest, ...good, { t: 'end', changes: 100, blobs: 0 }])), 'forged'],
      ['a change left out of a run', gzip(ndjson([manifest, ...good.slice(0, 50), ...good.slice(51), segment(1, 100)])), 'forged'],
      ['two changes swapped', gzip(ndjson([manifest, good[1], good[0], ...good.slice(2), segment(1, 100)])), 'forged'],
      ['a segment line claiming more than came', gzip(ndjson([manifest, ...good, segment(1, 101)])), 'forged'],
      ['a segment line for changes that never came', gzip(ndjson([manifest, segment(1, 100)])), 'forged'],
      ['a digest line written into the file', gzip(ndjson([manifest, ...good, { t: 'd', origin: 'abcdef0123456789', first: 1, last: 100, digest: 'x', signature: 'imza' }])), 'damaged'],
    ];
    for (const [name, payload, kind] of cases) {
      const file = write(payload);
      const inThread = await read(file, false);
      const onWorker = await read(file, true);
      expect(inThread.refusal?.kind, name).toBe(kind);
      expect(onWorker.refusal, name).toEqual(inThread.refusal);
      expect(onWorker.lines, name).toEqual(inThread.lines);
      expect(inThread.refusal!.message, name).toMatch(/Dosya/);
    }
  }, 60_000);

  it('refuses a file whose ciphertext was altered (the GCM tag) on both', async () => {
    const file = write(gzip(ndjson([manifest, ...Array.from({ length: 5_000 }, (_, i) => change(i))])));
    const bytes = fs.readFileSync(file);
    const at = bytes.length - 200; // inside the ciphertext, before tag and signature
    bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
    fs.writeFileSync(file, bytes);
    expect((await read(file, false)).refusal?.kind).toBe('damaged');
    expect((await read(file, true)).refusal?.kind).toBe('damaged');
  });

  it('stops the worker when the reader stops early, and can read again', async () => {
    const file = write(gzip(ndjson([manifest, ...Array.from({ length: 40_000 }, (_, i) => change(i))])));
    expect((await read(file, false, 10)).lines).toHaveLength(10);
    const before = threads();
    const { header, offset, size } = readHeader(file);
    const lines = readLines(file, header, offset, size, box.privateKey, { worker: true });
    expect((await lines.next()).value).toEqual(manifest);
    expect(threads()).toBeGreaterThan(before); // the worker's thread, while it runs
    await lines.return(undefined);
    await expect.poll(threads).toBe(before);
    expect((await read(file, true)).lines).toHaveLength(40_001);
    await expect.poll(threads).toBe(before);
  });
});
