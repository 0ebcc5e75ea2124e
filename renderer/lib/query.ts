import { useState } from 'react';
import {
  keepPreviousData,
  QueryClient,
  useIsFetching,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { callOrThrow } from './api';

// The one query layer over the contract: a query's key is [channel, input], so a mutation invalidates every
// cached read of a channel by naming it. Calls are local (IPC or loopback), so no retries and no refetch on
// focus: a failure is a real answer to show, not a network blip.

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

export function callKey<C extends Channel>(channel: C, input?: ChannelInput<C>): readonly unknown[] {
  return input === undefined ? [channel] : [channel, input];
}

export interface UseCallOptions {
  enabled?: boolean;
  /** Keeps showing the previous result while a new page or search loads (no flicker in tables). */
  keepPrevious?: boolean;
  /** Reads again every so many milliseconds while mounted (progress of long work). */
  pollMs?: number;
}

export function useCall<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: UseCallOptions = {},
): UseQueryResult<ChannelOutput<C>, Error> {
  return useQuery({
    queryKey: callKey(channel, input),
    queryFn: () => callOrThrow(channel, input),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.pollMs ? { refetchInterval: options.pollMs, staleTime: 0, gcTime: 0 } : {}),
  });
}

export interface UseCallMutationOptions<C extends Channel> {
  /** Channels whose cached reads become stale when this call succeeds. */
  invalidates?: readonly Channel[];
  onSuccess?: (value: ChannelOutput<C>, input: ChannelInput<C>) => void;
}

export function useCallMutation<C extends Channel>(
  channel: C,
  options: UseCallMutationOptions<C> = {},
): UseMutationResult<ChannelOutput<C>, Error, ChannelInput<C>> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => callOrThrow(channel, input),
    onSuccess: async (value, input) => {
      options.onSuccess?.(value, input);
      await Promise.all((options.invalidates ?? []).map((c) => queryClient.invalidateQueries({ queryKey: [c] })));
    },
  });
}

/**
 * What a list searches for while someone types: the typed value at once when none of `channels` is being read,
 * otherwise the value last passed on, until that read answers; then the newest value goes (the ones typed in
 * between are skipped). So the first key searches immediately and fast typing never queues searches the backend
 * would answer one by one. A fixed debounce instead made every answer its delay late (300 ms, where issue #17
 * asks for 150 ms from a key to the list showing its result).
 */
export function usePacedValue<T>(value: T, channels: readonly Channel[]): T {
  const reading = useIsFetching({ predicate: (query) => channels.includes(query.queryKey[0] as Channel) }) > 0;
  const [passed, setPassed] = useState(value);
  // Adjusting state while rendering (not in an effect): the new search starts in this render, not a frame later.
  if (!reading && !Object.is(value, passed)) setPassed(value);
  return reading ? passed : value;
}
