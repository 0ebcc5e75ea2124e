import type Database from 'better-sqlite3';
import type { Role } from '../../shared/contract';
import type { ExchangeFileRef, LostFileCandidate, LostFileReport, PersonCandidate, PersonRecord } from '../../shared/contract/privacy';
import { formatPhone, maskTcKimlikNo } from '../../shared/identifiers';
import { PARTICIPANT_KIND_LABELS } from '../../shared/meetings/fields';
import { ATTENDANCE_LABELS, orderedFields, PERSON_CATEGORIES, type Attendance, PERSON_TABLE_BY_NAME, PERSON_TABLES, type PersonCategory, type PersonField } from '../../shared/privacy/personReport';
import { PERSON_KIND_LABELS } from '../../shared/registry/fields';
import { compareTurkish, foldTurkish, formatDateTr } from '../../shared/turkish';
import { ROW_CHANGES } from '../changeLog/runs';
import type { OpenDatabase } from '../open';
import type { ChangeEntry } from '../sync/engine';

// The person report and the lost-file report (issue #16; shared/privacy/personReport.ts says what they are and
// the rule by which a file "carried" a record). Names are matched in SQL through a folding function registered
// on the connection (the same foldTurkish the search columns are built with), TC numbers by their keyed hash.

type Db = Pick<OpenDatabase, 'stmt' | 'sqlite'>;

export interface ReportIdentity {
  nodeId: string;
  role: Role;
  unitName: string;
  provincePlate: string | null;
}

const folding = new WeakSet<Database.Database>();

/** `kopru_fold(text)`: foldTurkish in SQL, registered once per connection. */
function withFolding(db: Db): void {
  if (folding.has(db.sqlite)) return;
  db.sqlite.function('kopru_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldTurkish(text) : null));
  folding.add(db.sqlite);
}

const baseNode = (nodeId: string): string => nodeId.split('~')[0]!;
/** The wall-clock part of an HLC (`<ISO millis>-<counter>-<node>`), comparable with ledger times as text. */
const hlcTime = (hlc: string): string => hlc.slice(0, 24);

// ---------------------------------------------------------------------------------------------------------
// Finding people

/** How a record is matched: every typed token a word prefix of the folded name, the exact folded name, or the TC hash. */
type Match = { tokens: string[] } | { folded: string } | { tcHash: string };

function nameCondition(column: string, match: Match): { sql: string; params: string[] } {
  if ('tcHash' in match) return { sql: '0', params: [] };
  if ('folded' in match) return { sql: `kopru_fold(${column}) = ?`, params: [match.folded] };
  return { sql: match.tokens.map(() => `(' ' || kopru_fold(${column})) LIKE ?`).join(' AND '), params: match.tokens.map((t) => `% ${t}%`) };
}

interface RawRecord {
  category: PersonCategory;
  table: string;
  id: string;
  fullName: string;
  matchedBy: 'tc' | 'name';
  fields: { key: PersonField; value: string }[];
  context: PersonRecord['context'];
  createdAt: string;
  updatedAt: string;
  removedAt: string | null;
  editLink: string[] | null;
}

type Row = Record<string, string | number | null>;
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A value in Turkish with the dictionary keys the screens word it by (see `words` in the contract). */
interface Worded {
  value: string;
  words: string[];
}

function fieldsOf(pairs: [PersonField, string | Worded | null | undefined][]): { key: PersonField; value: string; words?: string[] }[] {
  return pairs.flatMap(([key, v]) => {
    if (v === null || v === undefined) return [];
    if (typeof v === 'object') return v.value.trim() === '' ? [] : [{ key, value: v.value, words: v.words }];
    return String(v).trim() === '' ? [] : [{ key, value: String(v) }];
  });
}

/** A vocabulary code in Turkish with its dictionary key; an unknown code as it is stored. */
function coded(labels: Readonly<Record<string, string>>, prefix: string, code: string): Worded | string {
  return Object.prototype.hasOwnProperty.call(labels, code) ? { value: labels[code]!, words: [`${prefix}.${code}`] } : code;
}

function attendance(r: Row): Worded {
  const parts: Attendance[] = [...(r.invited ? (['invited'] as const) : []), ...(r.attended ? [r.walk_in ? ('walkIn' as const) : ('attended' as const)] : [])];
  return { value: parts.map((p) => ATTENDANCE_LABELS[p].tr).join(', '), words: parts.map((p) => `privacy.person.attendance.${p}`) };
}

const term = (start: unknown, end: unknown) => (start || end ? `${formatDateTr(str(start)) || '…'} – ${formatDateTr(str(end)) || '…'}` : null);

function boardRecords(db: Db, match: Match, matchedBy: 'tc' | 'name'): RawRecord[] {
  const where = 'tcHash' in match ? { sql: 'ap.tc_hash = ?', params: [match.tcHash] } : nameCondition('ap.full_name', match);
  const rows = db
    .stmt(
      `SELECT ap.id, ap.full_name, ap.kind, ap.membership, ap.role, ap.tc_kimlik_no, ap.phone, ap.email, ap.profession, ap.certificate_no, ap.term_start, ap.term_end,
              ap.created_at, ap.updated_at, ap.deleted_at, ap.association_id, a.name AS association_name
       FROM association_people ap LEFT JOIN associations a ON a.id = ap.association_id WHERE ${where.sql}`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) => ({
    category: 'board',
    table: 'association_people',
    id: str(r.id),
    fullName: str(r.full_name),
    matchedBy,
    fields: fieldsOf([
      ['fullName', str(r.full_name)],
      // Masked as everywhere on screen (DOMAIN.md §9): a report never reveals the number.
      ['tcKimlikNo', r.tc_kimlik_no ? maskTcKimlikNo(str(r.tc_kimlik_no)) : null],
      ['phone', formatPhone(str(r.phone))],
      ['email', str(r.email)],
      ['kind', coded(PERSON_KIND_LABELS, 'registry.personKind', str(r.kind))],
      ['membership', r.membership === 'ASIL' ? 'Asil' : r.membership === 'YEDEK' ? 'Yedek' : null],
      ['role', str(r.role)],
      ['profession', str(r.profession)],
      ['certificateNo', str(r.certificate_no)],
      ['term', term(r.term_start, r.term_end)],
    ]),
    context: r.association_id ? { kind: 'association', id: str(r.association_id), name: str(r.association_name) || str(r.association_id), date: null } : null,
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
    removedAt: r.deleted_at ? str(r.deleted_at) : null,
    editLink: r.association_id ? ['registry', str(r.association_id), 'people'] : null,
  }));
}

function participantRecords(db: Db, match: Match): RawRecord[] {
  if ('tcHash' in match) return [];
  const where = nameCondition('mp.full_name', match);
  const rows = db
    .stmt(
      `SELECT mp.id, mp.full_name, mp.kind, mp.title, mp.phone, mp.email, mp.invited, mp.attended, mp.walk_in, coalesce(o.name, mp.organisation_name) AS organisation,
              mp.created_at, mp.updated_at, mp.deleted_at, mp.meeting_id, yc.name AS centre_name, m.date AS meeting_date
       FROM meeting_participants mp LEFT JOIN meetings m ON m.id = mp.meeting_id LEFT JOIN youth_centres yc ON yc.id = m.youth_centre_id
         LEFT JOIN organisations o ON o.id = mp.organisation_id
       WHERE ${where.sql}`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) => ({
    category: 'participant',
    table: 'meeting_participants',
    id: str(r.id),
    fullName: str(r.full_name),
    matchedBy: 'name',
    fields: fieldsOf([
      ['fullName', str(r.full_name)],
      ['title', str(r.title)],
      ['organisation', str(r.organisation)],
      ['kind', coded(PARTICIPANT_KIND_LABELS, 'meetings.kind', str(r.kind))],
      ['attendance', attendance(r)],
      ['phone', formatPhone(str(r.phone))],
      ['email', str(r.email)],
    ]),
    context: { kind: 'meeting', id: str(r.meeting_id), name: str(r.centre_name) || str(r.meeting_id), date: r.meeting_date ? str(r.meeting_date) : null },
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
    removedAt: r.deleted_at ? str(r.deleted_at) : null,
    editLink: ['meetings', str(r.meeting_id), 'invitees'],
  }));
}

function contactRecords(db: Db, match: Match): RawRecord[] {
  if ('tcHash' in match) return [];
  const where = nameCondition('c.full_name', match);
  const rows = db
    .stmt(
      `SELECT c.id, c.full_name, c.title, c.phone, c.email, c.notes, c.created_at, c.updated_at, c.deleted_at, c.organisation_id, o.name AS organisation_name
       FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id WHERE ${where.sql}`,
    )
    .all(...where.params) as Row[];
  const out: RawRecord[] = [];
  for (const r of rows) {
    const link = r.organisation_id ? ['directory', str(r.organisation_id), 'contacts'] : null;
    out.push({
      category: 'contact',
      table: 'contacts',
      id: str(r.id),
      fullName: str(r.full_name),
      matchedBy: 'name',
      fields: fieldsOf([['fullName', str(r.full_name)], ['title', str(r.title)], ['phone', formatPhone(str(r.phone))], ['email', str(r.email)], ['notes', str(r.notes)]]),
      context: r.organisation_id ? { kind: 'organisation', id: str(r.organisation_id), name: str(r.organisation_name) || str(r.organisation_id), date: null } : null,
      createdAt: str(r.created_at),
      updatedAt: str(r.updated_at),
      removedAt: r.deleted_at ? str(r.deleted_at) : null,
      editLink: link,
    });
    // The organisations the contact worked for before: part of what is held about the same person.
    const former = db
      .stmt(
        `SELECT ca.id, ca.title, ca.until_on, ca.organisation_id, o.name AS organisation_name, ca.created_at, ca.updated_at, ca.deleted_at
         FROM contact_affiliations ca LEFT JOIN organisations o ON o.id = ca.organisation_id WHERE ca.contact_id = ? ORDER BY ca.until_on`,
      )
      .all(r.id) as Row[];
    for (const f of former) {
      out.push({
        category: 'affiliation',
        table: 'contact_affiliations',
        id: str(f.id),
        fullName: str(r.full_name),
        matchedBy: 'name',
        fields: fieldsOf([['organisation', str(f.organisation_name)], ['title', str(f.title)], ['until', formatDateTr(str(f.until_on))]]),
        context: f.organisation_id ? { kind: 'organisation', id: str(f.organisation_id), name: str(f.organisation_name) || str(f.organisation_id), date: null } : null,
        createdAt: str(f.created_at),
        updatedAt: str(f.updated_at),
        removedAt: f.deleted_at ? str(f.deleted_at) : null,
        editLink: link,
      });
    }
  }
  return out;
}

function workshopRecords(db: Db, match: Match): RawRecord[] {
  if ('tcHash' in match) return [];
  const where = nameCondition('wp.full_name', match);
  const rows = db
    .stmt(
      `SELECT wp.id, wp.full_name, wp.title, coalesce(o.name, wp.organisation_name) AS organisation, p.name AS province, wp.workshop_id, w.title AS workshop_title,
              w.start_on, wp.created_at, wp.updated_at, wp.deleted_at
       FROM workshop_participants wp LEFT JOIN workshops w ON w.id = wp.workshop_id LEFT JOIN organisations o ON o.id = wp.organisation_id
         LEFT JOIN provinces p ON p.plate = wp.province_plate
       WHERE ${where.sql}`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) => ({
    category: 'workshop',
    table: 'workshop_participants',
    id: str(r.id),
    fullName: str(r.full_name),
    matchedBy: 'name',
    fields: fieldsOf([['fullName', str(r.full_name)], ['title', str(r.title)], ['organisation', str(r.organisation)], ['province', str(r.province)]]),
    context: { kind: 'workshop', id: str(r.workshop_id), name: str(r.workshop_title) || str(r.workshop_id), date: r.start_on ? str(r.start_on) : null },
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
    removedAt: r.deleted_at ? str(r.deleted_at) : null,
    editLink: ['workshops', str(r.workshop_id)],
  }));
}

function matchRecords(db: Db, match: Match, matchedBy: 'tc' | 'name'): RawRecord[] {
  withFolding(db);
  return [...boardRecords(db, match, matchedBy), ...participantRecords(db, match), ...contactRecords(db, match), ...workshopRecords(db, match)];
}

const placeOf = (r: RawRecord): string | null => (r.context ? (r.context.date ? `${r.context.name} (${formatDateTr(r.context.date)})` : r.context.name) : null);

/**
 * Candidates for a report: people whose name matches every typed word (as a word start, Turkish-insensitive),
 * or whose TC number's keyed hash is the typed number's. One candidate per (folded) name.
 */
export function findPeople(db: Db, query: string, tcHash: string | null): { candidates: PersonCandidate[]; byTc: boolean } {
  const found = tcHash ? matchRecords(db, { tcHash }, 'tc') : matchRecords(db, { tokens: foldTurkish(query).split(' ').filter(Boolean) }, 'name');
  const byName = new Map<string, RawRecord[]>();
  for (const r of found) {
    const key = foldTurkish(r.fullName);
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  const candidates = [...byName.values()].map((records) => ({
    fullName: records[0]!.fullName,
    matchedBy: tcHash ? ('tc' as const) : ('name' as const),
    records: records.length,
    categories: PERSON_CATEGORIES.filter((c) => records.some((r) => r.category === c)),
    places: [...new Set(records.map(placeOf).filter((p): p is string => p !== null))].slice(0, 4),
  }));
  candidates.sort((a, b) => compareTurkish(a.fullName, b.fullName));
  return { candidates: candidates.slice(0, 50), byTc: tcHash !== null };
}

// ---------------------------------------------------------------------------------------------------------
// The exchange ledger, and what each file likely carried (CARRIED_RULE)

interface LedgerRow {
  id: number;
  direction: 'export' | 'import' | 'introduce' | 'enroll';
  peer_node: string | null;
  file_name: string;
  file_sha256: string | null;
  at: string;
  outcome: string;
  summary: string;
  export_no: number | null;
  received_at: string | null;
}

/** A change as the report reads it; `value` is JSON text (`null` for none, or for one erased since). */
type Change = Pick<ChangeEntry, 'table' | 'row' | 'column' | 'value' | 'hlc' | 'origin'>;

/**
 * Whether a carried change counts for the kinds of data a file held: a field without a value carried nothing,
 * unless the record was removed since (its TC number and contact details were then erased from the earlier
 * changes too, so an empty value there may have been a value when the file was written).
 */
const heldValue = (c: Change, removed: boolean): boolean => removed || c.value !== 'null';

interface ExportFile {
  row: LedgerRow;
  peer: string;
  /** A file for a child (cut to its scope); else for the parent. */
  down: boolean;
  /** Changes held here by this time were known to be at the peer (its receipt of an earlier file had come back). */
  windowStart: string;
}

/** The ledger read once for a report: which import brought a change, which exports carried it. */
class ExchangeHistory {
  readonly files: LedgerRow[];
  readonly exports: ExportFile[] = [];
  private readonly importsByTable = new Map<string, LedgerRow[]>();
  private readonly peers = new Map<string, { role: Role; unitName: string }>();
  private readonly sent = new Map<string, boolean>();
  private readonly originPlates = new Map<string, string | null>();

  constructor(
    private readonly db: Db,
    private readonly identity: ReportIdentity,
  ) {
    this.files = db
      .stmt(`SELECT id, direction, peer_node, file_name, file_sha256, at, outcome, summary, export_no, received_at FROM sync_ledger ORDER BY id`)
      .all() as LedgerRow[];
    for (const p of db.stmt('SELECT node_id, role, unit_name FROM sync_peers').all() as { node_id: string; role: Role; unit_name: string }[]) {
      this.peers.set(p.node_id, { role: p.role, unitName: p.unit_name });
    }
    const imports = this.files.filter((f) => f.direction === 'import' && f.outcome === 'applied');
    for (const f of imports) {
      for (const table of Object.keys(tablesOf(f.summary))) {
        const list = this.importsByTable.get(table) ?? [];
        list.push(f);
        this.importsByTable.set(table, list);
      }
    }
    for (const list of this.importsByTable.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
    // Any file read from the peer brings its receipts and its vector, whether or not it brought anything new.
    const readFrom = new Map<string, string[]>();
    for (const f of this.files) {
      if (f.direction !== 'import' || f.peer_node === null) continue;
      const peer = baseNode(f.peer_node);
      const times = readFrom.get(peer) ?? [];
      times.push(f.at);
      readFrom.set(peer, times);
    }
    for (const times of readFrom.values()) times.sort();
    /** When the receipt of a file sent was read here: the first file from the peer read after it applied it. */
    const ackRead = (f: LedgerRow): string | null => {
      if (!f.received_at) return null;
      return readFrom.get(baseNode(f.peer_node!))?.find((at) => at >= f.received_at!) ?? null;
    };
    const sentTo = new Map<string, { row: LedgerRow; ack: string | null }[]>();
    for (const f of this.files) {
      if (f.direction !== 'export' || f.peer_node === null) continue;
      const peer = baseNode(f.peer_node);
      const earlier = sentTo.get(peer) ?? [];
      // The newest earlier file to the peer whose receipt was read here before this one was written.
      let windowStart = '';
      for (const e of earlier) if (e.ack !== null && e.ack <= f.at && e.row.at > windowStart) windowStart = e.row.at;
      this.exports.push({ row: f, peer, down: this.isChild(peer), windowStart });
      earlier.push({ row: f, ack: ackRead(f) });
      sentTo.set(peer, earlier);
    }
  }

  private isChild(peer: string): boolean {
    const role = this.peers.get(peer)?.role;
    return (this.identity.role === 'ministry' && role === 'province') || (this.identity.role === 'province' && role === 'youth-center');
  }

  own(origin: string): boolean {
    return baseNode(origin) === baseNode(this.identity.nodeId);
  }

  /** The installation's unit name, or null when this installation does not know it. */
  knownUnitName(origin: string): string | null {
    if (this.own(origin)) return this.identity.unitName;
    const base = baseNode(origin);
    return this.peers.get(base)?.unitName ?? (this.db.stmt('SELECT unit_name AS n FROM sync_nodes WHERE node_id = ? LIMIT 1').get(base) as { n: string } | undefined)?.n ?? null;
  }

  /** The unit name in Turkish, for the PDF and the JSON ("tanınmayan kurulum …" when unknown). */
  unitName(origin: string): string {
    return this.knownUnitName(origin) ?? `tanınmayan kurulum ${origin}`;
  }

  peerName(peerNode: string | null): string | null {
    return peerNode === null ? null : (this.peers.get(baseNode(peerNode))?.unitName ?? null);
  }

  /** The applied import that most likely brought a received change (see CARRIED_RULE); null for one written here. */
  broughtBy(change: Change): LedgerRow | null {
    if (this.own(change.origin)) return null;
    const list = this.importsByTable.get(change.table);
    if (!list) return null;
    const time = hlcTime(change.hlc);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.at < time) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] ?? null;
  }

  /** When this installation came to hold a change. */
  heldSince(change: Change): string {
    return this.broughtBy(change)?.at ?? hlcTime(change.hlc);
  }

  /** Whether a file to this peer would send a change of this origin and record at all (its direction). */
  private sends(file: ExportFile, change: Change): boolean {
    if (baseNode(change.origin) === file.peer) return false;
    if (!file.down) {
      // Up: this installation's own changes and its children's.
      if (this.own(change.origin)) return true;
      return this.isChild(baseNode(change.origin));
    }
    // Down: records sent to that child, except what came from its own subtree.
    if (this.identity.role === 'ministry' && this.originPlate(change.origin) === this.peerPlate(file.peer)) return false;
    const key = `${file.peer}\u0000${change.table}\u0000${change.row}`;
    let sent = this.sent.get(key);
    if (sent === undefined) {
      sent = this.db.stmt('SELECT 1 FROM sync_peer_rows WHERE peer_node = ? AND table_name = ? AND row_id = ?').get(file.peer, change.table, change.row) !== undefined;
      this.sent.set(key, sent);
    }
    return sent;
  }

  private originPlate(origin: string): string | null {
    const base = baseNode(origin);
    if (!this.originPlates.has(base)) {
      const row = this.db.stmt('SELECT province_plate AS p FROM sync_nodes WHERE node_id = ? AND deleted_at IS NULL LIMIT 1').get(base) as { p: string | null } | undefined;
      this.originPlates.set(base, row?.p ?? null);
    }
    return this.originPlates.get(base)!;
  }

  private peerPlate(peer: string): string | null {
    return this.originPlate(peer);
  }

  /** Whether an export likely carried a change (CARRIED_RULE). */
  carries(file: ExportFile, change: Change, heldSince = this.heldSince(change)): boolean {
    return heldSince > file.windowStart && heldSince <= file.row.at && this.sends(file, change);
  }

  ref(f: LedgerRow): ExchangeFileRef {
    return { ledgerId: f.id, direction: f.direction, fileName: f.file_name, at: f.at, peerNode: f.peer_node, peerName: this.peerName(f.peer_node), receivedAt: f.received_at };
  }
}

function tablesOf(summary: string): Record<string, unknown> {
  try {
    const value = JSON.parse(summary) as { tables?: unknown };
    return value.tables && typeof value.tables === 'object' ? (value.tables as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function changesOfRow(db: Db, table: string, row: string): Change[] {
  return db
    .stmt(`SELECT c.table_name AS "table", c.row_id AS row, c.column_name AS "column", c.value, c.hlc, c.origin_node AS origin FROM ${ROW_CHANGES} ORDER BY c.id`)
    .all(table, row) as Change[];
}

function provenance(db: Db, history: ExchangeHistory, r: RawRecord): Pick<PersonRecord, 'origins' | 'sentIn'> {
  const changes = changesOfRow(db, r.table, r.id);
  const columns = PERSON_TABLE_BY_NAME.get(r.table)?.columns ?? {};
  const origins = new Map<string, PersonRecord['origins'][number] & { files: Map<number, ExchangeFileRef> }>();
  const sent = new Map<number, { ref: ExchangeFileRef; changes: number; fields: Set<PersonField> }>();
  for (const c of changes) {
    const node = baseNode(c.origin);
    const time = hlcTime(c.hlc);
    const known = origins.has(node) || history.knownUnitName(c.origin) !== null;
    const o = origins.get(node) ?? {
      node, unitName: history.unitName(c.origin), ...(known ? {} : { unknownNode: c.origin }), own: history.own(c.origin), changes: 0, firstAt: time, lastAt: time, broughtBy: [], files: new Map(),
    };
    o.changes++;
    if (time < o.firstAt) o.firstAt = time;
    if (time > o.lastAt) o.lastAt = time;
    const brought = history.broughtBy(c);
    if (brought) o.files.set(brought.id, history.ref(brought));
    origins.set(node, o);
    const held = brought?.at ?? time;
    for (const file of history.exports) {
      if (!history.carries(file, c, held)) continue;
      const s = sent.get(file.row.id) ?? { ref: history.ref(file.row), changes: 0, fields: new Set<PersonField>() };
      s.changes++;
      const field = columns[c.column];
      if (field && heldValue(c, r.removedAt !== null)) s.fields.add(field);
      sent.set(file.row.id, s);
    }
  }
  return {
    origins: [...origins.values()].map(({ files, ...o }) => ({ ...o, broughtBy: [...files.values()] })),
    sentIn: [...sent.values()].sort((a, b) => a.ref.ledgerId - b.ref.ledgerId).map((s) => ({ ...s.ref, changes: s.changes, fields: orderedFields(s.fields) })),
  };
}

/** Everything held about one person: by exact (folded) name, or by TC hash plus the same names elsewhere. */
export function personRecords(db: Db, identity: ReportIdentity, by: { fullName: string } | { tcHash: string }): PersonRecord[] {
  let raw: RawRecord[];
  if ('tcHash' in by) {
    const byTc = matchRecords(db, { tcHash: by.tcHash }, 'tc');
    const names = [...new Set(byTc.map((r) => foldTurkish(r.fullName)))];
    const seen = new Set(byTc.map((r) => `${r.table}:${r.id}`));
    raw = [...byTc, ...names.flatMap((folded) => matchRecords(db, { folded }, 'name').filter((r) => !seen.has(`${r.table}:${r.id}`)))];
  } else {
    raw = matchRecords(db, { folded: foldTurkish(by.fullName) }, 'name');
  }
  const history = new ExchangeHistory(db, identity);
  const order = (r: RawRecord) => PERSON_CATEGORIES.indexOf(r.category);
  raw.sort((a, b) => order(a) - order(b) || (a.context?.date ?? a.createdAt).localeCompare(b.context?.date ?? b.createdAt));
  return raw.map((r) => ({
    ...r,
    erasurePending: db.stmt('SELECT 1 FROM sync_erasures WHERE table_name = ? AND row_id = ?').get(r.table, r.id) !== undefined,
    reveals:
      r.table === 'association_people'
        ? (db.stmt('SELECT at, actor_name AS actorName, purpose FROM reveal_log WHERE person_id = ? ORDER BY at').all(r.id) as PersonRecord['reveals'])
        : [],
    destructions: db
      .stmt('SELECT destroyed_at AS at, reason, source FROM destruction_log WHERE table_name = ? AND row_id = ? ORDER BY destroyed_at')
      .all(r.table, r.id) as PersonRecord['destructions'],
    ...provenance(db, history, r),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Lost files

/** Exchange files written or read here, newest first (files that brought nothing new are left out). */
export function lostFileCandidates(db: Db, identity: ReportIdentity): LostFileCandidate[] {
  const history = new ExchangeHistory(db, identity);
  return history.files
    .filter((f) => f.direction === 'export' || (f.direction === 'import' && f.outcome === 'applied'))
    .reverse()
    .map((f) => ({ ...history.ref(f), changes: changesCount(f), exportNo: f.export_no }));
}

function changesCount(f: LedgerRow): number | null {
  try {
    const s = JSON.parse(f.summary) as { changes?: unknown; stored?: unknown };
    const n = f.direction === 'export' ? s.changes : s.stored;
    return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
  } catch {
    return null;
  }
}

/** The ledger entry of a file: by its SHA-256 when the file is at hand, else by its name (one entry only). */
export function ledgerIdOf(db: Db, sha256: string | null, fileName: string): number | 'ambiguous' | null {
  if (sha256) {
    const bySha = db.stmt(`SELECT id FROM sync_ledger WHERE file_sha256 = ? AND direction IN ('export', 'import') ORDER BY id LIMIT 1`).get(sha256) as { id: number } | undefined;
    if (bySha) return bySha.id;
  }
  const byName = db.stmt(`SELECT id FROM sync_ledger WHERE file_name = ? AND direction IN ('export', 'import') ORDER BY id`).all(fileName) as { id: number }[];
  if (byName.length > 1) return 'ambiguous';
  return byName[0]?.id ?? null;
}

export function ledgerRow(db: Db, id: number): LedgerRow | undefined {
  return db.stmt('SELECT id, direction, peer_node, file_name, file_sha256, at, outcome, summary, export_no, received_at FROM sync_ledger WHERE id = ?').get(id) as
    | LedgerRow
    | undefined;
}

/** Whose personal data a file likely carried, of what kind (field names, never values), grouped by category. */
export function lostFileReport(db: Db, identity: ReportIdentity, id: number): Omit<LostFileReport, 'generatedAt' | 'installation'> | null {
  const row = ledgerRow(db, id);
  if (!row) return null;
  const history = new ExchangeHistory(db, identity);
  const ref = history.ref(row);
  const peerName = ref.peerName ?? (row.peer_node ? history.unitName(row.peer_node) : '—');
  const outgoing = row.direction === 'export' || row.direction === 'introduce';
  const carrier = (() => {
    try {
      const s = JSON.parse(row.summary) as { carrier?: unknown; carriedBy?: unknown };
      const v = s.carrier ?? s.carriedBy;
      return typeof v === 'string' && v.trim() ? v : null;
    } catch {
      return null;
    }
  })();
  const file = {
    ...ref, changes: changesCount(row), exportNo: row.export_no, carrier,
    sender: outgoing ? identity.unitName : peerName, recipient: outgoing ? (row.direction === 'introduce' ? '—' : peerName) : identity.unitName,
  };
  const carried = new Map<string, { table: string; row: string; fields: Set<PersonField>; valued: Set<PersonField> }>();
  const exportFile = history.exports.find((e) => e.row.id === id);
  if (row.direction === 'export' || (row.direction === 'import' && row.outcome === 'applied')) {
    const tables = PERSON_TABLES.map((t) => t.table);
    const changes = db
      .stmt(
        `SELECT table_name AS "table", row_id AS row, column_name AS "column", value, hlc, origin_node AS origin FROM change_log
         WHERE table_name IN (${tables.map(() => '?').join(', ')}) AND substr(hlc, 1, 24) <= ?`,
      )
      .all(...tables, row.at) as Change[];
    for (const c of changes) {
      const field = PERSON_TABLE_BY_NAME.get(c.table)!.columns[c.column];
      if (!field) continue;
      const yes = exportFile ? history.carries(exportFile, c) : history.broughtBy(c)?.id === id;
      if (!yes) continue;
      const key = `${c.table}\u0000${c.row}`;
      const entry = carried.get(key) ?? { table: c.table, row: c.row, fields: new Set<PersonField>(), valued: new Set<PersonField>() };
      entry.fields.add(field);
      if (heldValue(c, false)) entry.valued.add(field);
      carried.set(key, entry);
    }
  }
  const groups = new Map<PersonCategory, LostFileReport['groups'][number]>();
  let notHeld = 0;
  for (const entry of carried.values()) {
    const who = describeRow(db, entry.table, entry.row);
    if (!who) {
      notHeld++;
      continue;
    }
    const fields = who.removed ? entry.fields : entry.valued;
    if (fields.size === 0) continue;
    const category = PERSON_TABLE_BY_NAME.get(entry.table)!.category;
    const group = groups.get(category) ?? { category, count: 0, people: [] };
    group.people.push({ table: entry.table, id: entry.row, fullName: who.fullName, context: who.context, fields: orderedFields(fields) });
    group.count++;
    groups.set(category, group);
  }
  const ordered = PERSON_CATEGORIES.map((c) => groups.get(c)).filter((g): g is NonNullable<typeof g> => g !== undefined);
  for (const g of ordered) g.people.sort((a, b) => compareTurkish(a.fullName, b.fullName));
  return { file, groups: ordered, people: new Set(ordered.flatMap((g) => g.people.map((p) => foldTurkish(p.fullName)))).size, notHeld };
}

/** The person of a carried record, as held now: name and what it belongs to. */
function describeRow(db: Db, table: string, id: string): { fullName: string; context: string | null; removed: boolean } | null {
  const sql: Record<string, string> = {
    association_people: 'SELECT x.full_name AS name, x.deleted_at AS removed, a.name AS context FROM association_people x LEFT JOIN associations a ON a.id = x.association_id WHERE x.id = ?',
    meeting_participants: `SELECT x.full_name AS name, x.deleted_at AS removed, yc.name || ' · ' || m.date AS context FROM meeting_participants x LEFT JOIN meetings m ON m.id = x.meeting_id
                           LEFT JOIN youth_centres yc ON yc.id = m.youth_centre_id WHERE x.id = ?`,
    contacts: 'SELECT x.full_name AS name, x.deleted_at AS removed, o.name AS context FROM contacts x LEFT JOIN organisations o ON o.id = x.organisation_id WHERE x.id = ?',
    contact_affiliations: 'SELECT c.full_name AS name, x.deleted_at AS removed, o.name AS context FROM contact_affiliations x JOIN contacts c ON c.id = x.contact_id LEFT JOIN organisations o ON o.id = x.organisation_id WHERE x.id = ?',
    workshop_participants: 'SELECT x.full_name AS name, x.deleted_at AS removed, w.title AS context FROM workshop_participants x LEFT JOIN workshops w ON w.id = x.workshop_id WHERE x.id = ?',
  };
  const found = db.stmt(sql[table]!).get(id) as { name: string; context: string | null; removed: string | null } | undefined;
  if (!found) return null;
  const context = found.context && table === 'meeting_participants' ? found.context.replace(/(\d{4}-\d{2}-\d{2})$/, (d) => formatDateTr(d)) : found.context;
  return { fullName: found.name, context, removed: found.removed !== null };
}
