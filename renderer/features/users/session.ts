import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../../shared/contract/users';
import { callKey, useCall, useCallMutation } from '../../lib/query';

// The session as the window knows it: the cached `users:session` answer. Every sign-in, lock and sign-out puts
// the backend's answer there, and the sign-in gate renders from it.

export const SESSION_KEY = callKey('users:session', {});

export function useSessionView() {
  return useCall('users:session', {});
}

/** Puts a session answer in the cache: the gate shows the app, the lock screen or the sign-in screen. */
export function showSession(queryClient: QueryClient, view: SessionView): void {
  queryClient.setQueryData(SESSION_KEY, view);
}

/** What stays cached across users: the installation, the language, the backend's health and the session. */
const SHARED = new Set<unknown>(['users:session', 'installation:status', 'settings:get', 'backend:status']);

/** Forgets everything one user read, so the next one starts from the backend (and its role's answers). */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !SHARED.has(query.queryKey[0]) });
}

export function useLock() {
  const queryClient = useQueryClient();
  return useCallMutation('users:lock', { onSuccess: (view) => showSession(queryClient, view) });
}

/** The gate then forgets what the user read (UsersGate). */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallMutation('users:signOut', { onSuccess: (view) => showSession(queryClient, view) });
}
