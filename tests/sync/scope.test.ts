import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoData } from '../../electron/cli/demo';
import { transfersSpec } from '../../db/registry/specs';
import { meetingParticipantsSpec } from '../../db/meetings/specs';
import { buildScope, outOfScopeCounts, SCOPE_TABLE, type ScopeHolder } from '../../db/sync/scope';
import { SYNCED_TABLES } from '../../db/sync/tables';
import { SCOPE_RULES } from '../../shared/sync/scope';
import { setupApp, type TestApp } from '../support/app';

// What each installation holds (DOMAIN.md §2), checked on the ministry's national demo data: the scope the
// rules build is compared, row by row, with an oracle written here by hand from the domain brief (not from
// the rules), for a province, another province, and a youth centre; plus the edge cases the rules decide.

let ministry: TestApp;
type Row = Record<string, unknown> & { id: string };
const rowsOf = (table: string) => ministry.ctx.db!.sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[];

let invitedOrg: Row;
let transferred: Row;
let carried: Row;
let ownCentre: string;

beforeAll(async () => {
  ministry = await setupApp('ministry');
  await fillDemoData(ministry.ctx, { associationsPerProvince: 2, meetingsUntil: 2017 });
  const db = ministry.ctx.db!;
  const writer = ministry.ctx.writer!;
  db.sqlite.transaction(() => {
    // Edge cases: an organisation of İzmir invited to a meeting in Ankara; a transfer from Ankara to İzmir.
    invitedOrg = db.sqlite.prepare("SELECT * FROM organisations WHERE province_plate = '35' LIMIT 1").get() as Row;
    const meeting = db.sqlite.prepare("SELECT * FROM meetings WHERE province_plate = '06' LIMIT 1").get() as Row;
    writer.insert(meetingParticipantsSpec, 'province:06', {
      meeting_id: meeting.id, kind: 'cso', full_name: 'Ayşe Yılmaz', title: null, organisation_id: invitedOrg.id, organisation_name: null, contact_id: null,
      invited: 1, attended: 1, walk_in: 0, phone: null, email: null,
    });
    transferred = db.sqlite.prepare("SELECT * FROM associations WHERE province_plate = '06' LIMIT 1").get() as Row;
    writer.insert(transfersSpec, 'province:06', {
      association_id: transferred.id, from_plate: '06', to_plate: '35', to_district_id: null, new_kutuk_no: null, reason: 'Merkez taşındı', letter_date: null, letter_no: null,
    });
    // And one the sender has approved, to İstanbul: its file travels (the state is derived from the steps).
    carried = db.sqlite.prepare("SELECT * FROM associations WHERE province_plate = '06' AND id <> ? LIMIT 1").get(transferred.id) as Row;
    const t = writer.insert(transfersSpec, 'province:06', {
      association_id: carried.id, from_plate: '06', to_plate: '34', to_district_id: null, new_kutuk_no: null, reason: 'Merkez taşındı', letter_date: null, letter_no: null,
    });
    db.sqlite.prepare("UPDATE transfers SET state = 'GONDEREN_ONAYI' WHERE id = ?").run(t.id);
    ownCentre = (db.sqlite.prepare("SELECT id FROM youth_centres WHERE province_plate = '06' ORDER BY id LIMIT 1").get() as { id: string }).id;
  })();
}, 600_000);

afterAll(() => ministry?.close());

/** The province a row belongs to, walked by hand through its parents (the oracle). */
function provinceOf(table: string, row: Row): string | null {
  const parent = (t: string, id: unknown) => ministry.ctx.db!.sqlite.prepare(`SELECT * FROM ${t} WHERE id = ?`).get(id) as Row;
  switch (table) {
    case 'youth_centres':
    case 'associations':
    case 'organisations':
    case 'meetings':
      return row.province_plate as string;
    case 'workshops':
      return (row.host_plate as string | null) ?? null;
    case 'transfers':
      return row.from_plate as string;
    case 'association_history':
    case 'association_people':
    case 'association_documents':
    case 'association_attachments':
    case 'visa_applications':
    case 'derbis_snapshots':
      return provinceOf('associations', parent('associations', row.association_id));
    case 'contacts':
    case 'org_relations':
    case 'interactions':
      return provinceOf('organisations', parent('organisations', row.organisation_id));
    case 'contact_affiliations':
      return provinceOf('contacts', parent('contacts', row.contact_id));
    case 'meeting_agenda':
    case 'meeting_participants':
    case 'meeting_requests':
    case 'meeting_decisions':
    case 'meeting_files':
      return provinceOf('meetings', parent('meetings', row.meeting_id));
    case 'workshop_participants':
      return provinceOf('workshops', parent('workshops', row.workshop_id));
    default:
      throw new Error(`no oracle for ${table}`);
  }
}

/** What DOMAIN.md §2 says `holder` holds of a table, before what its rows refer to is added. */
function expected(table: string, holder: ScopeHolder): Set<string> {
  const rows = rowsOf(table);
  const national = table === 'sync_nodes' || table === 'reference_data' || table === 'published_reports';
  const ids = new Set<string>();
  for (const row of rows) {
    if (national) {
      ids.add(row.id);
      continue;
    }
    // Whatever its own unit owns.
    if (row.owner_unit === holder.unit) ids.add(row.id);
    const place = provinceOf(table, row);
    if (holder.role === 'province') {
      if (place === holder.plate) ids.add(row.id);
      // A transfer is both provinces'; the receiving one holds the association's record and history for
      // good, and its file (board, documents, visas) while the transfer waits for it to accept.
      const transfers = (id: unknown) => ministry.ctx.db!.sqlite.prepare('SELECT to_plate AS p, state FROM transfers WHERE association_id = ?').all(id) as { p: string; state: string }[];
      if (table === 'transfers' && row.to_plate === holder.plate) ids.add(row.id);
      if (table === 'associations' && transfers(row.id).some((t) => t.p === holder.plate)) ids.add(row.id);
      if (table === 'association_history' && transfers(row.association_id).some((t) => t.p === holder.plate)) ids.add(row.id);
      if (['association_people', 'association_documents', 'visa_applications'].includes(table) && transfers(row.association_id).some((t) => t.p === holder.plate && t.state === 'GONDEREN_ONAYI')) ids.add(row.id);
      continue;
    }
    // A youth centre: its province's centres, associations (with their history and visas) and directory
    // (organisations, contacts); its own meetings with everything in them. No people, files, case files,
    // transfers, relations, correspondence or workshops.
    if (place !== holder.plate) continue;
    if (['youth_centres', 'associations', 'association_history', 'visa_applications', 'organisations', 'contacts', 'contact_affiliations'].includes(table)) ids.add(row.id);
    if (table === 'meetings' && row.youth_centre_id === holder.centreId) ids.add(row.id);
    if (table.startsWith('meeting_')) {
      const meeting = ministry.ctx.db!.sqlite.prepare('SELECT youth_centre_id AS c FROM meetings WHERE id = ?').get(row.meeting_id) as { c: string };
      if (meeting.c === holder.centreId) ids.add(row.id);
    }
  }
  return ids;
}

function scopeOf(holder: ScopeHolder): Map<string, Set<string>> {
  buildScope(ministry.ctx.db!, holder);
  const rows = ministry.ctx.db!.sqlite.prepare(`SELECT table_name AS t, row_id AS r FROM ${SCOPE_TABLE}`).all() as { t: string; r: string }[];
  const byTable = new Map<string, Set<string>>();
  for (const { t, r } of rows) {
    if (!byTable.has(t)) byTable.set(t, new Set());
    byTable.get(t)!.add(r);
  }
  return byTable;
}

const HOLDERS: [string, () => ScopeHolder][] = [
  ['Ankara province', () => ({ role: 'province', unit: 'province:06', plate: '06', centreId: null })],
  ['İzmir province', () => ({ role: 'province', unit: 'province:35', plate: '35', centreId: null })],
  ['İstanbul province', () => ({ role: 'province', unit: 'province:34', plate: '34', centreId: null })],
  ['a youth centre of Ankara', () => ({ role: 'youth-center', unit: 'youth-center:test', plate: '06', centreId: ownCentre })],
];

describe('scope', () => {
  it('has one rule for every synced table', () => {
    expect(SCOPE_RULES.map((r) => r.table).sort()).toEqual(SYNCED_TABLES.map((s) => s.name).sort());
  });

  it('the ministry holds everything', () => {
    const scope = scopeOf({ role: 'ministry', unit: 'ministry', plate: null, centreId: null });
    for (const spec of SYNCED_TABLES) expect(scope.get(spec.name)?.size ?? 0, spec.name).toBe(rowsOf(spec.name).length);
    expect(outOfScopeCounts(ministry.ctx.db!)).toEqual({});
  });

  it.each(HOLDERS)('%s holds exactly what the domain says, plus what its rows refer to', (_, holderOf) => {
    const holder = holderOf();
    const scope = scopeOf(holder);
    const held = (table: string) => scope.get(table) ?? new Set<string>();
    let total = 0;
    for (const spec of SYNCED_TABLES) {
      const want = expected(spec.name, holder);
      const got = held(spec.name);
      total += got.size;
      // Nothing missing that the domain says it holds.
      expect([...want].filter((id) => !got.has(id)), `${spec.name} missing`).toEqual([]);
      // Anything more is only what an in-scope row refers to (the closure), never personal data.
      const extra = [...got].filter((id) => !want.has(id));
      if (SCOPE_RULES.find((r) => r.table === spec.name)!.personal) expect(extra, `${spec.name} extra`).toEqual([]);
      for (const id of extra) {
        const referrers = SYNCED_TABLES.flatMap((child) =>
          (ministry.ctx.db!.sqlite.pragma(`foreign_key_list(${child.name})`) as { table: string; from: string }[])
            .filter((k) => k.table === spec.name)
            .flatMap((k) => (ministry.ctx.db!.sqlite.prepare(`SELECT id FROM ${child.name} WHERE ${k.from} = ?`).all(id) as { id: string }[]).map((r) => [child.name, r.id] as const)),
        );
        // Or an association a held one was transferred from (its registration is derived through it).
        const continued = spec.name === 'associations' && (ministry.ctx.db!.sqlite.prepare('SELECT id FROM associations WHERE transferred_from = ?').all(id) as { id: string }[]).some((r) => held('associations').has(r.id));
        expect(continued || referrers.some(([t, r]) => held(t).has(r)), `${spec.name} ${id} is held without a reason`).toBe(true);
      }
    }
    expect(total).toBeGreaterThan(0);
    // No board member of another province, unless a transfer to this one carries them.
    for (const person of held('association_people')) {
      const row = ministry.ctx.db!.sqlite.prepare('SELECT * FROM association_people WHERE id = ?').get(person) as Row;
      const carriedHere = ministry.ctx.db!.sqlite
        .prepare("SELECT 1 FROM transfers WHERE association_id = ? AND to_plate = ? AND state = 'GONDEREN_ONAYI'")
        .get(row.association_id, holder.plate);
      expect(provinceOf('association_people', row) === holder.plate || carriedHere !== undefined).toBe(true);
    }
    if (holder.role === 'youth-center') {
      expect(held('association_people').size).toBe(0);
      expect(held('meetings').size).toBeGreaterThan(0);
    }
  });

  it('decides the edge cases: an organisation invited from another province, a transfer between two', () => {
    const ankara = scopeOf({ role: 'province', unit: 'province:06', plate: '06', centreId: null });
    // İzmir's organisation is held by Ankara because Ankara's meeting invited it; its contacts are not.
    expect(ankara.get('organisations')!.has(invitedOrg.id)).toBe(true);
    const izmir = scopeOf({ role: 'province', unit: 'province:35', plate: '35', centreId: null });
    expect(izmir.get('organisations')!.has(invitedOrg.id)).toBe(true);
    // The transfer is both provinces'; İzmir sees the association it carries, not its board.
    const transfer = ministry.ctx.db!.sqlite.prepare('SELECT id FROM transfers WHERE association_id = ?').get(transferred.id) as { id: string };
    expect(ankara.get('transfers')!.has(transfer.id) && izmir.get('transfers')!.has(transfer.id)).toBe(true);
    expect(izmir.get('associations')!.has(transferred.id)).toBe(true);
    const board = ministry.ctx.db!.sqlite.prepare('SELECT id FROM association_people WHERE association_id = ?').all(transferred.id) as { id: string }[];
    expect(board.length).toBeGreaterThan(0);
    for (const p of board) expect(izmir.get('association_people')?.has(p.id) ?? false).toBe(false);
    // Once the sender approved, the file travels: İstanbul holds the board it will copy when it accepts.
    const istanbul = scopeOf({ role: 'province', unit: 'province:34', plate: '34', centreId: null });
    const carriedBoard = ministry.ctx.db!.sqlite.prepare('SELECT id FROM association_people WHERE association_id = ?').all(carried.id) as { id: string }[];
    expect(carriedBoard.length).toBeGreaterThan(0);
    for (const p of carriedBoard) expect(istanbul.get('association_people')!.has(p.id)).toBe(true);
    expect(istanbul.get('association_attachments')?.size ?? 0).toBe(0);
  });
});
