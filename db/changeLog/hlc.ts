// Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so timestamps from one node
// always increase even if its clock steps back, and concurrent edits on different nodes order the same way
// everywhere. Serialised so that string order = causal order: `<ISO time>-<counter hex4>-<node id>`.

export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

export const MAX_COUNTER = 0xffff;

export function formatHlc({ millis, counter, node }: Hlc): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(text: string): Hlc {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-(.+)$/.exec(text);
  if (!m) throw new Error(`Malformed HLC timestamp: ${text}`);
  return { millis: Date.parse(m[1]!), counter: parseInt(m[2]!, 16), node: m[3]! };
}

/** The next timestamp for a local event. */
export function tick(last: Hlc, now: number): Hlc {
  if (now > last.millis) return { millis: now, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) return { millis: last.millis + 1, counter: 0, node: last.node };
  return { millis: last.millis, counter: last.counter + 1, node: last.node };
}

/** Advances the local clock past a timestamp received from another node. */
export function receive(last: Hlc, remote: Hlc, now: number): Hlc {
  const millis = Math.max(last.millis, remote.millis, now);
  let counter: number;
  if (millis === last.millis && millis === remote.millis) counter = Math.max(last.counter, remote.counter) + 1;
  else if (millis === last.millis) counter = last.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { millis: millis + 1, counter: 0, node: last.node };
  return { millis, counter, node: last.node };
}
