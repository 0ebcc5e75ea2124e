import { afterAll, describe, expect, it } from 'vitest';
import { createNode, deliver, enrol, type Node } from '../support/nodes';

// "N changes to send" beside each peer counts what the next file to it would carry: to a child, the changes
// of its scope it has not got; to the parent, this installation's own and its children's (issue #15).

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

interface Status { peers: { unitName: string; pendingChanges: number }[] }
const pendingAt = async (node: Node, unitName: RegExp) => (await node.ok<Status>('sync:status')).peers.find((p) => unitName.test(p.unitName))!.pendingChanges;

async function centres(province: Node, plate: string, names: string[]) {
  const districts = await province.ok<{ id: string }[]>('orgUnits:listDistricts', { provincePlate: plate });
  for (const [i, name] of names.entries()) await province.ok('orgUnits:createYouthCentre', { name, districtId: districts[i % districts.length]!.id, status: 'active' });
}

describe('changes waiting for each peer', () => {
  it("count only what the peer's next file carries", { timeout: 60_000 }, async () => {
    const ministry = await createNode('ministry', 'ministry');
    const ankara = await createNode('ankara', 'province', '06');
    const izmir = await createNode('izmir', 'province', '35');
    nodes.push(ministry, ankara, izmir);
    await enrol(ministry, ankara);
    await enrol(ministry, izmir);
    // Files both ways, then once more up so that the ministry knows what arrived: nothing waits anywhere.
    for (const [from, to] of [[ankara, ministry], [izmir, ministry], [ministry, ankara], [ministry, izmir], [ankara, ministry], [izmir, ministry]] as const) await deliver(from, to);
    expect(await pendingAt(ministry, /İzmir/)).toBe(0);
    expect(await pendingAt(ministry, /Ankara/)).toBe(0);
    expect(await pendingAt(ankara, /Bakanlık|Bakanlığı/)).toBe(0);
    await centres(ankara, '06', ['Keçiören Gençlik Merkezi', 'Mamak Gençlik Merkezi']);
    // Ankara's own changes wait for the ministry…
    const own = await pendingAt(ankara, /Bakanlık|Bakanlığı/);
    expect(own).toBeGreaterThan(0);
    await deliver(ankara, ministry);
    // …and are Ankara's: at the ministry, nothing of them waits for İzmir, nor goes back to Ankara.
    expect(await pendingAt(ministry, /İzmir/)).toBe(0);
    expect(await pendingAt(ministry, /Ankara/)).toBe(0);
    // A national change (a policy) waits for both provinces.
    const { updatedAt: _updatedAt, ...policy } = await ministry.ok<{ updatedAt: string | null; yearsWithoutVisaForCancellation: number }>('registry:getPolicy', {});
    await ministry.ok('registry:updatePolicy', { ...policy, yearsWithoutVisaForCancellation: policy.yearsWithoutVisaForCancellation === 3 ? 4 : 3 });
    expect(await pendingAt(ministry, /İzmir/)).toBeGreaterThan(0);
    expect(await pendingAt(ministry, /Ankara/)).toBeGreaterThan(0);
    // After the files go, nothing waits.
    await deliver(ministry, izmir);
    await deliver(izmir, ministry);
    expect(await pendingAt(ministry, /İzmir/)).toBe(0);
    expect(await pendingAt(ministry, /Ankara/)).toBeGreaterThan(0);
  });
});
