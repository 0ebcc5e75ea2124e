import { useSyncExternalStore } from 'react';

// A `.kopru` file the operating system asked the app to open (double-click, "Open with"): the backend hands
// it over once; it waits here until the import screen takes it.

let pending: { path: string; name: string; at: number } | null = null;
const listeners = new Set<() => void>();

export function offerOpenedFile(file: { path: string; name: string }): void {
  pending = { ...file, at: Date.now() };
  for (const listener of listeners) listener();
}

/** The file waiting for the import screen, if any (re-renders when one arrives). */
export function useOpenedFile(): { path: string; name: string; at: number } | null {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => pending,
  );
}

/** The import screen took it: it is not offered again. */
export function takeOpenedFileFromStore(): void {
  pending = null;
  for (const listener of listeners) listener();
}
