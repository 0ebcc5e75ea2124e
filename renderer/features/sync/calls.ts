import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Channel, ChannelOutput } from '../../../shared/contract';
import type { Identity } from '../../../shared/contract/installation';
import { useCall, useCallMutation } from '../../lib/query';

// The exchange screen's reads and writes. Sending or enrolling changes only the exchange bookkeeping; an
// applied file or a resolved conflict can change any record, so those make every cached read stale.

const BOOKKEEPING: readonly Channel[] = ['sync:status', 'sync:ledger', 'sync:custody'];

export const useSyncStatus = () => useCall('sync:status', {});

/** How far the file being written or read has got, read every 300 ms while a panel shows it is working. */
export const useSyncProgress = () => useCall('sync:progress', {}, { pollMs: 300 });

/**
 * Any write anywhere in the app changes what is waiting for each peer, and other screens do not know about
 * the exchange reads: every visit to the exchange screen reads them afresh.
 */
export function useFreshExchangeState() {
  const queryClient = useQueryClient();
  useEffect(() => {
    for (const channel of ['sync:status', 'sync:conflicts', 'sync:ledger', 'sync:quarantine', 'sync:custody'] as const) void queryClient.invalidateQueries({ queryKey: [channel] });
  }, [queryClient]);
}

export const useIntroduce = () => useCallMutation('sync:introduce', { invalidates: ['sync:ledger'] });
export const useReadIntroduction = () => useCallMutation('sync:readIntroduction');
export const useEnroll = () => useCallMutation('sync:enroll', { invalidates: BOOKKEEPING });
export const useExport = () => useCallMutation('sync:export', { invalidates: BOOKKEEPING });
export const useInspect = () => useCallMutation('sync:inspect');
/** The dry run writes nothing: no invalidation. */
export const usePreviewImport = () => useCallMutation('sync:import');

function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries();
}

export function useApplyImport() {
  const invalidateAll = useInvalidateAll();
  return useCallMutation('sync:import', { onSuccess: invalidateAll });
}

export function useResolveConflict() {
  const invalidateAll = useInvalidateAll();
  return useCallMutation('sync:resolveConflict', { onSuccess: invalidateAll });
}

/** Changes held back because their sender's clock ran far ahead; accepting one changes only that list. */
export const useQuarantine = () => useCall('sync:quarantine', {});
export const useAcceptQuarantine = () => useCallMutation('sync:acceptQuarantine', { invalidates: ['sync:quarantine'] });
/** A revocation is a synced write: what is waiting for each peer changes with it. */
export const useRevoke = () => useCallMutation('sync:revoke', { invalidates: BOOKKEEPING });

/**
 * Whether this installation enrolled the peer (the ministry its provinces, a province its youth centres), so
 * it alone may revoke the peer's key. A province enrols only youth centres of its own province.
 */
export function isChildPeer(identity: Identity, peer: ChannelOutput<'sync:status'>['peers'][number]): boolean {
  if (identity.role === 'ministry') return peer.role === 'province';
  if (identity.role === 'province') return peer.role === 'youth-center';
  return false;
}

/** Province and ministry installations enrol the units below them; a youth centre has no one below it. */
export function canEnrol(identity: Identity): boolean {
  return identity.role === 'province' || identity.role === 'ministry';
}

/** The ministry is the top of the tree: it never introduces itself to anyone. */
export function canIntroduce(identity: Identity): boolean {
  return identity.role !== 'ministry';
}
