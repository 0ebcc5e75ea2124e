import { createContext, useContext, type ReactNode } from 'react';
import type { Identity } from '../../shared/contract/installation';

// The installation's identity (unit, role, province), fixed once set up; every screen inside the app shell
// reads it from here instead of asking the server again.

const IdentityContext = createContext<Identity | null>(null);

export function IdentityProvider({ identity, children }: { identity: Identity; children: ReactNode }) {
  return <IdentityContext.Provider value={identity}>{children}</IdentityContext.Provider>;
}

export function useIdentity(): Identity {
  const identity = useContext(IdentityContext);
  if (!identity) throw new Error('useIdentity() used outside a set-up installation');
  return identity;
}
