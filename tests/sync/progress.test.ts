import { afterAll, describe, expect, it } from 'vitest';
import { listDistricts, youthCentresSpec } from '../../db/orgUnits/queries';
import { cleanupFiles, createNode, enrol, nextFile, type Node } from '../support/nodes';

// The exchange screen polls `sync:progress` while a file is written or read, to show how far it has got.
// Polled between the steps of a real export and import of ~24,000 changes, it must count up to the file's
// total, say when the received changes are being applied, and say nothing once the work is over.

type Progress = { operation: 'export' | 'import'; phase: string; done: number; total: number } | null;

const nodes: Node[] = [];
afterAll(() => {
  nodes.forEach((n) => n.close());
  cleanupFiles();
});

/** Runs `work` and reads the progress between its steps until it ends. */
async function polled<T>(node: Node, work: Promise<T>) {
  let settled = false;
  const done = work.finally(() => (settled = true));
  const samples: Progress[] = [];
  while (!settled) {
    samples.push(await node.ok<Progress>('sync:progress', {}));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { result: await done, samples, after: await node.ok<Progress>('sync:progress', {}) };
}

describe('exchange progress', () => {
  it('counts the changes of an export and an import up to the file total, then reports nothing', async () => {
    const ministry = await createNode('M', 'ministry');
    const province = await createNode('P', 'province', '06');
    nodes.push(ministry, province);
    await enrol(ministry, province);
    const db = province.ctx.db!;
    const districts = listDistricts(db, '06');
    db.sqlite.transaction(() => {
      for (let i = 0; i < 2_000; i++) {
        const d = districts[i % districts.length]!;
        province.ctx.writer!.insert(youthCentresSpec, province.unitId, { province_plate: '06', district_id: d.id, name: `${d.name} ${i} Gençlik Merkezi`, status: 'active' });
      }
    })();
    expect(await ministry.ok<Progress>('sync:progress', {})).toBeNull();

    const file = nextFile('progress');
    const exported = await polled(province, province.ok<{ changes: number }>('sync:export', { peerNode: ministry.nodeId, path: file }));
    const writing = exported.samples.filter((s) => s?.operation === 'export' && s.phase === 'write');
    expect(writing.some((s) => s!.done > 0 && s!.done < s!.total)).toBe(true);
    expect(new Set(writing.map((s) => s!.total))).toEqual(new Set([exported.result.changes]));
    expect(exported.after).toBeNull();

    const imported = await polled(ministry, ministry.ok<{ report: { stored: number } }>('sync:import', { path: file }));
    const reading = imported.samples.filter((s) => s?.operation === 'import' && s.phase === 'read');
    expect(reading.some((s) => s!.done > 0 && s!.done < s!.total)).toBe(true);
    expect(new Set(reading.map((s) => s!.total))).toEqual(new Set([exported.result.changes]));
    const counts = reading.map((s) => s!.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b)); // never goes back
    expect(imported.result.report.stored).toBe(exported.result.changes);
    expect(imported.after).toBeNull();
  }, 120_000);

  it('reports nothing after a refused file either', async () => {
    const ministry = nodes[0]!;
    const refused = await ministry.invoke('sync:import', { path: nextFile('missing') });
    expect(refused.ok).toBe(false);
    expect(await ministry.ok<Progress>('sync:progress', {})).toBeNull();
  });
});
