import { useEffect, useRef } from 'react';
import { call } from '../../lib/api';

// The window's side of the idle lock (issue #16). The backend locks itself after the idle time without a write
// or a `users:touch`; the window says the user is still there (at most once a minute, only while there is
// keyboard or mouse activity) and locks the screen itself when the time is up, so the lock screen comes at once
// instead of at the next call. Ctrl+L (Cmd+L) locks on demand.

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
const TOUCH_EVERY_MS = 60_000;
const CHECK_EVERY_MS = 5_000;

export type LockReason = 'manual' | 'idle';

/**
 * While the lock screen shows, Escape must not reach the app's dialogs underneath (each closes on Escape, from
 * a window listener in the capture phase, and would lose what was typed in it). Listeners on one target run in
 * the order they were added, so this one is added when the module loads, before any dialog can add its own.
 */
const escapeGuard = { locked: false };
window.addEventListener(
  'keydown',
  (event) => {
    if (escapeGuard.locked && event.key === 'Escape') event.stopImmediatePropagation();
  },
  { capture: true },
);

interface ActivityOptions {
  signedIn: boolean;
  locked: boolean;
  /** 0: never locks by itself. */
  idleMinutes: number;
  lock: (reason: LockReason) => void;
}

export function useActivity({ signedIn, locked, idleMinutes, lock }: ActivityOptions): void {
  const state = useRef({ signedIn, lock });
  useEffect(() => {
    state.current = { signedIn, lock };
    escapeGuard.locked = locked;
  }, [signedIn, locked, lock]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        if (state.current.signedIn) state.current.lock('manual');
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    let lastActivity = Date.now();
    // Signing in (or the write that just happened) restarted the backend's timer.
    let lastTouch = lastActivity;
    let locking = false;
    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = lastActivity;
        void call('users:touch', {});
      }
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    const timer =
      idleMinutes > 0
        ? window.setInterval(() => {
            if (!locking && Date.now() - lastActivity >= idleMinutes * 60_000) {
              locking = true;
              state.current.lock('idle');
            }
          }, CHECK_EVERY_MS)
        : null;
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      if (timer !== null) window.clearInterval(timer);
    };
  }, [signedIn, idleMinutes]);
}
