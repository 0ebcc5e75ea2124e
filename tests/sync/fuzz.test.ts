import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { ImportResult } from '../../shared/contract/sync';
import { FORMAT_VERSION, MAGIC, MAX_LINE_BYTES, readHeader, readLines } from '../../electron/sync/exchangeFile';
import { boxKeyPair, signingKey } from '../../electron/sync/keys';
import { tempDir } from '../support/app';
import { cleanupFiles, createNode, enrol, exportFile, nextFile, type Node } from '../support/nodes';
import { craftFile, gzip, ndjson, parseParts, prefixFor, rng, sign, SIGNATURE_BYTES, TAG_BYTES, unsignedPart, type FileParts, type Rng } from './support/craft';
import { contentState, differingTables, integrityCheck, otherFiles } from './support/dbState';
import { testDataKey } from '../support/keyStore';

// Fuzzing import with thousands of damaged, truncated, re-signed and forged variants of real exchange
// files. Every variant must be refused — ok:false, code VALIDATION, a Turkish message without stack traces
// or raw JavaScript — by the real import and by a dry run alike, and must leave the recipient's database
// content (every row of every table) and its data folder exactly as they were.
//
//   KOPRU_LONG=1          ten times as many variants (20,000)
//   KOPRU_FUZZ_RUNS=n     any number of variants (split over the three groups as by default)
//   KOPRU_FUZZ_SEED=n     another seed (printed; the same seed gives the same variants)
//
// The seed fixes every mutation recipe (variant #i of a group always gets the same operation and positions);
// the files mutated are made afresh each run (new keys, node ids and dates), so a failure is reproduced by
// its group, index and recipe rather than byte for byte. Problems are collected, grouped by what went wrong,
// and reported at the end of each group, so one bug does not hide another.

const LONG = process.env.KOPRU_LONG === '1';
const RUNS = Number(process.env.KOPRU_FUZZ_RUNS ?? (LONG ? 20_000 : 2_000));
const SEED = Number(process.env.KOPRU_FUZZ_SEED ?? 0x4b6f7072);
const SHARE = { tampered: 0.6, resigned: 0.25, welcome: 0.15 };
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'importChild.mjs');
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Variant {
  name: string;
  bytes?: Buffer;
  /** Import this path instead of writing bytes (directories, missing files). */
  path?: string;
  welcomeFingerprint?: string;
}

interface Target {
  node: Node;
  label: string;
  hash: string;
  tables: Record<string, string>;
  files: string[];
}

const nodes: Node[] = [];
const variantsDir = tempDir('kopru-fuzz-');
let ministry: Node;
let ankara: Node;
let izmir: Node;
let bursa: Node;
let baseFile: Buffer;
let izmirFile: Buffer;
let welcomeFile: Buffer;
let baseLines: Record<string, unknown>[];
let keys: { ankara: crypto.KeyObject; izmir: crypto.KeyObject; ministry: crypto.KeyObject; bursa: crypto.KeyObject; stranger: crypto.KeyObject };
let atMinistry: Target;
let atBursa: Target;

/** Messages a refusal may never show: stack frames, error class names, system error codes, raw JS values. */
const RAW = /Error\b|\bat \S+ \(|\bat file:|node:internal|\.ts:\d+|\.js:\d+|\b(ENOENT|EISDIR|EACCES|EPERM|ENOTDIR|EMFILE|EINVAL|EIO|ERR_[A-Z_]+)\b|\[object |undefined|NaN|Unsupported state|Cannot read|Unexpected token/;
const TURKISH = /[çğıöşüÇĞİÖŞÜ]/;

const tally = new Map<string, number>();
const problems: string[] = [];
let attempted = 0;

function snapshot(node: Node, label: string): Target {
  const { hash, tables } = contentState(node.ctx.db!.sqlite);
  return { node, label, hash, tables, files: otherFiles(node.dataDir) };
}

function checkRefusal(envelope: Envelope<unknown>, where: string, logged: string[]): string | null {
  if (envelope.ok) {
    problems.push(`${where}: ACCEPTED (${JSON.stringify((envelope.value as ImportResult).report?.tables ?? envelope.value).slice(0, 200)})`);
    return null;
  }
  const { code, message, issues } = envelope.error;
  const texts = [message, ...(issues ?? []).map((i) => i.message)];
  // The dispatcher logs the cause of an INTERNAL error; it names the bug.
  if (code !== 'VALIDATION') problems.push(`${where}: code ${code} instead of a refusal of the file; cause: ${logged.join(' ').replace(/\[kopru\] sync:import failed: /, '') || message}`);
  for (const text of texts) {
    if (typeof text !== 'string' || text.trim() === '') problems.push(`${where}: empty message`);
    else if (!TURKISH.test(text)) problems.push(`${where}: message not Turkish: ${text}`);
    else if (RAW.test(text)) problems.push(`${where}: raw text in message: ${text}`);
  }
  return message;
}

/** Imports one variant for real and as a dry run; both must refuse it the same way and change nothing. */
async function attempt(target: Target, variant: Variant, index: number): Promise<void> {
  attempted++;
  const where = `${target.label} #${index} [${variant.name}]`;
  const file = variant.path ?? path.join(variantsDir, `v${index}.kopru`);
  if (variant.bytes) fs.writeFileSync(file, variant.bytes);
  const messages: (string | null)[] = [];
  for (const dryRun of [false, true]) {
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      const envelope = await target.node.invoke('sync:import', { path: file, dryRun, ...(variant.welcomeFingerprint ? { welcomeFingerprint: variant.welcomeFingerprint } : {}) });
      messages.push(checkRefusal(envelope, `${where}${dryRun ? ' (dry run)' : ''}`, logged));
    } catch (error) {
      problems.push(`${where}: invoke threw ${String(error)}`);
    } finally {
      console.error = consoleError;
    }
  }
  if (messages[0] !== messages[1]) problems.push(`${where}: the dry run said "${messages[1]}", the import "${messages[0]}"`);
  tally.set(messages[0] ?? '(accepted)', (tally.get(messages[0] ?? '(accepted)') ?? 0) + 1);
  const after = contentState(target.node.ctx.db!.sqlite);
  if (after.hash !== target.hash) {
    problems.push(`${where}: DATABASE CHANGED in ${differingTables(target.tables, after.tables).join(', ')}`);
    target.hash = after.hash; // so later variants are judged on their own
    target.tables = after.tables;
  }
  const files = otherFiles(target.node.dataDir);
  if (files.join() !== target.files.join()) {
    problems.push(`${where}: data folder changed: ${files.filter((f) => !target.files.includes(f)).join(', ')}`);
    target.files = files;
  }
  if (variant.bytes) fs.rmSync(file, { force: true });
}

/** Fails with every problem of the current test, grouped by what went wrong (variants listed per group). */
function report(label: string, count: number) {
  const groups = new Map<string, string[]>();
  for (const p of problems) {
    const match = /^(\S+(?: \(welcome\))?) #(\d+) \[(.*?)\]( \(dry run\))?: (.*)$/s.exec(p);
    const key = match ? match[5]!.replace(/\d+/g, 'N') : p;
    const list = groups.get(key) ?? [];
    list.push(match ? `#${match[2]} ${match[3]}${match[4] ?? ''}` : '');
    groups.set(key, list);
  }
  const summary = [...groups.entries()].map(([what, where]) => `${what} — ${where.length}×, e.g. ${where.slice(0, 4).join('; ')}`);
  problems.length = 0;
  expect(summary, `problems in ${label} (seed ${SEED})`).toEqual([]);
  expect(attempted).toBeGreaterThanOrEqual(count);
}

// ------------------------------------------------------------------------------------------ mutations

function regions(file: Buffer, parts: FileParts): Record<string, [number, number]> {
  const size = file.length;
  return {
    magic: [0, MAGIC.length],
    header: [MAGIC.length, parts.prefix.length],
    ciphertext: [parts.prefix.length, size - SIGNATURE_BYTES - TAG_BYTES],
    tag: [size - SIGNATURE_BYTES - TAG_BYTES, size - SIGNATURE_BYTES],
    signature: [size - SIGNATURE_BYTES, size],
    anywhere: [0, size],
  };
}

function flipBytes(r: Rng, file: Buffer, parts: FileParts): Variant {
  const region = r.pick(['magic', 'header', 'ciphertext', 'ciphertext', 'tag', 'signature', 'signature', 'anywhere', 'anywhere'] as const);
  const [start, end] = regions(file, parts)[region]!;
  const count = r.pick([1, 1, 1, 2, 3, 5, 8, 32]);
  const out = Buffer.from(file);
  for (let k = 0; k < count; k++) {
    const at = start + r.int(end - start);
    out[at] = out[at]! ^ r.range(1, 255);
  }
  return { name: `flip ${count} byte(s) in ${region}`, bytes: out };
}

function flipBit(r: Rng, file: Buffer): Variant {
  const out = Buffer.from(file);
  const at = r.int(file.length);
  const bit = r.int(8);
  out[at] = out[at]! ^ (1 << bit);
  return { name: `flip bit ${bit} at ${at}/${file.length}`, bytes: out };
}

function truncate(r: Rng, file: Buffer, parts: FileParts): Variant {
  const size = file.length;
  const head = parts.prefix.length;
  const special = [0, 1, 2, MAGIC.length - 1, MAGIC.length, head - 1, head, head + 1, head + 79, head + 80, size - 1, size - 2, size - 16, size - 63, size - 64, size - 65, size - 80, size - 81, size - 100];
  const length = r.chance(0.4) ? r.pick(special) : r.int(size);
  return { name: `truncate to ${length}/${size}`, bytes: file.subarray(0, Math.max(0, Math.min(size - 1, length))) };
}

function append(r: Rng, file: Buffer, parts: FileParts): Variant {
  const kind = r.pick(['garbage', 'byte', 'newline', 'signature', 'file', 'tag'] as const);
  const extra = {
    garbage: () => r.bytes(r.range(1, 4096)),
    byte: () => r.bytes(1),
    newline: () => Buffer.from('\n'),
    signature: () => parts.signature,
    file: () => file,
    tag: () => parts.tag,
  }[kind]();
  return { name: `append ${kind} (${extra.length} B)`, bytes: Buffer.concat([file, extra]) };
}

function prepend(r: Rng, file: Buffer): Variant {
  const kind = r.pick(['garbage', 'bom', 'space', 'magic'] as const);
  const extra = { garbage: () => r.bytes(r.range(1, 512)), bom: () => Buffer.from('\ufeff'), space: () => Buffer.from(' '), magic: () => Buffer.from(MAGIC) }[kind]();
  return { name: `prepend ${kind}`, bytes: Buffer.concat([extra, file]) };
}

function swap(r: Rng, file: Buffer, parts: FileParts): Variant {
  const kind = r.pick(['rotate', 'halves', 'ciphertext halves', 'tag and signature', 'ciphertext blocks'] as const);
  const size = file.length;
  if (kind === 'rotate') {
    const k = r.range(1, size - 1);
    return { name: `rotate at ${k}`, bytes: Buffer.concat([file.subarray(k), file.subarray(0, k)]) };
  }
  if (kind === 'halves') {
    const k = Math.floor(size / 2);
    return { name: 'swap halves', bytes: Buffer.concat([file.subarray(k), file.subarray(0, k)]) };
  }
  if (kind === 'tag and signature') return { name: 'signature before tag', bytes: Buffer.concat([parts.prefix, parts.ciphertext, parts.signature, parts.tag]) };
  const c = parts.ciphertext;
  if (kind === 'ciphertext halves') {
    const k = Math.floor(c.length / 2);
    return { name: 'swap ciphertext halves', bytes: Buffer.concat([parts.prefix, c.subarray(k), c.subarray(0, k), parts.tag, parts.signature]) };
  }
  const a = r.int(Math.max(1, c.length - 32));
  const b = r.int(Math.max(1, c.length - 32));
  const out = Buffer.from(c);
  c.subarray(a, a + 16).copy(out, b);
  c.subarray(b, b + 16).copy(out, a);
  return { name: `swap 16-byte ciphertext blocks at ${a} and ${b}`, bytes: Buffer.concat([parts.prefix, out, parts.tag, parts.signature]) };
}

function splice(r: Rng, file: Buffer): Variant {
  const kind = r.pick(['delete', 'insert', 'duplicate'] as const);
  const at = r.int(file.length);
  const length = r.range(1, 256);
  if (kind === 'delete') return { name: `delete ${length} B at ${at}`, bytes: Buffer.concat([file.subarray(0, at), file.subarray(at + length)]) };
  if (kind === 'insert') return { name: `insert ${length} B at ${at}`, bytes: Buffer.concat([file.subarray(0, at), r.bytes(length), file.subarray(at)]) };
  return { name: `duplicate ${length} B at ${at}`, bytes: Buffer.concat([file.subarray(0, at + length), file.subarray(at, at + length), file.subarray(at + length)]) };
}

function randomBytes(r: Rng): Variant {
  const kind = r.pick(['random', 'magic + random', 'magic + header + random', 'empty', 'magic only', 'magic + newline', 'text'] as const);
  const header = JSON.stringify({ format: FORMAT_VERSION, sender: ankara.nodeId, recipient: ministry.nodeId, createdAt: new Date().toISOString(), ephemeralKey: r.bytes(32).toString('base64'), iv: r.bytes(12).toString('base64') });
  const bytes = {
    random: () => r.bytes(r.range(0, 8192)),
    'magic + random': () => Buffer.concat([Buffer.from(MAGIC), r.bytes(r.range(0, 4096))]),
    'magic + header + random': () => Buffer.concat([prefixFor(header), r.bytes(r.pick([0, 1, 79, 80, 81, r.range(0, 4096)]))]),
    empty: () => Buffer.alloc(0),
    'magic only': () => Buffer.from(MAGIC),
    'magic + newline': () => Buffer.from(MAGIC + '\n'),
    text: () => Buffer.from('Merhaba, bu bir Köprü dosyası değil.\n'.repeat(r.range(1, 50))),
  }[kind]();
  return { name: `${kind} (${bytes.length} B)`, bytes };
}

type HeaderEdit = { name: string; breaking: boolean; apply(h: Record<string, unknown>): string };

/** Edits of the header line. `breaking` ones make the file unusable even when validly re-signed by its
 * real sender (a neutral edit, re-signed, is simply a valid file and is only used unsigned). */
function headerEdit(r: Rng, parts: FileParts, welcome: boolean): HeaderEdit {
  const other = () => r.pick([izmir.nodeId, ankara.nodeId, ministry.nodeId, bursa.nodeId, crypto.randomUUID(), '', 'ş'.repeat(40)]);
  const json = (h: Record<string, unknown>) => JSON.stringify(h);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  // Setting a field to the value it has is no edit at all: never counted as breaking.
  const set = (field: string, value: unknown, breaking = true): HeaderEdit => ({
    name: `header ${field} := ${JSON.stringify(value)?.slice(0, 30) ?? 'undefined'}`,
    breaking: breaking && !same(parts.header[field], value),
    apply: (h) => json({ ...h, [field]: value }),
  });
  // The sender's key in the header only labels an unknown sender's fingerprint; nothing is verified with it.
  const remove = (field: string): HeaderEdit => ({ name: `header without ${field}`, breaking: field !== 'senderKey', apply: (h) => json(Object.fromEntries(Object.entries(h).filter(([k]) => k !== field))) });
  const whole = (text: string, name: string): HeaderEdit => ({ name: `header is ${name}`, breaking: true, apply: () => text });
  const edits: (() => HeaderEdit)[] = [
    () => set('recipient', r.pick([izmir.nodeId, ankara.nodeId, bursa.nodeId, ministry.nodeId, crypto.randomUUID(), '', 42, null]), true),
    () => set('sender', r.pick([izmir.nodeId, ministry.nodeId, bursa.nodeId, ankara.nodeId, crypto.randomUUID(), '', 7, null])),
    () => set('format', r.pick([0, 2, '1', null, 1.5, -1, 1e9, true, {}, [], 'KOPRU'])),
    () => set('createdAt', r.pick([new Date(Date.now() + 864e5).toISOString(), '2000-01-01T00:00:00.000Z', '', 'dün', 0, null])),
    () => set('ephemeralKey', r.pick([r.bytes(32).toString('base64'), r.bytes(16).toString('base64'), '', 'bu base64 değil!', r.bytes(64).toString('base64'), 5])),
    () => set('iv', r.pick([r.bytes(12).toString('base64'), '', r.bytes(16).toString('base64'), r.bytes(1).toString('base64'), 'xx', {}])),
    () => remove(r.pick(['format', 'sender', 'recipient', 'createdAt', 'ephemeralKey', 'iv', 'senderKey'])),
    () => set('senderKey', r.bytes(32).toString('base64'), false),
    () => set('senderCard', { nodeId: r.pick([ankara.nodeId, ministry.nodeId]), unitId: 'province:06', role: 'province', unitName: 'Ankara', provincePlate: '06', signPublicKey: r.bytes(32).toString('base64'), boxPublicKey: r.bytes(32).toString('base64') }, welcome),
    () => set('extra', { ek: 'alan' }, false),
    () => ({ name: 'header with spaces', breaking: false, apply: (h) => JSON.stringify(h).replace(/,"/g, ', "') }),
    () => ({ name: 'header keys reordered', breaking: false, apply: (h) => json(Object.fromEntries(Object.entries(h).reverse())) }),
    () => ({ name: 'header pretty-printed over lines', breaking: true, apply: (h) => JSON.stringify(h, null, 2) }),
    () => ({ name: 'header with a trailing comma', breaking: true, apply: (h) => json(h).replace(/}$/, ',}') }),
    () => ({ name: 'header cut short', breaking: true, apply: (h) => json(h).slice(0, r.int(json(h).length)) }),
    () => whole(r.pick(['null', '[]', '"KOPRU"', '1', '{}', 'true', '{"format":1}', '']), 'a non-header JSON value'),
    () => whole('{"format":1,"pad":"' + 'a'.repeat(9000) + '"}', 'longer than 8 KiB'),
    () => whole(r.bytes(r.range(1, 200)).toString('latin1').replace(/\n/g, ' '), 'random bytes'),
  ];
  if (welcome) {
    const card = parts.header.senderCard as Record<string, unknown>;
    edits.push(() => {
      const field = r.pick(['nodeId', 'unitId', 'role', 'unitName', 'provincePlate', 'signPublicKey', 'boxPublicKey']);
      const value = field === 'signPublicKey' ? r.pick([r.bytes(32).toString('base64'), '']) : field === 'role' ? r.pick(['province', 'youth-center', 'ministry ']) : other();
      // The card's node, role and key are checked; its name, unit, plate and box key are simply taken.
      const breaking = ['nodeId', 'role', 'signPublicKey'].includes(field) && !same(card[field], value);
      return { name: `welcome card ${field} := ${String(value).slice(0, 20)}`, breaking, apply: (h) => json({ ...h, senderCard: { ...card, [field]: value } }) };
    });
  }
  return r.pick(edits)();
}

type Signer = keyof typeof keys;

/** Tampering without the sender's key: bytes changed, cut, added, moved; headers edited; other signers.
 * `realSigner` is the key that signed `file`: it is never used here (re-signing is the next group). */
function tampered(r: Rng, file: Buffer, realSigner: Signer, welcome: boolean): Variant {
  const parts = parseParts(file);
  const others = (['izmir', 'ministry', 'bursa', 'stranger'] as const).filter((s) => s !== realSigner);
  const kind = r.int(100);
  if (kind < 22) return flipBytes(r, file, parts);
  if (kind < 30) return flipBit(r, file);
  if (kind < 42) return truncate(r, file, parts);
  if (kind < 48) return append(r, file, parts);
  if (kind < 51) return prepend(r, file);
  if (kind < 57) return swap(r, file, parts);
  if (kind < 63) return splice(r, file);
  if (kind < 68) return randomBytes(r);
  if (kind < 88) {
    // A header edit, signed by nobody, by another enrolled node, by the recipient, or by a stranger.
    const edit = headerEdit(r, parts, welcome);
    const signer = r.pick(['none', ...others] as const);
    const unsigned = Buffer.concat([prefixFor(edit.apply({ ...parts.header })), parts.ciphertext, parts.tag]);
    const bytes = signer === 'none' ? Buffer.concat([unsigned, parts.signature]) : sign(unsigned, keys[signer]);
    if (bytes.equals(file)) return tampered(r, file, realSigner, welcome);
    return { name: `${edit.name}, signed by ${signer}`, bytes };
  }
  // The untouched content signed by another key, or claimed to come from the node whose key signed it.
  const signer = r.pick(others);
  const how = r.pick(['re-signed', 'claimed and signed', 'other file'] as const);
  if (how === 're-signed') return { name: `signed by ${signer} instead`, bytes: sign(unsignedPart(file), keys[signer]) };
  if (how === 'other file') {
    // İzmir's own valid file to the ministry, now claiming to come from Ankara (or the reverse for a welcome).
    const source = parseParts(welcome ? baseFile : izmirFile);
    const sender = welcome ? ministry.nodeId : ankara.nodeId;
    const recipient = welcome ? bursa.nodeId : ministry.nodeId;
    const header = JSON.stringify({ ...source.header, sender, recipient });
    return { name: `another node's file relabelled as from ${welcome ? 'the ministry' : 'Ankara'}`, bytes: Buffer.concat([prefixFor(header), source.ciphertext, source.tag, source.signature]) };
  }
  const claimed = { izmir: izmir.nodeId, bursa: bursa.nodeId, ministry: ministry.nodeId, stranger: crypto.randomUUID() }[signer];
  const header = JSON.stringify({ ...parts.header, sender: claimed });
  return { name: `claims to be from ${signer} and is signed by ${signer}`, bytes: sign(Buffer.concat([prefixFor(header), parts.ciphertext, parts.tag]), keys[signer]) };
}

// ---------------------------------------------------------------- validly signed by the real sender

function craft(lines: readonly unknown[] | Buffer, options: { gzipped?: boolean; signer?: crypto.KeyObject } = {}): Buffer {
  const payload = Buffer.isBuffer(lines) ? lines : options.gzipped === false ? ndjson(lines) : gzip(ndjson(lines));
  return craftFile({
    sender: ankara.nodeId,
    recipient: ministry.nodeId,
    createdAt: new Date().toISOString(),
    recipientBoxKey: boxKeyPair(ministry.dataDir, testDataKey(ministry.dataDir)).publicKey,
    signingKey: options.signer ?? keys.ankara,
    payload,
  });
}

/** Broken files that carry the real sender's valid signature (a sender bug, or damage before signing):
 * the signature check passes, so the refusal happens inside the import transaction and must roll back. */
function resigned(r: Rng, file: Buffer, signer: crypto.KeyObject, welcome: boolean): Variant {
  const parts = parseParts(file);
  const kind = r.int(welcome ? 40 : 100);
  if (kind < 10) {
    const out = Buffer.from(parts.ciphertext);
    const count = r.pick([1, 1, 2, 8]);
    for (let k = 0; k < count; k++) {
      const at = r.int(out.length);
      out[at] = out[at]! ^ r.range(1, 255);
    }
    return { name: `ciphertext flipped (${count} B), re-signed`, bytes: sign(Buffer.concat([parts.prefix, out, parts.tag]), signer) };
  }
  if (kind < 16) {
    const tag = Buffer.from(parts.tag);
    const at = r.int(TAG_BYTES);
    tag[at] = tag[at]! ^ (1 << r.int(8));
    return { name: 'GCM tag flipped, re-signed', bytes: sign(Buffer.concat([parts.prefix, parts.ciphertext, tag]), signer) };
  }
  if (kind < 24) {
    const keep = r.int(parts.ciphertext.length);
    return { name: `ciphertext cut to ${keep}/${parts.ciphertext.length}, re-signed`, bytes: sign(Buffer.concat([parts.prefix, parts.ciphertext.subarray(0, keep), parts.tag]), signer) };
  }
  if (kind < 28) {
    const extra = r.bytes(r.range(1, 64));
    return { name: `ciphertext with ${extra.length} B more, re-signed`, bytes: sign(Buffer.concat([parts.prefix, parts.ciphertext, extra, parts.tag]), signer) };
  }
  if (kind < 40) {
    let edit = headerEdit(r, parts, welcome);
    while (!edit.breaking) edit = headerEdit(r, parts, welcome);
    return { name: `${edit.name}, re-signed`, bytes: sign(Buffer.concat([prefixFor(edit.apply({ ...parts.header })), parts.ciphertext, parts.tag]), signer) };
  }
  return plaintext(r);
}

/** Encrypted and signed correctly, but the content inside is broken. */
function plaintext(r: Rng): Variant {
  const lines = baseLines.map((l) => ({ ...l }));
  const manifest = lines[0]!;
  const endIndex = lines.length - 1;
  const changeIndex = () => r.range(1, endIndex - 1);
  const op = r.int(15);
  switch (op) {
    case 0: {
      const k = r.int(lines.length);
      const text = ndjson(lines).toString('utf8').split('\n');
      const line = text[k]!;
      text[k] = line.slice(0, r.range(1, line.length - 1));
      return { name: `line ${k} of ${lines.length} cut short`, bytes: craft(Buffer.from(zlib.gzipSync(text.join('\n')))) };
    }
    case 1: {
      const k = r.int(lines.length);
      return { name: `line ${k} of ${lines.length} removed`, bytes: craft(lines.filter((_, i) => i !== k)) };
    }
    case 2: {
      const k = changeIndex();
      return { name: `change line ${k} twice`, bytes: craft([...lines.slice(0, k + 1), lines[k], ...lines.slice(k + 1)]) };
    }
    case 3: {
      const delta = r.pick([-1, 1, 1000]);
      return { name: `end line counts ${delta} changes`, bytes: craft([...lines.slice(0, endIndex), { t: 'end', changes: Number(lines[endIndex]!.changes) + delta, blobs: 0 }]) };
    }
    case 4:
      return { name: 'end line says one blob', bytes: craft([...lines.slice(0, endIndex), { t: 'end', changes: lines[endIndex]!.changes, blobs: 1 }]) };
    case 5: {
      const extra = r.pick([lines[1], lines[endIndex], { t: 'c' }, { t: 'b', sha256: '00', data: '' }]);
      return { name: 'a line after the end line', bytes: craft([...lines, extra]) };
    }
    case 6: {
      const field = r.pick(['recipient', 'sender', 'schemaVersion', 't'] as const);
      const value = {
        recipient: () => r.pick([izmir.nodeId, ankara.nodeId, '']),
        sender: () => ({ ...(manifest.sender as object), nodeId: r.pick([izmir.nodeId, ministry.nodeId]) }),
        schemaVersion: () => Number(manifest.schemaVersion) + r.range(1, 5),
        t: () => r.pick(['manifesto', 'c', 'end']),
      }[field]();
      return { name: `manifest ${field} changed`, bytes: craft([{ ...manifest, [field]: value }, ...lines.slice(1)]) };
    }
    case 7:
      return { name: 'payload not gzipped', bytes: craft(lines, { gzipped: false }) };
    case 8: {
      const full = gzip(ndjson(lines));
      const keep = r.int(full.length);
      return { name: `gzip stream cut to ${keep}/${full.length}`, bytes: craft(full.subarray(0, keep)) };
    }
    case 9: {
      const full = Buffer.from(gzip(ndjson(lines)));
      const at = r.range(10, full.length - 9);
      full[at] = full[at]! ^ r.range(1, 255);
      return { name: `gzip stream byte ${at} flipped`, bytes: craft(full) };
    }
    case 10: {
      const empty = r.chance(0.5);
      return { name: empty ? 'no ciphertext at all' : 'gzip of nothing', bytes: craft(empty ? Buffer.alloc(0) : gzip(Buffer.alloc(0))) };
    }
    case 11:
      return { name: 'random payload', bytes: craft(r.bytes(r.range(1, 2048))) };
    case 12: {
      const k = r.range(0, endIndex);
      const text = ndjson(lines).toString('utf8').split('\n');
      text.splice(k, 0, r.pick(['{', '{"t":"c"', '<?xml version="1.0"?>', '\u0000\u0001', '{"t":"c",}']));
      return { name: `unreadable line inserted at ${k}`, bytes: craft(Buffer.from(zlib.gzipSync(text.join('\n')))) };
    }
    case 13: {
      const k = r.range(0, endIndex);
      return { name: `a JSON null line at ${k}`, bytes: craft([...lines.slice(0, k), 'null', ...lines.slice(k)]) };
    }
    default: {
      const k = changeIndex();
      return { name: `only the first ${k} lines (no end line)`, bytes: craft(lines.slice(0, k)) };
    }
  }
}

// ---------------------------------------------------------------------------------------------- setup

beforeAll(async () => {
  ministry = await createNode('ministry', 'ministry');
  ankara = await createNode('ankara', 'province', '06');
  izmir = await createNode('izmir', 'province', '35');
  bursa = await createNode('bursa', 'province', '16');
  nodes.push(ministry, ankara, izmir, bursa);
  await enrol(ministry, ankara);
  await enrol(ministry, izmir);
  // Bursa is enrolled by the ministry but has not imported the welcome file yet: the welcome file is fuzzed.
  const intro = nextFile('intro-bursa', 'json');
  const { fingerprint } = await bursa.ok<{ fingerprint: string }>('sync:introduce', { path: intro });
  await ministry.ok('sync:enroll', { path: intro, fingerprint });
  const welcome = nextFile('welcome-ministry-bursa');
  await ministry.ok('sync:export', { peerNode: bursa.nodeId, path: welcome, welcome: true });

  const districts = async (node: Node, plate: string) => node.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: plate });
  const ankaraDistricts = await districts(ankara, '06');
  for (const name of ['Keçiören', 'Çankaya', 'Yenimahalle', 'Mamak', 'Sincan', 'Etimesgut']) {
    await ankara.ok('orgUnits:createYouthCentre', { name: `${name} Gençlik Merkezi`, districtId: ankaraDistricts.find((d) => d.name === name)!.id, status: 'active', hallCapacity: 120 });
  }
  await ankara.ok('registry:create', { name: 'Etimesgut Doğa Sporları Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: ankaraDistricts.find((d) => d.name === 'Etimesgut')!.id });
  await ankara.ok('registry:create', { name: 'Mamak Satranç Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: ankaraDistricts.find((d) => d.name === 'Mamak')!.id });
  const izmirDistricts = await districts(izmir, '35');
  await izmir.ok('orgUnits:createYouthCentre', { name: 'Bornova Gençlik Merkezi', districtId: izmirDistricts.find((d) => d.name === 'Bornova')!.id, status: 'active' });

  baseFile = fs.readFileSync(await exportFile(ankara, ministry));
  izmirFile = fs.readFileSync(await exportFile(izmir, ministry));
  welcomeFile = fs.readFileSync(welcome);
  keys = {
    ankara: signingKey(ankara.dataDir, testDataKey(ankara.dataDir)),
    izmir: signingKey(izmir.dataDir, testDataKey(izmir.dataDir)),
    ministry: signingKey(ministry.dataDir, testDataKey(ministry.dataDir)),
    bursa: signingKey(bursa.dataDir, testDataKey(bursa.dataDir)),
    stranger: crypto.generateKeyPairSync('ed25519').privateKey,
  };
  const baseCopy = path.join(variantsDir, 'base.kopru');
  fs.writeFileSync(baseCopy, baseFile);
  const { header, offset, size } = readHeader(baseCopy);
  baseLines = [];
  for await (const line of readLines(baseCopy, header, offset, size, boxKeyPair(ministry.dataDir, testDataKey(ministry.dataDir)).privateKey)) baseLines.push(line);
  fs.rmSync(baseCopy);

  atMinistry = snapshot(ministry, 'ministry');
  atBursa = snapshot(bursa, 'bursa (welcome)');
}, 60_000);

afterAll(() => {
  nodes.forEach((n) => n.close());
  fs.rmSync(variantsDir, { recursive: true, force: true });
  cleanupFiles();
  const top = [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([m, n]) => `  ${String(n).padStart(6)}  ${m}`);
  console.log(`[fuzz] ${attempted} variants (seed ${SEED}), each imported and dry-run; refusals by message:\n${top.join('\n')}`);
});

// ---------------------------------------------------------------------------------------------- tests

describe('fuzzing import: every damaged or forged file is refused and changes nothing', () => {
  it('the files being fuzzed are real: a province file with youth centres and associations, and a welcome file', () => {
    expect(baseLines[0]).toMatchObject({ t: 'manifest', recipient: ministry.nodeId });
    expect(baseLines.at(-1)).toMatchObject({ t: 'end' });
    const tables = new Set(baseLines.filter((l) => l.t === 'c').map((l) => l.table));
    expect([...tables]).toEqual(expect.arrayContaining(['youth_centres', 'associations']));
    expect(parseParts(welcomeFile).header.senderCard).toBeTruthy();
  });

  it('odd things instead of a file: empty, missing, a folder, other Köprü files, the database itself', async () => {
    const start = attempted;
    const folder = path.join(variantsDir, 'a-folder.kopru');
    fs.mkdirSync(folder);
    const odd: Variant[] = [
      { name: 'empty file', bytes: Buffer.alloc(0) },
      { name: 'missing file', path: path.join(variantsDir, 'yok.kopru') },
      { name: 'a folder', path: folder },
      { name: 'the welcome file for another installation', bytes: welcomeFile },
      { name: 'an introduction file', bytes: Buffer.from(JSON.stringify({ kind: 'kopru-introduction', version: 1 })) },
      { name: 'a gzip file', bytes: zlib.gzipSync('merhaba') },
      { name: 'a zip file', bytes: Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000') },
      { name: 'the recipient database file', bytes: fs.readFileSync(path.join(ministry.dataDir, 'kopru.sqlite')) },
      { name: 'a file exported to another installation', bytes: fs.readFileSync(await exportFile(ministry, izmir)) },
    ];
    atMinistry = snapshot(ministry, 'ministry'); // the export above wrote to the ministry's ledger
    for (const [i, v] of odd.entries()) await attempt(atMinistry, v, i);
    report('odd files', start + odd.length);
  });

  it(`${Math.round(RUNS * SHARE.tampered)} variants tampered without the sender's key are refused before anything is applied`, async () => {
    const start = attempted;
    const count = Math.round(RUNS * SHARE.tampered);
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const r = rng(SEED + i);
      const fromIzmir = r.chance(0.15);
      await attempt(atMinistry, tampered(r, fromIzmir ? izmirFile : baseFile, fromIzmir ? 'izmir' : 'ankara', false), i);
    }
    console.log(`[fuzz] ${count} tampered variants in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    report('tampered variants', start + count);
  }, 600_000);

  it(`${Math.round(RUNS * SHARE.resigned)} broken files validly signed by the real sender are refused inside the transaction and roll back`, async () => {
    const start = attempted;
    const count = Math.round(RUNS * SHARE.resigned);
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const r = rng(SEED + 1_000_003 + i);
      await attempt(atMinistry, resigned(r, baseFile, keys.ankara, false), i);
    }
    console.log(`[fuzz] ${count} re-signed variants in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    report('re-signed variants', start + count);
  }, 600_000);

  it(`${Math.round(RUNS * SHARE.welcome)} variants of a welcome file are refused and leave the installation unenrolled`, async () => {
    const start = attempted;
    const count = Math.round(RUNS * SHARE.welcome);
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const r = rng(SEED + 2_000_003 + i);
      const choice = r.int(10);
      let variant: Variant;
      if (choice === 0) {
        // The untouched welcome file with a wrong fingerprint, another node's, or none.
        const fp = r.pick([izmir.fingerprint, ankara.fingerprint, bursa.fingerprint, 'AAAA BBBB CCCC DDDD', ministry.fingerprint.replace(/[0-9A-F]/, (c) => (c === '0' ? '1' : '0'))]);
        variant = { name: `untouched, fingerprint ${fp.slice(0, 9)}…`, bytes: welcomeFile, welcomeFingerprint: fp };
        if (r.chance(0.2)) variant = { name: 'untouched, no fingerprint given', bytes: welcomeFile };
      } else if (choice < 4) {
        variant = { ...resigned(r, welcomeFile, keys.ministry, true), welcomeFingerprint: ministry.fingerprint };
      } else {
        variant = { ...tampered(r, welcomeFile, 'ministry', true), welcomeFingerprint: ministry.fingerprint };
      }
      await attempt(atBursa, variant, i);
    }
    console.log(`[fuzz] ${count} welcome variants in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const peers = bursa.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM sync_peers').get() as { n: number };
    expect(peers.n).toBe(0);
    report('welcome variants', start + count);
  }, 600_000);

  it('a dry run refuses what the import would refuse: an attachment whose content does not match its hash', async () => {
    const start = attempted;
    const endIndex = baseLines.length - 1;
    const blob = { t: 'b', sha256: crypto.createHash('sha256').update('asıl içerik').digest('hex'), data: Buffer.from('başka içerik').toString('base64') };
    const bytes = craft([...baseLines.slice(0, endIndex), blob, { t: 'end', changes: baseLines[endIndex]!.changes, blobs: 1 }]);
    await attempt(atMinistry, { name: 'attachment content does not match its sha256', bytes }, 0);
    report('attachment hash', start + 1);
  });

  it('a validly signed file whose first line exceeds MAX_LINE_BYTES is refused as too large, in reasonable time', async () => {
    // Needs the sender's key, so only an enrolled peer (or its stolen key) can send it: a gzip bomb of one
    // endless line, 64 KiB compressed. Run in a separate process so that a slow reader can be stopped.
    ministry.ctx.db!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dataDir = path.join(variantsDir, 'bomb-installation');
    fs.cpSync(ministry.dataDir, dataDir, { recursive: true });
    const bomb = path.join(variantsDir, 'bomb.kopru');
    fs.writeFileSync(bomb, craft(zlib.gzipSync(Buffer.alloc(MAX_LINE_BYTES + 1024, 0x61), { level: 9 })));
    const limitMs = 15_000;
    const started = performance.now();
    const child = spawn(process.execPath, [CHILD, dataDir, bomb, String(Date.now())], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, s) => resolve(s)));
    clearTimeout(timer);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const result = /result (.*)/.exec(output)?.[1];
    expect(signal, `the import of a ${(MAX_LINE_BYTES / 1048576).toFixed(0)} MiB line was still running after ${seconds} s (stopped); progress: ${output.replace(/\n/g, ' | ')}`).toBeNull();
    expect(JSON.parse(result ?? '{}')).toMatchObject({ ok: false, code: 'VALIDATION', message: 'Dosyada izin verilenden uzun bir kayıt var.' });
  }, 30_000);

  it('afterwards: both installations pass integrity_check, and the untouched files still import', async () => {
    for (const target of [atMinistry, atBursa]) {
      expect(integrityCheck(target.node.ctx.db!.sqlite)).toBe('ok');
      expect(contentState(target.node.ctx.db!.sqlite).hash).toBe(target.hash);
    }
    const original = path.join(variantsDir, 'original.kopru');
    fs.writeFileSync(original, baseFile);
    const preview = await ministry.ok<ImportResult>('sync:import', { path: original, dryRun: true });
    expect(preview.report.tables.youth_centres?.new).toBe(6);
    expect(contentState(ministry.ctx.db!.sqlite).hash).toBe(atMinistry.hash);
    const applied = await ministry.ok<ImportResult>('sync:import', { path: original });
    expect(applied.report.tables.youth_centres?.new).toBe(6);
    expect(applied.report.tables.associations?.new).toBe(2);
    expect(applied.report.rejected).toEqual([]);
    const welcomed = path.join(variantsDir, 'welcome.kopru');
    fs.writeFileSync(welcomed, welcomeFile);
    await bursa.ok('sync:import', { path: welcomed, welcomeFingerprint: ministry.fingerprint });
    expect((bursa.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM sync_peers').get() as { n: number }).n).toBe(1);
    expect(integrityCheck(ministry.ctx.db!.sqlite)).toBe('ok');
    expect(integrityCheck(bursa.ctx.db!.sqlite)).toBe('ok');
  });
});
