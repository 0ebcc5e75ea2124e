import { useSyncExternalStore } from 'react';

// Hash navigation primitives: the hash is `#/segment/segment…`. Enough for a handful of screens and record
// pages, survives reloads, needs no router package. Screens read the segments; links write them.

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = () => window.location.hash;

export function parseHash(hash: string): string[] {
  return hash
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

export function hrefOf(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

export function navigate(...segments: string[]): void {
  window.location.hash = hrefOf(...segments).slice(1);
}
