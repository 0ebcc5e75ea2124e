import { useQueryClient } from '@tanstack/react-query';
import type { Channel } from '../../../shared/contract';
import type { OrganisationDetail } from '../../../shared/contract/directory';
import { callKey, useCallMutation } from '../../lib/query';

// Directory writes. Most return the whole organisation: the page takes that answer as its new state at once,
// and the lists that may show the record (and the follow-ups) are marked stale.

export const DIRECTORY_READS: readonly Channel[] = ['directory:search', 'directory:followUps', 'directory:searchContacts', 'directory:checkDuplicates'];

type DetailChannel =
  | 'directory:create'
  | 'directory:addFromRegistry'
  | 'directory:update'
  | 'directory:merge'
  | 'directory:saveRelation'
  | 'directory:removeRelation'
  | 'directory:saveInteraction'
  | 'directory:removeInteraction';

export function useDetailMutation<C extends DetailChannel>(channel: C) {
  const queryClient = useQueryClient();
  return useCallMutation(channel, {
    invalidates: DIRECTORY_READS,
    onSuccess: (value) => {
      const detail = value as OrganisationDetail;
      queryClient.setQueryData(callKey('directory:get', { id: detail.id }), detail);
    },
  });
}

/** Writes that do not return the organisation (contacts move between organisations): re-read everything. */
export function useDirectoryMutation<C extends Channel>(channel: C) {
  return useCallMutation(channel, { invalidates: [...DIRECTORY_READS, 'directory:get'] });
}
