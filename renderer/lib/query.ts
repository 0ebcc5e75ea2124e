import {
  keepPreviousData,
  QueryClient,
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
