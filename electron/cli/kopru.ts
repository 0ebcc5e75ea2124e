import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { contract, CHANNELS, isChannel, userLevelOf } from '../../shared/contract';
import { setupInputSchema } from '../../shared/contract/installation';
import { normalisePlate } from '../../shared/regions';
import type { Envelope } from '../../shared/contract';
import { dataDirInUse } from '../app/context';
import { toFieldIssues } from '../app/dispatch';
import type { BackendConnection } from '../backend/protocol';

// The headless `kopru` command: the same backend as the app (its queue, lock and integrity check, in a worker
// thread as in the app), for administrators, scripts and tests. stdout carries JSON only; messages for people
// go to stderr. Exit: 0 ok, 1 error envelope, 2 usage error.

export const USAGE = `Kullanım / Usage:
  kopru init --data-dir KLASÖR --role ministry|province|youth-center [--province PLAKA] [--name AD] [--district İLÇE]
             [--admin KULLANICI] [--admin-name "AD SOYAD"]   (yönetici: KOPRU_USER; parola sorulur ya da KOPRU_PASSWORD)
  kopru channels
  kopru call KANAL [JSON|-] [--data-dir KLASÖR]
  kopru demo [--data-dir KLASÖR]
  kopru sync introduce --out DOSYA            kopru sync enroll DOSYA [--fingerprint PARMAKİZİ] [--centre GM-KİMLİĞİ]
  kopru sync export --to EŞ --out DOSYA [--snapshot] [--welcome]
  kopru sync import DOSYA [--dry-run] [--fingerprint PARMAKİZİ]
  kopru sync peers | conflicts | ledger       kopru sync resolve ID --keep local|remote

  --data-dir yerine KOPRU_DATA_DIR ortam değişkeni de kullanılabilir. / KOPRU_DATA_DIR may replace --data-dir.
  Veriler şifreli: kurtarma parolasını KOPRU_PASSPHRASE ortam değişkeniyle verin (yeni kurulumda parola o olur).
  The data is encrypted: give the recovery passphrase in KOPRU_PASSPHRASE (a new installation takes it as its own).
  Her komut bir kullanıcı adına çalışır: KOPRU_USER ile; parola terminalde sorulur ya da KOPRU_PASSWORD ile verilir
  (init'te yönetici o olur). / Every command acts as a user: KOPRU_USER, with the password asked on the terminal or
  given in KOPRU_PASSWORD (init makes them the administrator).
  Çıkış kodu / exit code: 0 başarılı / ok, 1 hata zarfı / error envelope, 2 kullanım hatası / usage error.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  /** Asks for a password on the terminal without echoing it; null when there is no terminal to ask on. */
  promptHidden: (question: string) => Promise<string | null>;
  /** Opens the backend on a data folder (the built CLI: the worker thread the app uses too). */
  connect: (dataDir: string) => BackendConnection;
}

export const processIo: Omit<CliIo, 'connect'> = {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
  promptHidden: readHidden,
};

/** Reads a line from the terminal in raw mode, echoing nothing (Enter ends it, Ctrl+C or Ctrl+D gives up). */
function readHidden(question: string): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY || !process.stderr.isTTY) return Promise.resolve(null);
  process.stderr.write(question);
  return new Promise((resolve) => {
    let value: string[] = [];
    const done = (answer: string | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(value.join(''));
        if (ch === '\u0003' || ch === '\u0004') return done(null);
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value.push(ch);
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

class UsageError extends Error {}

const KEY_LOCKED_HINT =
  'Veriler şifreli ve anahtarı açılamadı: kurtarma parolasını KOPRU_PASSPHRASE ortam değişkeniyle verin. / ' +
  'The data is encrypted and its key could not be opened: give the recovery passphrase in KOPRU_PASSPHRASE.';

const NO_USER_HINT =
  'Komut bir kullanıcı adına çalışır: KOPRU_USER ortam değişkeniyle kullanıcı adını verin; parola terminalde sorulur ' +
  '(ya da KOPRU_PASSWORD ile verilir). / Commands act as a user: give the user name in KOPRU_USER; the password is ' +
  'asked on the terminal (or given in KOPRU_PASSWORD).';

/**
 * Signs in as KOPRU_USER with KOPRU_PASSWORD, or with the password typed at the prompt (issue #16): the command
 * acts as that user, never anonymously; its changes and reveals are recorded under that name. The error
 * envelope when it cannot.
 */
async function signIn(io: CliIo, backend: BackendConnection): Promise<Extract<Envelope<never>, { ok: false }> | null> {
  const username = io.env.KOPRU_USER;
  const password = io.env.KOPRU_PASSWORD || (username ? await io.promptHidden(`${username} — parola / password: `) : null);
  if (!username || !password) {
    io.stderr(NO_USER_HINT);
    return { ok: false, error: { code: 'SIGNED_OUT', message: NO_USER_HINT } };
  }
  const result = await backend.invoke('users:signIn', { username, password });
  return result.ok ? null : result;
}

/** The new administrator's password typed twice at the prompt; empty when there is no terminal or they differ. */
async function newPassword(io: CliIo): Promise<string> {
  const first = await io.promptHidden('Yönetici parolası (en az 10 karakter) / Administrator password (10+ characters): ');
  if (!first) return '';
  const again = await io.promptHidden('Parolayı yeniden yazın / Type it again: ');
  if (again !== first) throw new UsageError('İki parola aynı değil. / The two passwords differ.');
  return first;
}

/** Runs one call on the data folder's backend (signed in as the command's user unless told not to) and closes it. */
async function once<T>(io: CliIo, dataDir: string, work: (backend: BackendConnection) => Promise<Envelope<T>>, options: { user?: boolean } = {}): Promise<Envelope<T>> {
  const backend = io.connect(dataDir);
  try {
    if (options.user !== false) {
      // Refused as a user (no or wrong credentials, a waiting or disabled account): that is the answer. Any
      // other failure (the folder, the database) is the command's own to report, as without users.
      const refused = await signIn(io, backend);
      if (refused && ['SIGNED_OUT', 'VALIDATION', 'FORBIDDEN'].includes(refused.error.code)) return refused;
    }
    const result = await work(backend);
    if (!result.ok && result.error.code === 'DB_UNAVAILABLE') {
      const status = await backend.invoke('installation:status', {});
      if (status.ok && (status.value as { dbError?: { kind?: string } | null }).dbError?.kind === 'key-locked') io.stderr(KEY_LOCKED_HINT);
    }
    return result;
  } finally {
    await backend.close();
  }
}

function dataDirFrom(values: { 'data-dir'?: string }, io: CliIo): string {
  const dir = values['data-dir'] ?? io.env.KOPRU_DATA_DIR;
  if (!dir) throw new UsageError('Veri klasörü belirtilmedi (--data-dir ya da KOPRU_DATA_DIR). / No data folder given.');
  return path.resolve(dir);
}

function requireExisting(dataDir: string): void {
  if (!dataDirInUse(dataDir)) {
    throw new UsageError(
      `Bu klasörde bir Köprü kurulumu yok: ${dataDir}. Önce "kopru init" çalıştırın. / No Köprü installation in this folder; run "kopru init" first.`,
    );
  }
}

function print(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2));
}

async function init(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      role: { type: 'string' },
      province: { type: 'string' },
      name: { type: 'string' },
      district: { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
    },
    strict: true,
  });
  const dataDir = dataDirFrom(values, io);
  const username = values.admin ?? io.env.KOPRU_USER ?? '';
  const input = {
    role: values.role,
    admin: { username, displayName: values['admin-name'] ?? username, password: io.env.KOPRU_PASSWORD || (username ? await newPassword(io) : '') },
    ...(values.province !== undefined ? { provincePlate: normalisePlate(values.province) ?? values.province } : {}),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.district !== undefined ? { districtName: values.district } : {}),
  };
  const parsed = setupInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = toFieldIssues(setupInputSchema, parsed.error);
    const where = (path: string) => (path === 'admin.password' ? ' (KOPRU_PASSWORD)' : path === 'admin.username' ? ' (--admin)' : path === 'admin.displayName' ? ' (--admin-name)' : '');
    throw new UsageError(issues.map((i) => `${i.label ?? i.path}${where(i.path)}: ${i.message}`).join('\n'));
  }
  if (dataDirInUse(dataDir)) {
    print(io, {
      ok: false,
      error: { code: 'ALREADY_INITIALISED', message: `Bu klasör zaten bir Köprü kurulumu içeriyor: ${dataDir}. Yeniden kurulmadı.` },
    });
    return 1;
  }
  const folderExisted = fs.existsSync(dataDir);
  const hadBackups = fs.existsSync(path.join(dataDir, 'backups'));
  const envelope = await once(io, dataDir, (backend) => backend.invoke('installation:setup', parsed.data), { user: false });
  if (!envelope.ok) {
    // Leave the folder as we found it: a failed init must not look like an installation later. A folder that
    // could not be made (under a file, on a read-only disk) has nothing to clean; the message says why.
    try {
      for (const file of ['kopru.sqlite', 'kopru.sqlite-wal', 'kopru.sqlite-shm', 'kopru.lock', 'kopru.lock.json', 'keyring.json', path.join('backups', 'keys', 'keyring.json')]) {
        fs.rmSync(path.join(dataDir, file), { force: true });
      }
      // The folders the keyring's copy was put in, when they held nothing else and were not there before.
      for (const folder of [path.join('backups', 'keys'), 'backups']) {
        const full = path.join(dataDir, folder);
        if (!hadBackups && fs.existsSync(full) && fs.readdirSync(full).length === 0) fs.rmdirSync(full);
      }
      if (!folderExisted) fs.rmSync(dataDir, { recursive: true, force: true });
    } catch {
      // nothing of ours is there
    }
    print(io, envelope);
    return 1;
  }
  const identity = envelope.value as { nodeId: string; unitId: string; unitName: string; role: string; fingerprint: string };
  print(io, {
    nodeId: identity.nodeId,
    role: identity.role,
    unit: { id: identity.unitId, name: identity.unitName },
    fingerprint: identity.fingerprint,
    dataDir,
  });
  return 0;
}

function channels(io: CliIo): number {
  print(
    io,
    CHANNELS.map((name) => {
      const def = contract[name];
      return {
        channel: name,
        summary: def.summary,
        access: def.access === 'setup' ? 'any (also before setup)' : def.access === 'anyone' ? [...['ministry', 'province', 'youth-center']] : def.access,
        writes: def.writes,
        user: userLevelOf(def),
        input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
      };
    }),
  );
  return 0;
}

async function call(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, allowPositionals: true, strict: true });
  const [channelName, json] = positionals;
  if (!channelName) throw new UsageError('Kanal adı eksik. / Missing channel name.');
  if (positionals.length > 2) throw new UsageError('Fazla argüman. / Too many arguments.');
  const dataDir = dataDirFrom(values, io);
  requireExisting(dataDir);
  let input: unknown = {};
  if (json !== undefined) {
    const text = json === '-' ? await io.stdin() : json;
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new UsageError('Girdi geçerli bir JSON değil. / The input is not valid JSON.');
    }
  }
  const def = isChannel(channelName) ? contract[channelName] : null;
  const envelope = await once(io, dataDir, (backend) => backend.invoke(channelName, input), { user: def !== null && userLevelOf(def) !== 'none' });
  print(io, envelope);
  return envelope.ok ? 0 : 1;
}

/** `kopru sync …`: the exchange commands, each one contract channel through the same dispatcher. */
async function sync(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      'data-dir': { type: 'string' }, out: { type: 'string' }, to: { type: 'string' }, fingerprint: { type: 'string' },
      'dry-run': { type: 'boolean' }, snapshot: { type: 'boolean' }, welcome: { type: 'boolean' }, keep: { type: 'string' }, centre: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const dataDir = dataDirFrom(values, io);
  requireExisting(dataDir);
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`${what} eksik. / Missing ${what}.`);
    return value;
  };
  const file = () => path.resolve(need(positionals[0], 'DOSYA'));
  let channel: string;
  let input: Record<string, unknown>;
  switch (sub) {
    case 'introduce':
      [channel, input] = ['sync:introduce', { path: path.resolve(need(values.out, '--out')) }];
      break;
    case 'enroll': {
      const target = file();
      const isExchangeFile = fs.existsSync(target) && fs.readFileSync(target).subarray(0, 15).toString() === 'KOPRU-EXCHANGE ';
      if (isExchangeFile) [channel, input] = ['sync:import', { path: target, welcomeFingerprint: need(values.fingerprint, '--fingerprint') }];
      // A youth centre's installation is bound to a centre of the province's list: the one given, or (without
      // --centre) the one of its introduction's name and district, created if the list has none.
      else if (values.fingerprint) [channel, input] = ['sync:enroll', { path: target, fingerprint: values.fingerprint, ...(values.centre ? { youthCentreId: values.centre } : {}) }];
      else [channel, input] = ['sync:readIntroduction', { path: target }];
      break;
    }
    case 'export':
      [channel, input] = ['sync:export', { peerNode: need(values.to, '--to'), path: path.resolve(need(values.out, '--out')), snapshot: Boolean(values.snapshot), welcome: Boolean(values.welcome) }];
      break;
    case 'import':
      [channel, input] = ['sync:import', { path: file(), dryRun: Boolean(values['dry-run']), ...(values.fingerprint ? { welcomeFingerprint: values.fingerprint } : {}) }];
      break;
    case 'peers':
      [channel, input] = ['sync:status', {}];
      break;
    case 'conflicts':
      [channel, input] = ['sync:conflicts', {}];
      break;
    case 'ledger':
      [channel, input] = ['sync:ledger', {}];
      break;
    case 'resolve':
      [channel, input] = ['sync:resolveConflict', { id: Number(need(positionals[0], 'ID')), keep: need(values.keep, '--keep') }];
      break;
    default:
      throw new UsageError(sub ? `Bilinmeyen sync komutu: ${sub} / Unknown sync command: ${sub}` : 'sync komutu eksik. / Missing sync command.');
  }
  const envelope = await once(io, dataDir, (backend) => backend.invoke(channel, input));
  print(io, envelope);
  return envelope.ok ? 0 : 1;
}

async function demo(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true });
  const dataDir = dataDirFrom(values, io);
  requireExisting(dataDir);
  const envelope = await once(io, dataDir, (backend) => backend.fillDemo());
  print(io, envelope);
  return envelope.ok ? 0 : 1;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return await init(rest, io);
      case 'channels':
        return channels(io);
      case 'call':
        return await call(rest, io);
      case 'demo':
        return await demo(rest, io);
      case 'sync':
        return await sync(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stderr(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `Bilinmeyen komut: ${command} / Unknown command: ${command}` : 'Komut eksik. / Missing command.');
    }
  } catch (error) {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw error;
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
}
