import type { Identity } from '../../shared/contract/installation';
import type { MessageParams } from '../../shared/contract';
import { ChangeWriter } from '../../db/changeLog/writer';
import type { AppContext } from '../../electron/app/context';
import { createDispatcher, type Invoke } from '../../electron/app/dispatch';

// Several org units acting on ONE database, as the issue asks for workflows "within one database": each
// gets its own identity, node id and change writer over the same SQLite connection. Cross-installation
// delivery of the same steps is the exchange issue's job.

export interface Unit {
  identity: Identity;
  invoke: Invoke;
  ok<T = unknown>(channel: string, input?: unknown): Promise<T>;
  fail(channel: string, input?: unknown): Promise<{ code: string; message: string; key?: string; params?: MessageParams; issues?: { path: string; message: string }[] }>;
}

let counter = 0;

export function unitOn(ctx: AppContext, role: Identity['role'], plate: string | null, name?: string): Unit {
  counter += 1;
  const identity: Identity = {
    nodeId: `test${String(counter).padStart(12, '0')}`,
    role,
    unitId: role === 'ministry' ? 'ministry' : role === 'province' ? `province:${plate}` : `youth-center:${counter}`,
    unitName: name ?? (role === 'ministry' ? 'Bakanlık' : `${plate} İl Müdürlüğü`),
    provincePlate: plate,
    districtName: null,
    publicKey: 'test',
    fingerprint: 'TEST',
    createdAt: new Date(ctx.now()).toISOString(),
  };
  // The units act through the real dispatcher, which wants a user (issue #16): a clerk of the database's own,
  // signed in to its session as the window would be (these units share one database and one session).
  if (!ctx.session.current()) ctx.session.signIn({ id: 0, username: 'test', displayName: 'Test Kullanıcısı', role: 'admin' });
  const unitCtx: AppContext = {
    ...ctx,
    identity,
    writer: new ChangeWriter(ctx.db!.sqlite, { nodeId: identity.nodeId, now: ctx.now, hmac: ctx.hmac }),
  };
  const invoke = createDispatcher(unitCtx);
  return {
    identity,
    invoke,
    async ok<T>(channel: string, input: unknown = {}) {
      const envelope = await invoke(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.value as T;
    },
    async fail(channel: string, input: unknown = {}) {
      const envelope = await invoke(channel, input);
      if (envelope.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return envelope.error;
    },
  };
}
