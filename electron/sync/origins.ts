import crypto from 'node:crypto';
import type { Segment } from '../../db/sync/segments';
import { ed25519Public } from './keys';

// Origin signatures (issue #14). A file's signature proves who sent it, not who wrote each change in it: a
// relay holds other installations' changes and could alter them. So each origin also signs what it wrote,
// in segments: (origin, first seq, last seq, SHA-256 of the changes' canonical text in seq order), and every
// relay passes the signature on unchanged. The file carries a segment line after each segment's changes;
// the decoder (exchangeDecoder.ts) hashes the changes as they stream past and checks that each origin's
// changes come as whole segments in order; the import verifies each signature against the origin's enrolled
// key before it commits.

/** At most this many changes in one segment, so that a long log is verified (and can be cut) in steps. */
export const SEGMENT_MAX_CHANGES = 65_536;

export interface CanonicalChange {
  table: string;
  row: string;
  column: string;
  value: string;
  hlc: string;
  seq: number | string;
  base: string | null;
}

/**
 * The canonical text of a change, as hashed into its segment's digest: its fields joined by NUL (which no
 * field can hold: values are JSON, where NUL is escaped) and ended by a newline. The decoder has its own copy
 * in its source text; tests/sync/decoder.test.ts holds the two to the same bytes.
 */
export function canonicalChange(e: CanonicalChange): string {
  return `${e.table}\u0000${e.row}\u0000${e.column}\u0000${e.value}\u0000${e.hlc}\u0000${e.seq}\u0000${e.base ?? ''}\n`;
}

/**
 * SHA-256 of changes' canonical text (the bytes canonicalChange gives, change after change), written field by
 * field into one reused buffer and hashed a buffer at a time: no string per change for the collector, and one
 * `update` per 64 KiB instead of one per change (the export hashes every change it signs on its own thread).
 */
export class CanonicalHash {
  private hash = crypto.createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(64 * 1024);
  private at = 0;

  add(e: CanonicalChange): void {
    const seq = String(e.seq);
    const base = e.base ?? '';
    // At most 3 UTF-8 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units), plus 7 separators.
    const most = 3 * (e.table.length + e.row.length + e.column.length + e.value.length + e.hlc.length + seq.length + base.length) + 7;
    if (this.at + most > this.buffer.length) {
      this.flush();
      // A change larger than the buffer (a long text value) is hashed as its string.
      if (most > this.buffer.length) return void this.hash.update(canonicalChange(e));
    }
    const b = this.buffer;
    let at = this.at;
    at += b.write(e.table, at);
    b[at++] = 0;
    at += b.write(e.row, at);
    b[at++] = 0;
    at += b.write(e.column, at);
    b[at++] = 0;
    at += b.write(e.value, at);
    b[at++] = 0;
    at += b.write(e.hlc, at);
    b[at++] = 0;
    at += b.write(seq, at);
    b[at++] = 0;
    at += b.write(base, at);
    b[at++] = 10;
    this.at = at;
  }

  /** The digest of everything added since the last one, in hex; starts the next. */
  digest(): string {
    this.flush();
    const digest = this.hash.digest('hex');
    this.hash = crypto.createHash('sha256');
    return digest;
  }

  private flush(): void {
    if (this.at > 0) this.hash.update(this.buffer.subarray(0, this.at));
    this.at = 0;
  }
}

/** What an origin signs for one segment. */
export function segmentMessage(origin: string, first: number, last: number, digest: string): Buffer {
  return Buffer.from(`kopru-segment-1\n${origin}\n${first}\n${last}\n${digest}`);
}

export function signSegment(key: crypto.KeyObject, origin: string, first: number, last: number, digest: string): string {
  return crypto.sign(null, segmentMessage(origin, first, last, digest), key).toString('base64');
}

/**
 * Signs an origin's changes, fed in seq order from the one after `signedUpTo`, into segments of at most
 * SEGMENT_MAX_CHANGES: `add` returns a segment when one fills up, `finish` the last, partial one.
 */
export class SegmentSigner {
  private readonly hash = new CanonicalHash();
  private first: number;
  private last: number;

  constructor(
    private readonly key: crypto.KeyObject,
    private readonly origin: string,
    signedUpTo: number,
  ) {
    this.first = signedUpTo + 1;
    this.last = signedUpTo;
  }

  add(change: CanonicalChange & { seq: number }): Segment | null {
    this.hash.add(change);
    this.last = change.seq;
    return this.last - this.first + 1 === SEGMENT_MAX_CHANGES ? this.close() : null;
  }

  finish(): Segment | null {
    return this.last >= this.first ? this.close() : null;
  }

  private close(): Segment {
    const { origin, first, last } = this;
    const digest = this.hash.digest();
    this.first = last + 1;
    return { origin, first, last, digest, signature: signSegment(this.key, origin, first, last, digest) };
  }
}

export function segmentSignatureValid(publicKey: string, origin: string, first: number, last: number, digest: string, signature: string): boolean {
  try {
    return crypto.verify(null, segmentMessage(origin, first, last, digest), ed25519Public(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
