import { createContext, useContext, type ReactNode } from 'react';
import { roleAtLeast, type SessionUser, type UserRole } from '../../shared/contract/users';

// The signed-in user (issue #16), fixed for the life of the app shell: the sign-in gate remounts the shell
// when another user signs in. Screens read it to hide what the user's role may not do; the backend checks
// every call anyway, so hiding is a courtesy, never the guard.

const SessionContext = createContext<SessionUser | null>(null);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSession() used outside a signed-in session');
  return user;
}

/** What a role may do, as the backend's checks see it (shared/contract/core.ts userLevelOf). */
export type Ability = 'write' | 'revealTc' | 'administer';

const LEAST_ROLE: Record<Ability, UserRole> = { write: 'specialist', revealTc: 'specialist', administer: 'admin' };

export function roleCan(role: UserRole, ability: Ability): boolean {
  return roleAtLeast(role, LEAST_ROLE[ability]);
}

export function useCan(ability: Ability): boolean {
  return roleCan(useSession().role, ability);
}
