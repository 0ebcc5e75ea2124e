import { safeStorage } from 'electron';
import { resolveDataKey, setOsSlot, type KeyProtector } from '../app/keyring';

// The desktop app's OS key store for the data key (issue #16): Electron's safeStorage, which is DPAPI on
// Windows (bound to the Windows user) and the secret service (GNOME Keyring, KWallet) on Linux. safeStorage
// exists only in the main thread, so the key is unwrapped here and handed to the backend worker.

/** safeStorage as a key protector, or null where it protects nothing. */
export function osProtector(): KeyProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  // Without a secret service Chromium falls back to a password written in its own source: no protection at all,
  // so the recovery passphrase is asked for instead.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    kind: 'safeStorage',
    protect: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unprotect: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}

/**
 * The data key for the backend, unwrapped by the OS key store (created for a new data folder). When it cannot
 * be, the backend starts locked and the window asks for the recovery passphrase.
 */
export function dataKeyForBackend(dataDir: string, log: (event: string, details: Record<string, string>) => void): { dataKeyHex?: string } {
  const protector = osProtector();
  if (!protector) {
    log('shell.no-os-key-store', {});
    return {};
  }
  try {
    const resolution = resolveDataKey(dataDir, { protector });
    if (resolution.ok) return { dataKeyHex: resolution.key.toString('hex') };
    log('shell.data-key-locked', { reason: resolution.reason });
  } catch (error) {
    log('shell.data-key-failed', { error: error instanceof Error ? error.name : 'unknown' });
  }
  return {};
}

/** After the recovery passphrase opened the key: wraps it for this machine, so the next start asks nothing. */
export function rewrapForThisMachine(dataDir: string, key: Buffer, log: (event: string, details: Record<string, string>) => void): void {
  const protector = osProtector();
  if (!protector) return;
  try {
    setOsSlot(dataDir, key, protector);
    log('shell.data-key-rewrapped', {});
  } catch (error) {
    log('shell.data-key-rewrap-failed', { error: error instanceof Error ? error.name : 'unknown' });
  }
}
