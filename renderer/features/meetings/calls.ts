import { useQueryClient } from '@tanstack/react-query';
import type { Channel } from '../../../shared/contract';
import type { Identity } from '../../../shared/contract/installation';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { callKey, useCallMutation } from '../../lib/query';

// Meeting writes return the whole meeting: the page takes it as its new state at once, and every list,
// grid and board that may show it is marked stale.

export const MEETING_READS: readonly Channel[] = ['meetings:planner', 'meetings:board', 'meetings:list', 'meetings:openDecisions', 'meetings:suggestInvitees', 'meetings:checkClash', 'meetings:get'];

type DetailChannel =
  | 'meetings:create'
  | 'meetings:update'
  | 'meetings:transition'
  | 'meetings:saveParticipants'
  | 'meetings:setAttendance'
  | 'meetings:removeParticipant'
  | 'meetings:saveMinutes'
  | 'meetings:saveRequest'
  | 'meetings:removeRequest'
  | 'meetings:saveDecision'
  | 'meetings:reviewDecision'
  | 'meetings:attachFile'
  | 'meetings:removeFile';

export function useMeetingMutation<C extends DetailChannel>(channel: C) {
  const queryClient = useQueryClient();
  return useCallMutation(channel, {
    invalidates: MEETING_READS.filter((c) => c !== 'meetings:get'),
    onSuccess: (value) => {
      const detail = value as MeetingDetail;
      queryClient.setQueryData(callKey('meetings:get', { id: detail.id }), detail);
      // Reviewing a decision changes the meeting it belongs to as well.
      void queryClient.invalidateQueries({ queryKey: ['meetings:get'], predicate: (q) => (q.queryKey[1] as { id?: string } | undefined)?.id !== detail.id });
    },
  });
}

/** Provincial directorates and youth centres hold meetings; the ministry reads. */
export function canHold(identity: Identity): boolean {
  return identity.role === 'province' || identity.role === 'youth-center';
}
