import { Box, Center, FocusTrap, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { SessionUser, SessionView } from '../../../shared/contract/users';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageControl } from '../../components/LanguageControl';
import { useT } from '../../i18n';
import { onSignedOut } from '../../lib/api';
import { SessionProvider } from '../../lib/session';
import { CreateAdminScreen } from './CreateAdminScreen';
import { forgetUserData, SESSION_KEY, showSession, useLock, useSessionView } from './session';
import { SignInForm } from './SignInForm';
import { useActivity, type LockReason } from './useActivity';

/**
 * Who may use the app (issue #16): an installation without accounts creates its first administrator, nobody
 * signed in signs in, and a locked screen covers the app without unmounting it, so whatever the user had open
 * or half typed is there when they sign back in. Another user signing in gets a fresh app.
 */
export function UsersGate({ children }: { children: ReactNode }) {
  const t = useT();
  const session = useSessionView();
  if (session.data) return <Gate view={session.data}>{children}</Gate>;
  if (session.isError) return <ErrorAlert error={session.error} />;
  return (
    <Center h="100vh" aria-busy="true">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}

function sameUser(a: SessionUser | null, b: SessionUser | null): boolean {
  return a?.id === b?.id && a?.role === b?.role && a?.displayName === b?.displayName && a?.username === b?.username;
}

function Gate({ view, children }: { view: SessionView; children: ReactNode }) {
  const queryClient = useQueryClient();
  // The user the app is mounted for: it stays mounted, under the lock screen, while that user is locked out.
  const [shellUser, setShellUser] = useState<SessionUser | null>(view.user);
  const current = view.user;
  const locked = !current && shellUser !== null && view.lockedUser?.username === shellUser.username;
  if (current && !sameUser(current, shellUser)) setShellUser(current);
  else if (!current && shellUser && !locked) setShellUser(null);

  const signedIn = useCallback(
    (next: SessionView) => {
      if (next.user && shellUser && next.user.id !== shellUser.id) forgetUserData(queryClient);
      showSession(queryClient, next);
      // Back as the same user: what failed while the screen was locked is read again; the rest stays as it was.
      if (next.user && next.user.id === shellUser?.id) void queryClient.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
    },
    [queryClient, shellUser],
  );

  // Signed out (by the menu, or an administrator disabling their own account): what that user read goes, so
  // the next person to sign in starts from the backend and their own role's answers.
  const signedOut = !current && !locked;
  useEffect(() => {
    if (signedOut) forgetUserData(queryClient);
  }, [signedOut, queryClient]);

  // Any call answered SIGNED_OUT (the backend locked itself after the idle time): ask who is signed in now.
  useEffect(
    () =>
      onSignedOut(() => {
        if (queryClient.getQueryData<SessionView>(SESSION_KEY)?.user) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      }),
    [queryClient],
  );

  const lockMutation = useLock();
  const lockNow = lockMutation.mutate;
  const lock = useCallback((reason: LockReason) => lockNow({ reason }), [lockNow]);
  useActivity({ signedIn: current !== null, locked, idleMinutes: view.idleMinutes, lock });

  if (!view.accountsExist) {
    return (
      <PreShellPage>
        <CreateAdminScreen onCreated={signedIn} />
      </PreShellPage>
    );
  }
  const user = current ?? (locked ? shellUser : null);
  if (!user) {
    return (
      <PreShellPage>
        <SignInForm lockedUser={view.lockedUser} onSignedIn={signedIn} titleId="sign-in-title" />
      </PreShellPage>
    );
  }
  return (
    <>
      <div inert={locked}>
        <SessionProvider key={user.id} user={user}>
          {children}
        </SessionProvider>
      </div>
      {locked && view.lockedUser && <LockScreen lockedUser={view.lockedUser} onSignedIn={signedIn} />}
    </>
  );
}

function PreShellPage({ children }: { children: ReactNode }) {
  const t = useT();
  return <CenteredPage aside={<LanguageControl size="xs" aria-label={t('settings.language')} />}>{children}</CenteredPage>;
}

/** Covers the whole window (nothing of the app shows through) above every dialog, until the user signs in. */
function LockScreen({ lockedUser, onSignedIn }: { lockedUser: NonNullable<SessionView['lockedUser']>; onSignedIn: (view: SessionView) => void }) {
  return (
    <FocusTrap active>
      <Box
        role="dialog"
        aria-modal="true"
        aria-labelledby="lock-title"
        data-testid="lock-screen"
        pos="fixed"
        inset={0}
        style={{ zIndex: 10000, overflowY: 'auto', background: 'var(--mantine-color-body)' }}
      >
        <PreShellPage>
          <SignInForm lockedUser={lockedUser} onSignedIn={onSignedIn} titleId="lock-title" />
        </PreShellPage>
      </Box>
    </FocusTrap>
  );
}
