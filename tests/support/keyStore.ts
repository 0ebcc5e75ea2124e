import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openKeyed } from '../../db/cipher';
import { FileKeyStore, KEYRING_FILE, resolveDataKey } from '../../electron/app/keyring';

/**
 * The OS key store's stand-in every test installation wraps its data key with (electron/app/keyring.ts
 * FileKeyStore): one folder outside every data folder, as the OS keeps its key outside them. vitest.config.ts
 * puts it in KOPRU_KEYSTORE_DIR, so the kopru commands the tests spawn find it too.
 */
export const TEST_KEY_STORE = process.env.KOPRU_KEYSTORE_DIR ?? path.join(os.tmpdir(), 'kopru-test-keystore');

/** The data key of a test installation's folder (as the backend unwraps it), to open its files directly. */
export function testDataKey(dataDir: string): Buffer {
  const resolution = resolveDataKey(dataDir, { protector: new FileKeyStore(TEST_KEY_STORE) });
  if (!resolution.ok) throw new Error(`no data key for ${dataDir}: ${resolution.reason}`);
  return resolution.key;
}

/** A connection to a test installation's encrypted database file (or to a backup of it). */
export function openTestDatabase(dataDir: string, file: string, options?: Database.Options): Database.Database {
  return openKeyed(file, testDataKey(dataDir), options);
}

/** A connection to a database file inside a test installation's folder (the folder is found above the file). */
export function openTestFile(file: string, options?: Database.Options): Database.Database {
  let dir = path.dirname(path.resolve(file));
  while (!fs.existsSync(path.join(dir, KEYRING_FILE))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no keyring.json above ${file}`);
    dir = parent;
  }
  return openTestDatabase(dir, file, options);
}
