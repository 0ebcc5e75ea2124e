import { useSyncExternalStore } from 'react';

// Hash navigation primitives: the hash is `#/segment/segment…`, optionally followed by `?name=value&…` for a
// list's filters (a link from the home page). Enough for a handful of screens and record pages, survives
// reloads, needs no router package. Screens read the segments (and a list its parameters); links write them.

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = () => window.location.hash;

/** The hash without its `?…` parameters. */
function pathOf(hash: string): string {
  const at = hash.indexOf('?');
  return at < 0 ? hash : hash.slice(0, at);
}

/** The `?…` parameters of a hash (empty when it has none). */
export function hashQuery(hash: string): string {
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

export function parseHash(hash: string): string[] {
  return pathOf(hash)
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** The current hash as path segments, re-rendering when it changes. */
export function useHashSegments(): string[] {
  const hash = useSyncExternalStore(subscribe, snapshot);
  return parseHash(hash);
}

/** The current hash's `?…` parameters as a string (stable between renders), re-rendering when it changes. */
export function useHashQuery(): string {
  return hashQuery(useSyncExternalStore(subscribe, snapshot));
}

/** The current hash's `?…` parameters, read once (e.g. for a screen's initial state). */
export function currentHashParams(): URLSearchParams {
  return new URLSearchParams(hashQuery(window.location.hash));
}

export function hrefOf(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

/** A link to a list with its filters: `#/registry?status=ONAYDA`. Parameters without a value are left out. */
export function hrefWithParams(segments: string[], params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')).toString();
  return query ? `${hrefOf(...segments)}?${query}` : hrefOf(...segments);
}

export function navigate(...segments: string[]): void {
  window.location.hash = hrefOf(...segments).slice(1);
}
