import { AppError, keyOf, msg } from '../../shared/contract';
import type { installationContract, Identity, InstallationStatus } from '../../shared/contract/installation';
import { provinceByPlate } from '../../shared/regions';
import { foldTurkish } from '../../shared/turkish';
import { uuidv7 } from '../../shared/ids';
import { writeIdentity } from '../../db/installation/queries';
import { listDistricts } from '../../db/orgUnits/queries';
import type { AppContext } from '../app/context';
import { createKeyPair, hasKeyFile, newNodeId } from '../app/identity';
import { logAccess, recordSignIn } from '../../db/users/queries';
import { idleMinutesOf, insertAccount, prepareAccount } from '../users/accounts';
import { keyringStatus, setRecoveryPassphrase } from '../app/keyring';
import { requireDb } from './guards';
import type { Handlers } from './types';

export const MINISTRY_UNIT_NAME = 'Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi';

export function status(ctx: AppContext): InstallationStatus {
  const base = {
    appVersion: ctx.options.appVersion,
    schemaVersion: ctx.db?.schemaVersion ?? ctx.shippedSchemaVersion,
    dataDir: ctx.options.dataDir,
  };
  if (ctx.dbError) {
    return {
      ...base,
      state: 'db-error',
      identity: null,
      dbError: { kind: ctx.dbError.kind, message: ctx.dbError.message, ...keyOf(ctx.dbError.reason), path: ctx.dbError.path, ...(ctx.dbError.keyLock ? { keyLock: ctx.dbError.keyLock } : {}) },
      keyError: null,
    };
  }
  if (ctx.identity && ctx.keyError) return { ...base, state: 'key-error', identity: ctx.identity, dbError: null, keyError: ctx.keyError };
  return { ...base, state: ctx.identity ? 'ready' : 'setup-required', identity: ctx.identity, dbError: null, keyError: null };
}

export const installationHandlers: Handlers<keyof typeof installationContract> = {
  'installation:status': (_input, ctx) => status(ctx),

  'installation:setup': async (input, ctx) => {
    const db = requireDb(ctx);
    if (ctx.identity || hasKeyFile(ctx.options.dataDir)) throw new AppError('ALREADY_INITIALISED');
    // The first administrator's password is hashed before anything is written (issue #16).
    const admin = await prepareAccount(input.admin);
    if (ctx.identity || hasKeyFile(ctx.options.dataDir)) throw new AppError('ALREADY_INITIALISED');

    let unit: Pick<Identity, 'unitId' | 'unitName' | 'provincePlate' | 'districtName'>;
    if (input.role === 'ministry') {
      unit = { unitId: 'ministry', unitName: MINISTRY_UNIT_NAME, provincePlate: null, districtName: null };
    } else {
      const province = provinceByPlate(input.provincePlate);
      if (!province) {
        throw new AppError('VALIDATION', msg('installation.ilBulunamadi'), [{ path: 'provincePlate', label: 'İl', message: msg('installation.ilBulunamadi') }]);
      }
      if (input.role === 'province') {
        unit = {
          unitId: `province:${province.plate}`,
          unitName: `${province.name} Gençlik ve Spor İl Müdürlüğü`,
          provincePlate: province.plate,
          districtName: null,
        };
      } else {
        const wanted = foldTurkish(input.districtName);
        const district = listDistricts(db, province.plate).find((d) => foldTurkish(d.name) === wanted);
        if (!district) {
          const message = msg('installation.nameIlindeDistrictnameAdinda', { name: province.name, districtName: input.districtName });
          throw new AppError('VALIDATION', message, [{ path: 'districtName', label: 'İlçe', message }]);
        }
        unit = {
          unitId: `youth-center:${uuidv7(ctx.now())}`,
          unitName: input.name,
          provincePlate: province.plate,
          districtName: district.name,
        };
      }
    }

    if (input.recoveryPassphrase) setRecoveryPassphrase(ctx.options.dataDir, db.key, input.recoveryPassphrase, new Date(ctx.now()));
    const keys = createKeyPair(ctx.options.dataDir, db.key);
    const identity: Identity = {
      nodeId: newNodeId(),
      role: input.role,
      ...unit,
      publicKey: keys.publicKey,
      fingerprint: keys.fingerprint,
      createdAt: new Date(ctx.now()).toISOString(),
    };
    const at = new Date(ctx.now()).toISOString();
    const user = db.sqlite.transaction(() => {
      writeIdentity(db, identity);
      const created = insertAccount(db, admin, 'admin', null, at, 'admin.');
      recordSignIn(db, created.id, at);
      logAccess(db, at, 'sign-in', created.id);
      return created;
    })();
    // Creates box.key and secret.key and records their public key and check value beside the identity.
    ctx.attachWriter(identity);
    ctx.session.idleMinutes = idleMinutesOf(db);
    ctx.session.signIn(user);
    return identity;
  },

  // Putting key files back and checking them again is the backend's to do: it owns the writing context.
  'installation:unlock': async (input, ctx) => {
    if (!ctx.runtime) throw new AppError('INTERNAL', msg('installation.veritabaniYalnizcaUygulamaninArka'));
    await ctx.runtime.unlock(input.passphrase);
    return { unlocked: true as const };
  },

  'installation:restoreKeyring': async (_input, ctx) => {
    if (!ctx.runtime) throw new AppError('INTERNAL', msg('installation.anahtarlikYalnizcaUygulamaninArka'));
    await ctx.runtime.restoreKeyring();
    return { restored: true as const };
  },

  'installation:keyring': (_input, ctx) => keyringStatus(ctx.options.dataDir),

  'installation:setRecoveryPassphrase': (input, ctx) => {
    const db = requireDb(ctx);
    setRecoveryPassphrase(ctx.options.dataDir, db.key, input.passphrase, new Date(ctx.now()));
    ctx.log?.('warn', 'keyring.recovery-set', {});
    return keyringStatus(ctx.options.dataDir);
  },

  'installation:restoreKeys': (_input, ctx) => {
    if (!ctx.runtime) throw new AppError('INTERNAL', msg('installation.anahtarlarYalnizcaUygulamaninArka'));
    return ctx.runtime.restoreKeys();
  },
};
