import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../shared/contract';
import { createAppContext, type AppContext } from '../../electron/app/context';
import { createDispatcher, type Invoke } from '../../electron/app/dispatch';
import { sourceMigrationsDir } from '../../electron/app/paths';

// A real installation in a temporary folder: a real SQLite file, real migrations, the real dispatcher.

export interface TestApp {
  dataDir: string;
  ctx: AppContext;
  invoke: Invoke;
  /** Calls a channel and returns its value, failing the test with the envelope if it is an error. */
  ok<T = unknown>(channel: string, input?: unknown): Promise<T>;
  close(): void;
}

export function tempDir(prefix = 'kopru-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openApp(dataDir: string = tempDir(), now?: () => number): TestApp {
  const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: '0.0.0-test', ...(now ? { now } : {}) });
  const invoke = createDispatcher(ctx);
  return {
    dataDir,
    ctx,
    invoke,
    async ok<T>(channel: string, input: unknown = {}) {
      const envelope = await invoke(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.value as T;
    },
    close: () => ctx.close(),
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
