import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, MAX_COUNTER, parseHlc, receive, tick, type Hlc } from '../../db/changeLog/hlc';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0, 0);
const start = (node = 'a1b2c3d4e5f60718'): Hlc => ({ millis: 0, counter: 0, node });

/** Total order of HLC timestamps: (millis, counter, node). */
function cmp(a: Hlc, b: Hlc): number {
  if (a.millis !== b.millis) return a.millis - b.millis;
  if (a.counter !== b.counter) return a.counter - b.counter;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

const hlcArb = fc.record({
  millis: fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }),
  counter: fc.integer({ min: 0, max: MAX_COUNTER }),
  node: fc.stringMatching(/^[0-9a-f]{16}$/),
});

describe('tick', () => {
  it('follows the wall clock when it moves forward', () => {
    const a = tick(start(), T0);
    expect(a).toEqual({ millis: T0, counter: 0, node: start().node });
    const b = tick(a, T0 + 5);
    expect(b).toEqual({ millis: T0 + 5, counter: 0, node: a.node });
  });

  it('stays monotonic when the wall clock stands still or goes backwards', () => {
    let clock = tick(start(), T0);
    const seen = [clock];
    for (const now of [T0, T0 - 1000, T0 - 60 * 60 * 1000, T0 + 1, T0 - 5]) {
      clock = tick(clock, now);
      seen.push(clock);
    }
    for (let i = 1; i < seen.length; i++) expect(cmp(seen[i - 1]!, seen[i]!)).toBeLessThan(0);
    // It does not invent time: it stays at the highest wall-clock reading it has seen.
    expect(clock.millis).toBe(T0 + 1);
  });

  it('moves to the next millisecond when the counter would overflow', () => {
    const full: Hlc = { millis: T0, counter: MAX_COUNTER, node: 'n' };
    const next = tick(full, T0);
    expect(next).toEqual({ millis: T0 + 1, counter: 0, node: 'n' });
    expect(cmp(full, next)).toBeLessThan(0);
    expect(formatHlc(full) < formatHlc(next)).toBe(true);
  });

  it('is strictly increasing for any sequence of wall-clock readings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: T0 - 10_000, max: T0 + 10_000 }), { minLength: 1, maxLength: 200 }), (readings) => {
        let clock = start();
        for (const now of readings) {
          const next = tick(clock, now);
          expect(cmp(clock, next)).toBeLessThan(0);
          expect(next.millis).toBeGreaterThanOrEqual(now);
          expect(next.counter).toBeLessThanOrEqual(MAX_COUNTER);
          clock = next;
        }
      }),
    );
  });
});

describe('receive', () => {
  it('orders after both the local clock and the remote timestamp', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), (local, remote, now) => {
        const next = receive(local, remote, now);
        expect(next.node).toBe(local.node);
        expect(next.millis).toBeGreaterThanOrEqual(now);
        expect(next.counter).toBeLessThanOrEqual(MAX_COUNTER);
        const asLocalClock = (h: Hlc) => ({ ...h, node: local.node });
        // Strictly after both, ignoring the node tie-break.
        expect(cmp({ ...asLocalClock(local) }, next)).toBeLessThan(0);
        expect(cmp(asLocalClock(remote), next)).toBeLessThan(0);
      }),
    );
  });

  it('takes the remote time when it is ahead, and continues its counter', () => {
    const local: Hlc = { millis: T0, counter: 3, node: 'local' };
    const remote: Hlc = { millis: T0 + 500, counter: 7, node: 'remote' };
    expect(receive(local, remote, T0 + 100)).toEqual({ millis: T0 + 500, counter: 8, node: 'local' });
  });

  it('takes the wall clock when it is ahead of both', () => {
    const local: Hlc = { millis: T0, counter: 3, node: 'local' };
    const remote: Hlc = { millis: T0 + 500, counter: 7, node: 'remote' };
    expect(receive(local, remote, T0 + 1000)).toEqual({ millis: T0 + 1000, counter: 0, node: 'local' });
  });

  it('uses the larger counter plus one when local and remote share the millisecond', () => {
    const local: Hlc = { millis: T0, counter: 3, node: 'local' };
    const remote: Hlc = { millis: T0, counter: 9, node: 'remote' };
    expect(receive(local, remote, T0 - 50)).toEqual({ millis: T0, counter: 10, node: 'local' });
  });

  it('moves to the next millisecond when the counter would overflow', () => {
    const local: Hlc = { millis: T0, counter: 1, node: 'local' };
    const remote: Hlc = { millis: T0, counter: MAX_COUNTER, node: 'remote' };
    const next = receive(local, remote, T0);
    expect(next).toEqual({ millis: T0 + 1, counter: 0, node: 'local' });
    expect(formatHlc(remote) < formatHlc(next)).toBe(true);
  });

  it('keeps later local ticks after a received timestamp (causality across nodes)', () => {
    const a0 = tick(start('aaaa'), T0);
    const b0 = tick(start('bbbb'), T0 - 60_000); // b's clock is a minute slow
    const sentByA = tick(a0, T0 + 1);
    const b1 = receive(b0, sentByA, T0 - 59_000);
    const replyByB = tick(b1, T0 - 58_000);
    expect(formatHlc(sentByA) < formatHlc(replyByB)).toBe(true);
    const a1 = receive(sentByA, replyByB, T0 + 2);
    expect(formatHlc(replyByB) < formatHlc(a1)).toBe(true);
  });
});

describe('format / parse', () => {
  it('has the documented shape: ISO time, 4 hex digits, node', () => {
    expect(formatHlc({ millis: T0 + 42, counter: 26, node: 'a1b2c3d4e5f60718' })).toBe('2026-11-25T09:00:00.042Z-001a-a1b2c3d4e5f60718');
  });

  it('round-trips every timestamp', () => {
    fc.assert(
      fc.property(hlcArb, (h) => {
        expect(parseHlc(formatHlc(h))).toEqual(h);
      }),
    );
  });

  it('round-trips node ids that contain dashes', () => {
    const h = { millis: T0, counter: 1, node: 'node-with-dashes' };
    expect(parseHlc(formatHlc(h))).toEqual(h);
  });

  it.each(['', 'garbage', '2026-11-25T09:00:00.000Z-01-node', '2026-11-25T09:00:00.000Z-0001-', '2026-11-25T09:00:00Z-0001-node'])(
    'refuses the malformed timestamp %j',
    (text) => {
      expect(() => parseHlc(text)).toThrow();
    },
  );

  it('string order equals clock order, so SQL can ORDER BY hlc', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        const byString = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(byString).toBe(Math.sign(cmp(a, b)));
      }),
    );
  });
});
