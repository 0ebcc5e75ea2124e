import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../shared/contract';
import type { AppContext } from '../../electron/app/context';
import type { Invoke } from '../../electron/app/dispatch';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { Backend, type BackendOptions } from '../../electron/backend/backend';
import { TEST_KEY_STORE } from './keyStore';
import { TEST_ADMIN } from './users';

// A real installation in a temporary folder: a real SQLite file, real migrations, and the real backend that
// every host runs (its queue, its read-only connection for reads, its lock and integrity check), in this
// process. tests/backend/worker.test.ts runs the same backend behind the worker thread the app uses.

export interface TestApp {
  dataDir: string;
  backend: Backend;
  /** The writing context, for reading what was really written. */
  ctx: AppContext;
  invoke: Invoke;
  /** Calls a channel and returns its value, failing the test with the envelope if it is an error. */
  ok<T = unknown>(channel: string, input?: unknown): Promise<T>;
  close(): void;
}

export function tempDir(prefix = 'kopru-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Signs the test administrator in (issue #16: every call acts as a user), creating the account first in an
 * installation from before accounts existed, as the window would. Tests of signing in itself open their app
 * with `{ signIn: false }`.
 */
export async function signInOnce(backend: Pick<Backend, 'invoke'>): Promise<void> {
  const session = await backend.invoke('users:session', {});
  if (!session.ok) return;
  const view = session.value as { user: unknown; accountsExist: boolean };
  if (view.user) return;
  const status = await backend.invoke('installation:status', {});
  if (!status.ok || !['ready', 'key-error'].includes((status.value as { state: string }).state)) return;
  const result = view.accountsExist
    ? await backend.invoke('users:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })
    : await backend.invoke('users:createFirstAdmin', TEST_ADMIN);
  if (!result.ok) throw new Error(`test sign-in failed: ${JSON.stringify(result.error)}`);
}

export function openApp(dataDir: string = tempDir(), now?: () => number, options: Partial<BackendOptions> & { signIn?: boolean } = {}): TestApp {
  const { signIn = true, ...backendOptions } = options;
  const backend = Backend.open({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: '0.0.0-test', holder: 'test', keyStoreDir: TEST_KEY_STORE, ...(now ? { now } : {}), ...backendOptions });
  // A call answered SIGNED_OUT changed nothing: it is made again once the test administrator is signed in.
  const invoke: Invoke = async (channel, input) => {
    const envelope = await backend.invoke(channel, input);
    if (!signIn || envelope.ok || envelope.error.code !== 'SIGNED_OUT') return envelope;
    await signInOnce(backend);
    return backend.invoke(channel, input);
  };
  let ctx: AppContext | null = null;
  return {
    dataDir,
    backend,
    // The current writing context (a restore replaces it), unless a test sets another.
    get ctx() {
      return ctx ?? backend.context;
    },
    set ctx(value: AppContext) {
      ctx = value;
    },
    invoke,
    async ok<T>(channel: string, input: unknown = {}) {
      const envelope = await invoke(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.value as T;
    },
    close: () => backend.closeNow(),
  };
}

/** A set-up installation of the given role (province 06 Ankara / a youth centre in Çankaya by default). */
export async function setupApp(role: Role, options: { plate?: string; dataDir?: string; now?: () => number } = {}): Promise<TestApp> {
  const app = openApp(options.dataDir, options.now);
  const plate = options.plate ?? '06';
  let district = 'Çankaya';
  if (role === 'youth-center' && plate !== '06') {
    district = (await app.ok<{ name: string }[]>('orgUnits:listDistricts', { provincePlate: plate }))[0]!.name;
  }
  const input =
    role === 'ministry'
      ? { role }
      : role === 'province'
        ? { role, provincePlate: plate }
        : { role, provincePlate: plate, name: `${district} Gençlik Merkezi`, districtName: district };
  await app.ok('installation:setup', { ...input, admin: TEST_ADMIN });
  cheapenTestAdmin(app);
  return app;
}

let cheapHash: string | null = null;

/**
 * Stores the test administrator's password under a cheap scrypt cost (N = 2^10; the hash carries its own
 * parameters, and the same verification reads them). Suites that reopen copies of an installation hundreds of
 * times (the convergence and scope properties) would otherwise spend minutes in the KDF; tests/users keeps the
 * real cost.
 */
export function cheapenTestAdmin(app: TestApp): void {
  if (!cheapHash) {
    const salt = crypto.randomBytes(16);
    const hash = crypto.scryptSync(TEST_ADMIN.password.normalize('NFC'), salt, 32, { N: 1024, r: 8, p: 1 });
    cheapHash = ['scrypt', 1024, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$');
  }
  app.ctx.db!.sqlite.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(cheapHash, TEST_ADMIN.username);
}
