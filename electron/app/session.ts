import { IDLE_MINUTES_DEFAULT, type SessionUser } from '../../shared/contract/users';

// Who is signed in to this backend (issue #16). One backend serves one window, so it holds one session; both
// of its contexts share it, and it outlives a restore or an unlock (the backend checks it against the new
// database). Idle time is measured on a monotonic clock of its own, never the injected one that dates records.

export class Session {
  user: SessionUser | null = null;
  /** Who locked the screen, so the lock screen can offer that account; cleared by a sign-out. */
  lockedUser: Pick<SessionUser, 'username' | 'displayName'> | null = null;
  idleMinutes = IDLE_MINUTES_DEFAULT;
  private lastActivity = 0;

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** The signed-in user; an idle session locks itself here, so nothing is answered past the idle time. */
  current(): SessionUser | null {
    if (this.user && this.idleMinutes > 0 && this.clock() - this.lastActivity > this.idleMinutes * 60_000) this.lock();
    return this.user;
  }

  signIn(user: SessionUser): void {
    this.user = user;
    this.lockedUser = null;
    this.touch();
  }

  touch(): void {
    this.lastActivity = this.clock();
  }

  /** Locks the screen; the user who was signed in, if any. */
  lock(): SessionUser | null {
    const user = this.user;
    if (user) this.lockedUser = { username: user.username, displayName: user.displayName };
    this.user = null;
    return user;
  }

  signOut(): SessionUser | null {
    const user = this.user;
    this.user = null;
    this.lockedUser = null;
    return user;
  }
}
