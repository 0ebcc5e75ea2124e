import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract';
import { createNode, enrol, exportFile, type Node } from '../support/nodes';

// Receipts and the chain of custody (issue #15): each file's arrival is acknowledged by the next file back,
// up and down; the sender's ledger says when the peer applied it; the board lists files without a receipt
// after N days and peers no file has come from in N days. Real installations exchanging real files, on one
// clock the test moves.

type Ledger = ChannelOutput<'sync:ledger'>;
type Board = ChannelOutput<'sync:custody'>;

const DAY = 86_400_000;
let offset = 0;
const now = () => Date.parse('2026-03-02T09:00:00.000Z') + offset;
const later = (days: number) => {
  offset += days * DAY;
};
const iso = () => new Date(now()).toISOString();

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

async function node(name: string, role: 'ministry' | 'province' | 'youth-center') {
  const n = await createNode(name, role, role === 'ministry' ? undefined : '06', now);
  nodes.push(n);
  return n;
}

async function chain() {
  const ministry = await node('ministry', 'ministry');
  const ankara = await node('ankara', 'province');
  const centre = await node('cankaya', 'youth-center');
  await enrol(ministry, ankara);
  await enrol(ankara, centre);
  return { ministry, ankara, centre };
}

const ledger = (n: Node) => n.ok<Ledger>('sync:ledger', {});
/** The ledger row of a file this installation sent. */
const sent = async (n: Node, file: string) => (await ledger(n)).find((e) => e.direction === 'export' && e.fileName === path.basename(file))!;
const board = (n: Node) => n.ok<Board>('sync:custody', {});
const apply = (to: Node, file: string) => to.ok('sync:import', { path: file });

describe('receipts', () => {
  it('a file sent down and one sent up are each acknowledged by the next file back, with when it was applied', async () => {
    const { ministry, ankara, centre } = await chain();
    for (const [parent, child] of [[ministry, ankara], [ankara, centre]] as const) {
      // Down: the parent's file, applied by the child a day later.
      later(1);
      const down = await exportFile(parent, child);
      expect(await sent(parent, down)).toMatchObject({ peerName: child.ctx.identity!.unitName, exportNo: 2, receivedAt: null });
      later(1);
      await apply(child, down);
      const appliedDown = iso();
      const atChild = (await ledger(child)).find((e) => e.direction === 'import' && e.fileName === path.basename(down))!;
      expect(atChild).toMatchObject({ exportNo: 2, peerName: parent.ctx.identity!.unitName });
      // Up: the child's next file says so; the parent learns it when it applies that file.
      later(1);
      const up = await exportFile(child, parent);
      expect((await sent(parent, down)).receivedAt).toBeNull();
      later(1);
      await apply(parent, up);
      expect((await sent(parent, down)).receivedAt).toBe(appliedDown);
      const appliedUp = iso();
      // And the other way: the child's file is acknowledged by the parent's next file.
      expect((await sent(child, up)).receivedAt).toBeNull();
      later(1);
      await apply(child, await exportFile(parent, child));
      expect((await sent(child, up)).receivedAt).toBe(appliedUp);
    }
    // The welcome files were acknowledged too, by the first file up.
    for (const [parent, child] of [[ministry, ankara], [ankara, centre]] as const) {
      const welcome = (await ledger(parent)).find((e) => e.direction === 'export' && e.peerNode === child.nodeId && e.exportNo === 1)!;
      expect(welcome.receivedAt).not.toBeNull();
    }
  });

  it('a lost file stays on the board after N days, while the one after it, delivered, leaves; the setting moves the line', async () => {
    const { ministry, ankara } = await chain();
    expect((await board(ministry)).days).toBe(14);
    const lost = await exportFile(ministry, ankara, '-lost');
    later(1);
    const delivered = await exportFile(ministry, ankara);
    await apply(ankara, delivered);
    later(1);
    await apply(ministry, await exportFile(ankara, ministry));
    // The next file repaired the lost one's data, but did not bring the lost file itself: only the one that came is received.
    expect((await sent(ministry, delivered)).receivedAt).not.toBeNull();
    expect((await sent(ministry, lost)).receivedAt).toBeNull();
    later(11);
    expect((await board(ministry)).unacknowledged).toEqual([]);
    later(1);
    const { unacknowledged } = await board(ministry);
    expect(unacknowledged).toEqual([
      expect.objectContaining({ peerNode: ankara.nodeId, peerName: ankara.ctx.identity!.unitName, fileName: path.basename(lost), exportNo: 2, days: 14, peerRevoked: false }),
    ]);
    // Thirty days instead of fourteen: not yet.
    expect(await ministry.ok('sync:setCustodyDays', { days: 30 })).toEqual({ days: 30 });
    expect(await board(ministry)).toMatchObject({ days: 30, unacknowledged: [] });
    const refused = await ministry.invoke('sync:setCustodyDays', { days: 0 });
    expect(refused.ok ? null : refused.error.issues?.[0]).toMatchObject({ path: 'days', message: 'En az 1 gün olmalı.' });
    await ministry.ok('sync:setCustodyDays', { days: 14 });
    expect((await board(ministry)).unacknowledged.map((f) => f.fileName)).toEqual([path.basename(lost)]);
  });

  it('a peer no file has come from in N days is on the board until its next file; a revoked one is not', async () => {
    const { ministry, ankara, centre } = await chain();
    later(13);
    expect((await board(ankara)).silent).toEqual([]);
    later(2);
    // The ministry's welcome file is the last that came from it; the centre never sent anything.
    const { silent } = await board(ankara);
    expect(silent).toEqual([
      expect.objectContaining({ peerNode: centre.nodeId, peerName: 'Çankaya Gençlik Merkezi', role: 'youth-center', lastReceivedAt: null, days: 15 }),
      expect.objectContaining({ peerNode: ministry.nodeId, role: 'ministry', lastReceivedAt: expect.any(String), days: 15 }),
    ]);
    await apply(ankara, await exportFile(ministry, ankara));
    expect((await board(ankara)).silent.map((p) => p.peerNode)).toEqual([centre.nodeId]);
    // A revoked installation will never send again: it is not waited for. The welcome file it never
    // acknowledged stays listed, marked.
    await ankara.ok('sync:revoke', { peerNode: centre.nodeId });
    const after = await board(ankara);
    expect(after.silent).toEqual([]);
    expect(after.unacknowledged.map((f) => [f.peerNode, f.exportNo, f.peerRevoked, f.days])).toEqual([[centre.nodeId, 1, true, 15]]);
  });

  it('a dry run (preview) does not count as received', async () => {
    const { ministry, ankara } = await chain();
    const up = await exportFile(ankara, ministry);
    const preview = await ministry.ok<{ dryRun: boolean }>('sync:import', { path: up, dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect((await ledger(ministry)).some((e) => e.direction === 'import' && e.fileName === path.basename(up))).toBe(false);
    later(1);
    await apply(ankara, await exportFile(ministry, ankara));
    expect((await sent(ankara, up)).receivedAt).toBeNull();
    later(14);
    const toMinistry = async () => (await board(ankara)).unacknowledged.filter((f) => f.peerNode === ministry.nodeId).map((f) => f.fileName);
    expect(await toMinistry()).toEqual([path.basename(up)]);
    // Applied for real, it is acknowledged by the next file down and leaves the board.
    await apply(ministry, up);
    const applied = iso();
    await apply(ankara, await exportFile(ministry, ankara));
    expect((await sent(ankara, up)).receivedAt).toBe(applied);
    expect(await toMinistry()).toEqual([]);
  });
});
