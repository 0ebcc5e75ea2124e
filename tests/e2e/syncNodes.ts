import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel, ChannelInput, ChannelOutput, Role } from '../../shared/contract';
import type { Invoke } from '../../electron/app/dispatch';
import type { BackendWorker } from '../../electron/backend/host';
import { startBackend, test as base, type KopruFixture } from './fixtures';
import { TEST_ADMIN } from '../support/users';

// Other installations for the exchange journeys: the browser shows one installation (the `kopru` fixture);
// the ministry and other workstations are real installations of their own (own data folder, SQLite file, keys
// and built backend worker), exchanging real .kopru files in a per-test folder.

export interface Node {
  nodeId: string;
  unitName: string;
  fingerprint: string;
  /** Calls a channel; fails the test with the error envelope if the call fails. */
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls a channel and returns the error's message (fails the test if it succeeds). */
  refusal<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<string>;
}

export interface World {
  /** The folder files are carried in (a USB stick, in real life). */
  dir: string;
  /** `<dir>/<name>` */
  file(name: string): string;
  /** A new installation of its own, set up as the given unit (`clockAheadMs`: its clock runs ahead by that much). */
  node(role: Role, plate?: string, options?: { clockAheadMs?: number }): Promise<Node>;
  /** The browser's installation, as a node (after it was set up). */
  browser(kopru: KopruFixture): Promise<Node>;
}

function nodeOf(invoke: Invoke, identity: { nodeId: string; unitName: string; fingerprint: string }): Node {
  return {
    ...identity,
    async ok(channel, input) {
      const envelope = await invoke(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.value as never;
    },
    async refusal(channel, input) {
      const envelope = await invoke(channel, input);
      if (envelope.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return envelope.error.message;
    },
  };
}

export const test = base.extend<{ world: World }>({
  world: async ({}, use) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-e2e-sync-'));
    const dir = path.join(root, 'degisim');
    fs.mkdirSync(dir);
    const backends: BackendWorker[] = [];
    let count = 0;
    await use({
      dir,
      file: (name) => path.join(dir, name),
      async node(role, plate, options = {}) {
        count += 1;
        const ahead = options.clockAheadMs ?? 0;
        const backend = startBackend(path.join(root, `node-${count}`), ahead ? { clockOffsetMs: ahead } : {});
        backends.push(backend);
        const setup = role === 'ministry' ? { role } : { role, provincePlate: plate ?? '06', ...(role === 'youth-center' ? { name: 'Çankaya Gençlik Merkezi', districtName: 'Çankaya' } : {}) };
        const envelope = await backend.invoke('installation:setup', { ...setup, admin: TEST_ADMIN });
        if (!envelope.ok) throw new Error(`setup failed: ${JSON.stringify(envelope.error)}`);
        return nodeOf(backend.invoke, envelope.value as { nodeId: string; unitName: string; fingerprint: string });
      },
      async browser(kopru) {
        const status = await kopru.invoke('installation:status', {});
        const identity = status.ok ? (status.value as { identity: { nodeId: string; unitName: string; fingerprint: string } | null }).identity : null;
        if (!identity) throw new Error('set the browser installation up first');
        return nodeOf(kopru.invoke, identity);
      },
    });
    for (const backend of backends) await backend.close();
    fs.rmSync(root, { recursive: true, force: true });
  },
});

let files = 0;

/** The real enrolment by direct calls: introduction → enrol after comparing → welcome → import with the fingerprint. */
export async function enrol(world: World, parent: Node, child: Node): Promise<void> {
  files += 1;
  const intro = world.file(`tanitim-${files}.json`);
  const { fingerprint } = await child.ok('sync:introduce', { path: intro });
  await parent.ok('sync:enroll', { path: intro, fingerprint });
  const welcome = world.file(`karsilama-${files}.kopru`);
  await parent.ok('sync:export', { peerNode: child.nodeId, path: welcome, welcome: true });
  await child.ok('sync:import', { path: welcome, welcomeFingerprint: parent.fingerprint });
}

/** A file from one installation to another, created by a direct call. */
export async function exportFile(world: World, from: Node, to: Node): Promise<string> {
  files += 1;
  const file = world.file(`${files}-${from.nodeId.slice(0, 6)}-${to.nodeId.slice(0, 6)}.kopru`);
  await from.ok('sync:export', { peerNode: to.nodeId, path: file });
  return file;
}

/** Export and import by direct calls. */
export async function deliver(world: World, from: Node, to: Node) {
  return to.ok('sync:import', { path: await exportFile(world, from, to) });
}
