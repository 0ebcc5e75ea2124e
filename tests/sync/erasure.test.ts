import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AssociationDetail } from '../../shared/contract/registry';
import type { ImportResult } from '../../shared/contract/sync';
import { createNode, deliver, enrol, type Node } from '../support/nodes';

// A person removed from an association's board keeps their name in its history, but their TC Kimlik No and
// contact details are erased from the row and from the change log at every installation that holds it
// (issue #15). The removal travels as the owner's own change; an installation rewrites the earlier changes
// once its parent has received them signed (a change still to be sent keeps its value until then).

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

const TC = '10000000146';
const PHONE = '+905321234567';

async function pair() {
  const ministry = await createNode('ministry', 'ministry');
  const ankara = await createNode('ankara', 'province', '06');
  nodes.push(ministry, ankara);
  await enrol(ministry, ankara);
  const districts = await ankara.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' });
  const association = await ankara.ok<AssociationDetail>('registry:create', { name: 'Silme Deneme Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: districts.find((d) => d.name === 'Çankaya')!.id });
  const withPerson = await ankara.ok<AssociationDetail>('registry:savePerson', { associationId: association.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Ayşe Yılmaz', tcKimlikNo: TC, phone: PHONE });
  const person = withPerson.people.find((p) => p.fullName === 'Ayşe Yılmaz')!;
  return { ministry, ankara, associationId: association.id, personId: person.id };
}

/** Where the TC number or the phone is still readable: the row, the log, the conflicts, the file's bytes. */
function traces(node: Node): string[] {
  const sqlite = node.ctx.db!.sqlite;
  const found: string[] = [];
  const rows = sqlite.prepare('SELECT count(*) AS n FROM association_people WHERE tc_kimlik_no IS NOT NULL OR phone IS NOT NULL OR tc_hash IS NOT NULL').get() as { n: number };
  if (rows.n > 0) found.push('row');
  const log = sqlite.prepare('SELECT count(*) AS n FROM change_log WHERE value LIKE ? OR value LIKE ?').get(`%${TC}%`, `%${PHONE}%`) as { n: number };
  if (log.n > 0) found.push(`log:${log.n}`);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = fs.readFileSync(path.join(node.dataDir, 'kopru.sqlite'));
  if (bytes.includes(Buffer.from(TC)) || bytes.includes(Buffer.from(PHONE))) found.push('file');
  return found;
}

describe("a removed board member's TC number and contact details", () => {
  it('are erased everywhere: at the ministry as the removal arrives, at the province once the ministry has its changes', { timeout: 60_000 }, async () => {
    const { ministry, ankara, associationId, personId } = await pair();
    await deliver(ankara, ministry);
    expect(traces(ministry)).toContain('row');
    await ankara.ok('registry:removePerson', { id: personId });
    // The province's own row is emptied at once; its log keeps the values the ministry has not confirmed yet.
    expect((ankara.ctx.db!.sqlite.prepare('SELECT tc_kimlik_no AS tc, phone, full_name AS name, deleted_at AS d FROM association_people WHERE id = ?').get(personId))).toMatchObject({ tc: null, phone: null, name: 'Ayşe Yılmaz', d: expect.any(String) });
    const atMinistry = await deliver(ankara, ministry);
    expect(atMinistry.report.rejected).toEqual([]);
    expect(traces(ministry)).toEqual([]);
    // The ministry's next file says it holds the province's changes: the province erases them too.
    await deliver(ministry, ankara);
    expect(traces(ankara)).toEqual([]);
    // The history stays right: the board lists nobody, the association and the person's name remain.
    const detail = await ankara.ok<AssociationDetail>('registry:get', { id: associationId });
    expect(detail.people.map((p) => p.fullName)).toEqual([]);
    expect((ankara.ctx.db!.sqlite.prepare('SELECT full_name AS n FROM association_people WHERE id = ?').get(personId) as { n: string }).n).toBe('Ayşe Yılmaz');
    // And exchange goes on signed and verified both ways.
    expect((await deliver(ankara, ministry)).report.rejected).toEqual([]);
    expect((await deliver(ministry, ankara)).report.rejected).toEqual([]);
  });

  it('a person entered and removed before any file went up: the signed change reaches the ministry whole, then both erase it', { timeout: 60_000 }, async () => {
    const { ministry, ankara, personId } = await pair();
    await ankara.ok('registry:removePerson', { id: personId });
    // Not yet sent: the province keeps the value in its log so that its signed segment verifies at the ministry.
    expect(traces(ankara)).toContain('log:2');
    const up = await deliver(ankara, ministry);
    expect(up.report.rejected).toEqual([]);
    expect(up.report.tables.association_people?.new).toBe(1);
    expect(traces(ministry)).toEqual([]);
    const down: ImportResult = await deliver(ministry, ankara);
    expect(down.report.rejected).toEqual([]);
    expect(traces(ankara)).toEqual([]);
  });
});
