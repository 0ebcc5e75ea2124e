import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

// What a database holds, independent of how SQLite laid it out on disk: every row of every real table
// (including FTS shadow tables and sqlite_sequence) in rowid order, the schema and the user version.

interface TableInfo {
  name: string;
  type: string;
  wr: number;
}

interface Dump {
  tables: { name: string; statement: Database.Statement }[];
  schema: Database.Statement;
}

const dumps = new WeakMap<Database.Database, Dump>();

/** The statements that read every table, prepared once per connection (the schema does not change here). */
function dumpOf(sqlite: Database.Database): Dump {
  let dump = dumps.get(sqlite);
  if (dump) return dump;
  const list = (sqlite.pragma('table_list') as (TableInfo & { schema: string })[])
    .filter((t) => t.schema === 'main' && (t.type === 'table' || t.type === 'shadow') && t.name !== 'sqlite_schema')
    .sort((a, b) => a.name.localeCompare(b.name));
  const tables = list.map((t) => {
    const columns = (sqlite.pragma(`table_info("${t.name}")`) as { name: string }[]).map((c) => `"${c.name}"`);
    // WITHOUT ROWID tables (FTS5 shadow tables) are ordered by every column instead of rowid.
    const sql = `SELECT ${t.wr ? '' : 'rowid, '}${columns.join(', ')} FROM "${t.name}" ORDER BY ${t.wr ? columns.join(', ') : 'rowid'}`;
    return { name: t.name, statement: sqlite.prepare(sql).raw(true) };
  });
  dump = { tables, schema: sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').raw(true) };
  dumps.set(sqlite, dump);
  return dump;
}

/** SHA-256 over the content of every table, and per-table hashes (for saying *where* two states differ). */
export function contentState(sqlite: Database.Database): { hash: string; tables: Record<string, string> } {
  const all = crypto.createHash('sha256');
  const tables: Record<string, string> = {};
  const dump = dumpOf(sqlite);
  for (const t of dump.tables) {
    // JSON keeps types apart (1 vs "1" vs null); BLOBs come out as {"type":"Buffer","data":[…]}.
    tables[t.name] = crypto.createHash('sha256').update(JSON.stringify(t.statement.all())).digest('hex');
    all.update(`${t.name}=${tables[t.name]}\n`);
  }
  const schema = JSON.stringify(dump.schema.all());
  tables['(schema)'] = crypto.createHash('sha256').update(schema).digest('hex');
  all.update(schema);
  all.update(`user_version=${String(sqlite.pragma('user_version', { simple: true }))}`);
  return { hash: all.digest('hex'), tables };
}

export function contentHash(sqlite: Database.Database): string {
  return contentState(sqlite).hash;
}

/** Names of the tables whose content differs between two states. */
export function differingTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

export function integrityCheck(sqlite: Database.Database): string {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

/** Files in a data folder other than the SQLite database and its WAL/SHM (keys, blobs, temporary files). */
export function otherFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(dataDir, full);
      if (entry.isDirectory()) walk(full);
      else if (!/^kopru\.sqlite(-wal|-shm|-journal)?$/.test(rel)) out.push(`${rel}:${fs.statSync(full).size}`);
    }
  };
  walk(dataDir);
  return out.sort();
}

/** The numbers that say how much of one sender's file an installation holds. */
export interface SyncCounts {
  youthCentres: number;
  associations: number;
  changesFromSender: number;
  maxSeqFromSender: number;
  importLedgerRows: number;
  ackedFromSender: number;
  pending: number;
  lastReceivedAt: string | null;
}

export function syncCounts(sqlite: Database.Database, senderNode: string): SyncCounts {
  const one = <T>(sql: string, ...args: unknown[]) => sqlite.prepare(sql).get(...args) as T;
  const peer = one<{ acked_vector: string; last_received_at: string | null } | undefined>('SELECT acked_vector, last_received_at FROM sync_peers WHERE node_id = ?', senderNode);
  const acked = peer ? (JSON.parse(peer.acked_vector) as Record<string, number>) : {};
  return {
    youthCentres: one<{ n: number }>('SELECT count(*) AS n FROM youth_centres').n,
    associations: one<{ n: number }>('SELECT count(*) AS n FROM associations').n,
    changesFromSender: one<{ n: number }>('SELECT count(*) AS n FROM change_log WHERE origin_node = ?', senderNode).n,
    maxSeqFromSender: one<{ n: number | null }>('SELECT max(seq) AS n FROM change_log WHERE origin_node = ?', senderNode).n ?? 0,
    importLedgerRows: one<{ n: number }>("SELECT count(*) AS n FROM sync_ledger WHERE direction = 'import'").n,
    ackedFromSender: acked[senderNode] ?? 0,
    pending: one<{ n: number }>('SELECT count(*) AS n FROM sync_pending').n,
    lastReceivedAt: peer?.last_received_at ?? null,
  };
}
