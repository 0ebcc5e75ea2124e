import crypto from 'node:crypto';
import fs from 'node:fs';
import stream from 'node:stream';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import { PACKED_CHANGE_FIELDS, type PackedChanges } from '../../db/sync/engine';

// Decrypting, decompressing, splitting and checking the lines of an exchange file: the part of an import
// that needs no database. A large file is decoded on a worker thread, so that it runs on the second core
// while the main thread stores the changes; a small one in this thread (starting a worker costs ~80 ms).
//
// One implementation serves both: DECODER below is the body of a function (modules, input, port), run by
// `new Function` here or as the script of an `eval` worker. It is plain JavaScript in a string because a
// worker needs a file of its own, which the bundled main process does not have; it uses nothing but Node's
// built-in modules, and every import runs it (tests: tests/sync/fuzz.test.ts, tests/sync/decoder.test.ts).
//
// What it sends, in order: { items } batches, where an item is either a line object (manifest, blob, end),
// a segment's digest ({ t: 'd', origin, first, last, digest, signature }: the segment line, with the SHA-256
// of the canonical text of the changes it closes, computed here — see origins.ts), or consecutive change
// lines packed into one array (PackedChanges, db/sync/engine.ts),
// then { done: true } once the GCM tag has been verified, or { error: kind }.
// It keeps at most CREDITS batches unacknowledged, so memory does not grow with the file.

const CREDITS = 4;

/**
 * Change lines per array. An array crosses to the main thread field by field, so every field arrives as a
 * string of its own (the repeated names once per array), one-byte where its text allows (SQLite binds those by copying, two-byte ones by
 * converting), and holding nothing else alive. Fields split from one string of a whole batch were two-byte
 * slices of it, each keeping the batch alive while it was held (a new row waiting for its INSERT holds its
 * id and values): the main thread's heap promoted those batches and grew by ~150 MiB at 1,000,000 changes.
 */
const PACK_LIMIT = 256;

export type DecodeFailure = 'too-large' | 'line-too-long' | 'unreadable' | 'unexpected' | 'bad-change' | 'bad-segment' | 'undecryptable';

export interface DecoderInput {
  file: string;
  /** First and last byte of the ciphertext in the file. */
  start: number;
  end: number;
  key: Uint8Array;
  iv: Uint8Array;
  tag: Uint8Array;
  maxPlaintextBytes: number;
  maxLineBytes: number;
}

/** A decoded line object, or consecutive change lines packed (PackedChanges). */
export type DecodedItem = PackedChanges | Record<string, unknown>;

type Message = { items: DecodedItem[] } | { done: true } | { error: DecodeFailure };

const DECODER = String.raw`
const { crypto, fs, zlib, stream } = modules;
const HLC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-.+$/;
const text = (v) => typeof v === 'string' && v.length > 0 && v.length < 1024 && v.indexOf('\u0000') < 0;
// Most values are a string without escapes, a number, null or a boolean: valid JSON by their shape alone,
// without parsing them a second time. Anything else is parsed.
const PLAIN_STRING = /^"[^"\\\u0000-\u001f]*"$/;
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const plainJson = (v) => PLAIN_STRING.test(v) || v === 'null' || v === 'true' || v === 'false' || PLAIN_NUMBER.test(v);
let credits = ${CREDITS};
let wake = null;
let stopped = false;
let plain = null;
port.on('message', (message) => {
  if (message === 'stop') {
    stopped = true;
    if (plain) plain.destroy();
  }
  credits++;
  if (wake) { const w = wake; wake = null; w(); }
});
class Failure { constructor(kind) { this.kind = kind; } }
let items = [];
let scoped = false;
// The run being packed: its names (table, column and origin, each once) and the fields of its changes.
let names = [];
let nameIds = new Map();
let packed = [names];
const nameOf = (name) => {
  let id = nameIds.get(name);
  if (id === undefined) {
    id = names.length;
    names.push(name);
    nameIds.set(name, id);
  }
  return id;
};
// Origin signatures (origins.ts): the segment each origin's changes are being hashed into, until its line.
const origins = new Map();
const segment = (v) => {
  const ok = text(v.origin) && Number.isSafeInteger(v.first) && Number.isSafeInteger(v.last) && v.first > 0 &&
    typeof v.signature === 'string' && v.signature.length > 0 && v.signature.length < 256;
  if (!ok) throw new Failure('bad-segment');
  const open = origins.get(v.origin);
  // A segment line closes exactly the changes of its origin read since the last one: no more, no fewer.
  if (!open || open.first !== v.first || open.next !== v.last + 1) throw new Failure('bad-segment');
  origins.delete(v.origin);
  endRun();
  flush(open);
  items.push({ t: 'd', origin: v.origin, first: v.first, last: v.last, digest: open.hash.digest('hex'), signature: v.signature });
};
// A segment's changes are hashed as their canonical text (origins.ts: fields joined by NUL, a newline after),
// written field by field into the segment's own buffer and hashed a buffer at a time: no string per change.
const SEGMENT_BUFFER = 65536;
const flush = (open) => {
  if (open.at > 0) open.hash.update(open.buffer.subarray(0, open.at));
  open.at = 0;
};
const hashChange = (open, table, row, column, json, hlc, seq, base) => {
  const number = String(seq);
  // At most 3 UTF-8 bytes per UTF-16 unit, and 7 separators.
  const most = 3 * (table.length + row.length + column.length + json.length + hlc.length + number.length + base.length) + 7;
  if (open.at + most > SEGMENT_BUFFER) {
    flush(open);
    if (most > SEGMENT_BUFFER) {
      open.hash.update(table + '\u0000' + row + '\u0000' + column + '\u0000' + json + '\u0000' + hlc + '\u0000' + number + '\u0000' + base + '\n');
      return;
    }
  }
  const b = open.buffer;
  let at = open.at;
  at += b.write(table, at); b[at++] = 0;
  at += b.write(row, at); b[at++] = 0;
  at += b.write(column, at); b[at++] = 0;
  at += b.write(json, at); b[at++] = 0;
  at += b.write(hlc, at); b[at++] = 0;
  at += b.write(number, at); b[at++] = 0;
  at += b.write(base, at); b[at++] = 10;
  open.at = at;
};
// Changes that no segment line closed are nobody's word: the file is refused.
const unsigned = () => { if (origins.size > 0) throw new Failure('bad-segment'); };
const endRun = () => {
  if (packed.length === 1) return;
  items.push(packed);
  names = [];
  nameIds = new Map();
  packed = [names];
};
const send = async () => {
  endRun();
  if (!items.length) return;
  if (credits === 0) await new Promise((resolve) => { wake = resolve; });
  if (stopped) throw new Failure('stopped');
  credits--;
  port.postMessage({ items });
  items = [];
};
const take = (line) => {
  if (line === '') return;
  let value;
  try { value = JSON.parse(line); } catch { throw new Failure('unreadable'); }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Failure('unexpected');
  if (value.t !== 'c') {
    // Digest items are this decoder's own output: a file that brings one is lying.
    if (value.t === 'd') throw new Failure('unexpected');
    // A file cut to its recipient's scope (from its parent) carries no segments: its sender speaks for it.
    if (value.t === 'manifest') scoped = value.scoped === true;
    if (value.t === 's') {
      if (scoped) throw new Failure('unexpected');
      return segment(value);
    }
    if (value.t === 'end' && !scoped) unsigned();
    endRun();
    items.push(value);
    return;
  }
  const { table, row, column, hlc, origin, seq, base } = value;
  const json = value.value;
  const ok = text(table) && text(row) && text(column) && typeof json === 'string' && text(origin) &&
    typeof hlc === 'string' && HLC.test(hlc) && Number.isSafeInteger(seq) && seq > 0 &&
    (base === null || base === undefined || (typeof base === 'string' && HLC.test(base)));
  if (!ok) throw new Failure('bad-change');
  if (!plainJson(json)) {
    try { JSON.parse(json); } catch { throw new Failure('bad-change'); }
  }
  if (scoped) {
    packed.push(nameOf(table), row, nameOf(column), json, hlc, nameOf(origin), seq, base || null);
    if (packed.length === ${1 + PACK_LIMIT * PACKED_CHANGE_FIELDS.length}) endRun();
    return;
  }
  // Each origin's changes come in seq order, one after another, hashed into the segment they belong to.
  let open = origins.get(origin);
  if (!open) origins.set(origin, (open = { first: seq, next: seq, hash: crypto.createHash('sha256'), buffer: Buffer.allocUnsafe(SEGMENT_BUFFER), at: 0 }));
  if (seq !== open.next) throw new Failure('bad-segment');
  open.next = seq + 1;
  hashChange(open, table, row, column, json, hlc, seq, base || '');
  packed.push(nameOf(table), row, nameOf(column), json, hlc, nameOf(origin), seq, base || null);
  if (packed.length === ${1 + PACK_LIMIT * PACKED_CHANGE_FIELDS.length}) endRun();
};
(async () => {
  const decipher = crypto.createDecipheriv('aes-256-gcm', input.key, input.iv);
  decipher.setAuthTag(input.tag);
  const source = fs.createReadStream(input.file, { start: input.start, end: input.end, highWaterMark: 1 << 20 });
  plain = stream.pipeline(source, decipher, zlib.createGunzip({ chunkSize: 1 << 18 }), () => {});
  let total = 0;
  let pieces = [];
  let pending = 0;
  try {
    for await (const chunk of plain) {
      total += chunk.length;
      if (total > input.maxPlaintextBytes) throw new Failure('too-large');
      const last = chunk.lastIndexOf(10);
      if (last < 0) {
        pieces.push(chunk);
        pending += chunk.length;
        if (pending > input.maxLineBytes) throw new Failure('line-too-long');
        continue;
      }
      if (pending + chunk.indexOf(10) > input.maxLineBytes) throw new Failure('line-too-long');
      const head = pieces.length ? Buffer.concat([...pieces, chunk.subarray(0, last)]) : chunk.subarray(0, last);
      // Line by line from the buffer: one string of the whole chunk (256 KiB) would be a large object, which
      // V8 frees only in a full collection.
      for (let from = 0; ; ) {
        const newline = head.indexOf(10, from);
        take(head.toString('utf8', from, newline < 0 ? head.length : newline));
        if (newline < 0) break;
        from = newline + 1;
      }
      pieces = last + 1 < chunk.length ? [Buffer.from(chunk.subarray(last + 1))] : [];
      pending = chunk.length - last - 1;
      await send();
    }
    if (pieces.length) take(Buffer.concat(pieces).toString('utf8'));
    unsigned();
    await send();
    port.postMessage({ done: true });
  } catch (error) {
    await send().catch(() => {});
    port.postMessage({ error: error instanceof Failure ? error.kind : 'undecryptable' });
  } finally {
    plain.destroy();
  }
})();
`;

const WORKER_PRELUDE = `const { parentPort, workerData } = require('node:worker_threads');
(function (modules, input, port) {${DECODER}})({ crypto: require('node:crypto'), fs: require('node:fs'), zlib: require('node:zlib'), stream: require('node:stream') }, workerData, parentPort);`;

const runInThread = new Function('modules', 'input', 'port', DECODER) as (modules: unknown, input: DecoderInput, port: unknown) => void;

/** A message channel between the decoder and the generator below, with the decoder's end as `port`. */
class Inbox {
  private readonly queue: Message[] = [];
  private waiting: ((m: Message) => void) | null = null;
  deliver(message: Message) {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(message);
    } else this.queue.push(message);
  }
  next(): Promise<Message> {
    const queued = this.queue.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => (this.waiting = resolve));
  }
}

/**
 * Decoded batches of an exchange file's plaintext lines, in order. Ends normally only after the GCM tag has
 * been verified; a failure is thrown as its DecodeFailure kind after the batches before it. On a worker
 * when `worker` is true; the worker is stopped when the caller stops iterating.
 */
export async function* decodeExchange(input: DecoderInput, options: { worker: boolean }): AsyncGenerator<DecodedItem[]> {
  const inbox = new Inbox();
  let acknowledge: () => void;
  let stop: () => Promise<unknown>;
  if (options.worker) {
    // Its garbage is short-lived: a small young generation keeps the worker ~35 MiB lighter, off the main path.
    const worker = new Worker(WORKER_PRELUDE, { eval: true, workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.on('message', (m: Message) => inbox.deliver(m));
    worker.on('error', () => inbox.deliver({ error: 'undecryptable' }));
    worker.on('exit', () => inbox.deliver({ error: 'undecryptable' }));
    acknowledge = () => worker.postMessage(1);
    stop = () => worker.terminate();
  } else {
    // In this thread the batches are handed over as they are (nothing else holds them).
    const listeners: ((message: unknown) => void)[] = [];
    const port = { postMessage: (m: Message) => inbox.deliver(m), on: (_: string, listener: (message: unknown) => void) => listeners.push(listener) };
    runInThread({ crypto, fs, zlib, stream }, input, port);
    acknowledge = () => listeners.forEach((l) => l(1));
    stop = async () => listeners.forEach((l) => l('stop'));
  }
  try {
    for (;;) {
      const message = await inbox.next();
      if ('error' in message) throw new DecoderFailure(message.error);
      if ('done' in message) return;
      yield message.items;
      acknowledge();
    }
  } finally {
    await stop();
  }
}

export class DecoderFailure extends Error {
  constructor(readonly kind: DecodeFailure) {
    super(kind);
    this.name = 'DecoderFailure';
  }
}
