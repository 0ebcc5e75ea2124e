import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CanonicalHash, canonicalChange, SEGMENT_MAX_CHANGES, SegmentSigner, segmentSignatureValid, type CanonicalChange } from '../../electron/sync/origins';
import { rawPublic } from '../../electron/sync/keys';

// The export hashes the changes it signs through a reused buffer (CanonicalHash); the decoder and every
// receiver hash canonicalChange's text. A single differing byte would make every signature the export makes
// fail at every receiver, so the two are held to the same digests here, on text that stresses the encoding.

const values = [
  JSON.stringify('Çankaya Gençlik Merkezi — İğdır ışık ŞĞÜÖÇ'),
  JSON.stringify('😀 emoji and a surrogate pair 𝄞'),
  JSON.stringify('a lone surrogate \ud800 here'),
  JSON.stringify('x'.repeat(70_000)), // larger than the buffer
  JSON.stringify('ğ'.repeat(25_000)), // fits by length, not by worst case
  '12',
  'null',
  JSON.stringify(''),
];

function change(i: number): CanonicalChange & { seq: number } {
  return {
    table: i % 2 ? 'youth_centres' : 'association_people', row: `row-${i}-ı`, column: ['name', 'address', 'note'][i % 3]!,
    value: values[i % values.length]!, hlc: `2026-12-07T10:00:00.000Z-${(i % 65536).toString(16).padStart(4, '0')}-abcdef0123456789`,
    seq: i + 1, base: i % 4 === 0 ? null : `2026-12-06T10:00:00.000Z-0000-abcdef0123456789`,
  };
}

const reference = (changes: CanonicalChange[]) => {
  const hash = crypto.createHash('sha256');
  for (const c of changes) hash.update(canonicalChange(c));
  return hash.digest('hex');
};

describe('origin signatures', () => {
  it('hash the same bytes as canonicalChange, across buffer boundaries, long values and any UTF-16', () => {
    const changes = Array.from({ length: 5_000 }, (_, i) => change(i));
    const hash = new CanonicalHash();
    for (const c of changes.slice(0, 2_000)) hash.add(c);
    expect(hash.digest()).toBe(reference(changes.slice(0, 2_000)));
    // The next digest starts afresh.
    for (const c of changes.slice(2_000)) hash.add(c);
    expect(hash.digest()).toBe(reference(changes.slice(2_000)));
    expect(new CanonicalHash().digest()).toBe(reference([]));
  });

  it('sign segments of at most SEGMENT_MAX_CHANGES that verify against the origin key', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const signer = new SegmentSigner(privateKey, 'abcdef0123456789', 10);
    const changes = Array.from({ length: SEGMENT_MAX_CHANGES + 5 }, (_, i) => ({ ...change(i % 3), seq: 11 + i }));
    const segments = changes.map((c) => signer.add(c)).filter((s) => s !== null);
    const rest = signer.finish();
    expect(segments.map((s) => [s.first, s.last])).toEqual([[11, 10 + SEGMENT_MAX_CHANGES]]);
    expect([rest!.first, rest!.last]).toEqual([11 + SEGMENT_MAX_CHANGES, 15 + SEGMENT_MAX_CHANGES]);
    expect(segments[0]!.digest).toBe(reference(changes.slice(0, SEGMENT_MAX_CHANGES)));
    expect(rest!.digest).toBe(reference(changes.slice(SEGMENT_MAX_CHANGES)));
    const key = rawPublic(publicKey);
    for (const s of [...segments, rest!]) expect(segmentSignatureValid(key, s.origin, s.first, s.last, s.digest, s.signature)).toBe(true);
    // A digest that differs by one character does not verify.
    const altered = rest!.digest.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(segmentSignatureValid(key, rest!.origin, rest!.first, rest!.last, altered, rest!.signature)).toBe(false);
    expect(signer.finish()).toBeNull();
  });
});
