import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { BackendStatus } from '../../../shared/contract/backend';
import { callOrThrow } from '../../lib/api';
import { navigate } from '../../lib/hashRoute';
import { callKey, useCall } from '../../lib/query';
import { offerOpenedFile } from './openedFile';

/** How often the window asks how the backend is doing (memory only; answered at once even during a job). */
const POLL_MS = 1_000;

export function useBackendStatus() {
  return useCall('backend:status', {}, { pollMs: POLL_MS });
}

/**
 * Reacts to what the backend reports: damage found after start sends the window to the damaged-database
 * screen (installation:status says so); a file the OS opened goes to the import screen; when a job ends, the
 * screens read again what it changed.
 */
export function BackendWatcher() {
  const queryClient = useQueryClient();
  const status = useBackendStatus();
  const data: BackendStatus | undefined = status.data;
  const health = data?.health;
  const jobKind = data?.job?.kind ?? null;

  useEffect(() => {
    if (health === 'damaged') void queryClient.invalidateQueries({ queryKey: callKey('installation:status') });
  }, [health, queryClient]);

  useEffect(() => {
    if (!data?.hasOpenedFile) return;
    void callOrThrow('backend:takeOpenedFile', {})
      .then((file) => {
        if (!file) return;
        offerOpenedFile(file);
        navigate('exchange', 'import');
      })
      .catch(() => undefined);
  }, [data?.hasOpenedFile]);

  const previousJob = useRef<string | null>(null);
  useEffect(() => {
    const ended = previousJob.current !== null && jobKind === null;
    previousJob.current = jobKind;
    // A job just ended: anything read while it ran may be out of date.
    if (ended) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'backend:status' });
  }, [jobKind, queryClient]);

  return null;
}
