// Users and roles (issue #16): what they cost. A sign-in (one scrypt verification, N = 2^15, r = 8); a read
// channel through the dispatcher (input, the unit's and the user's role, output) against the same handler called
// directly, on the organisations the write part made;
// and the change writer with the user recorded on each change-log row against the same writer without. Ratios in
// one run, on one real encrypted database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../electron/app/context';
import { createDispatcher } from '../../electron/app/dispatch';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { handlers } from '../../electron/handlers';
import { hashPassword, verifyPassword } from '../../electron/users/passwords';
import { ChangeWriter } from '../../db/changeLog/writer';
import { organisationsSpec } from '../../db/directory/specs';
import { BENCH_KEY } from './benchKey';
import { TEST_ADMIN } from '../support/users';

const ROWS = Number(process.env.BENCH_USERS_WRITES ?? 5_000);
const READS = Number(process.env.BENCH_USERS_READS ?? 500);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const f = (n: number, d = 2) => n.toFixed(d);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-bench-users-'));
  const ctx = createAppContext({ dataDir: dir, migrationsDir: sourceMigrationsDir(), appVersion: 'bench', dataKey: BENCH_KEY });
  const invoke = createDispatcher(ctx);
  const setup = await invoke('installation:setup', { role: 'province', provincePlate: '06', admin: TEST_ADMIN });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));

  // Sign-in: the password hash check, which is the whole of its cost.
  const stored = await hashPassword(TEST_ADMIN.password);
  const signIns: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    if (!(await verifyPassword(TEST_ADMIN.password, stored))) throw new Error('verify failed');
    signIns.push(ms(t));
  }

  // The write path: the same rows through a writer that records the user and one that does not.
  const sqlite = ctx.db!.sqlite;
  const withActor = new ChangeWriter(sqlite, { nodeId: ctx.identity!.nodeId, now: Date.now, hmac: ctx.hmac, actor: () => 1 });
  const without = new ChangeWriter(sqlite, { nodeId: ctx.identity!.nodeId, now: Date.now, hmac: ctx.hmac });
  const write = (writer: ChangeWriter, label: string) => {
    const t = process.hrtime.bigint();
    sqlite.transaction(() => {
      for (let i = 0; i < ROWS; i++) writer.insert(organisationsSpec, ctx.identity!.unitId, { kind: 'STK', name: `${label} Gençlik Derneği ${i}`, province_plate: '06', activity_areas: '[]', youth_focus: 1 });
    })();
    return ms(t);
  };
  const actorTimes: number[] = [];
  const plainTimes: number[] = [];
  // Alternating which goes first, so a table that grows (or a busy moment) favours neither.
  for (let round = 0; round < 6; round++) {
    if (round % 2 === 0) {
      actorTimes.push(write(withActor, `Kullanıcılı ${round}`));
      plainTimes.push(write(without, `Kullanıcısız ${round}`));
    } else {
      plainTimes.push(write(without, `Kullanıcısız ${round}`));
      actorTimes.push(write(withActor, `Kullanıcılı ${round}`));
    }
  }
  // A read channel: the dispatcher (input, unit role, user role, output) against the handler alone.
  const input = { query: 'genclik', limit: 20 };
  const parsed = (await import('../../shared/contract')).contract['directory:search'].input.parse(input);
  const viaDispatcher: number[] = [];
  const direct: number[] = [];
  for (let round = 0; round < 5; round++) {
    let t = process.hrtime.bigint();
    for (let i = 0; i < READS; i++) await invoke('directory:search', input);
    viaDispatcher.push(ms(t));
    t = process.hrtime.bigint();
    for (let i = 0; i < READS; i++) await handlers['directory:search'](parsed, ctx);
    direct.push(ms(t));
  }

  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });

  console.log('Users and roles (issue #16)');
  console.log(`sign-in (scrypt N=2^15, r=8): median ${f(median(signIns), 0)} ms`);
  console.log(`read channel directory:search ×${READS}: dispatcher ${f(median(viaDispatcher), 0)} ms, handler alone ${f(median(direct), 0)} ms, ratio ${f(median(viaDispatcher) / median(direct))}×`);
  console.log(`write path ${ROWS} organisations: with the user ${f(median(actorTimes), 0)} ms, without ${f(median(plainTimes), 0)} ms, ratio ${f(median(actorTimes) / median(plainTimes))}×`);
}

await main();
