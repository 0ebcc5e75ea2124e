import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../shared/contract';
import type { AppContext } from '../../electron/app/context';
import type { Invoke } from '../../electron/app/dispatch';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { Backend, type BackendOptions } from '../../electron/backend/backend';
import { TEST_KEY_STORE } from './keyStore';

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

export function openApp(dataDir: string = tempDir(), now?: () => number, options: Partial<BackendOptions> = {}): TestApp {
  const backend = Backend.open({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: '0.0.0-test', holder: 'test', keyStoreDir: TEST_KEY_STORE, ...(now ? { now } : {}), ...options });
  const invoke = backend.invoke;
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
  await app.ok('installation:setup', input);
  return app;
}
