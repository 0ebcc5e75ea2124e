import { useQueryClient } from '@tanstack/react-query';
import type { Channel } from '../../../shared/contract';
import type { Identity } from '../../../shared/contract/installation';
import type { AssociationDetail } from '../../../shared/contract/registry';
import { callKey, useCallMutation } from '../../lib/query';

// Registry writes. Most return the whole association: the page takes that answer as its new state at once
// (no second read), and the lists that may show the record are marked stale.

/** The lists that may show an association: stale after any registry write. */
export const LISTS: readonly Channel[] = ['registry:search', 'registry:visaDashboard', 'registry:listTransfers'];

type DetailChannel =
  | 'registry:create'
  | 'registry:update'
  | 'registry:transition'
  | 'registry:savePerson'
  | 'registry:removePerson'
  | 'registry:setDocument'
  | 'registry:attachFile'
  | 'registry:removeAttachment'
  | 'registry:recordStepLetter'
  | 'registry:addSnapshot'
  | 'registry:visaApply'
  | 'registry:visaTransition'
  | 'registry:startTransfer'
  | 'registry:changeClubType';

export function useDetailMutation<C extends DetailChannel>(channel: C) {
  const queryClient = useQueryClient();
  return useCallMutation(channel, {
    invalidates: LISTS,
    onSuccess: (value) => {
      const detail = value as AssociationDetail;
      queryClient.setQueryData(callKey('registry:get', { id: detail.id }), detail);
    },
  });
}

/** Writes that do not return the association: everything registry-related is re-read. */
export function useRegistryMutation<C extends Channel>(channel: C) {
  return useCallMutation(channel, { invalidates: [...LISTS, 'registry:get'] });
}

/** Only provincial directorates record associations (their own); the others read. */
export function canRecord(identity: Identity): boolean {
  return identity.role === 'province';
}
