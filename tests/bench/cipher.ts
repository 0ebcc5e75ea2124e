// Encryption at rest (issue #16): what the cipher costs. The same database, once encrypted (as Köprü keeps it)
// and once decrypted to a plain copy, answers the same registry search and list page through the same data-layer
// functions; and the same rows are written through the change writer into an encrypted and a plain database
// (the write path an exchange import and a spreadsheet import take). Ratios encrypted / plain, in one run.
// Goal: ≤ 1.15×. Warm: one connection, its page cache filled; cold: a new connection per query (every page
// read is decrypted again; the OS file cache is warm in both).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { PROVINCES } from '../../shared/regions';
import { openKeyed } from '../../db/cipher';
import { ChangeWriter } from '../../db/changeLog/writer';
import { statementCache, type OpenDatabase } from '../../db/open';
import { listDistricts } from '../../db/orgUnits/queries';
import { searchAssociations } from '../../db/registry/queries';
import { associationPeopleSpec, associationsSpec } from '../../db/registry/specs';
import * as schema from '../../db/schema';
import { createAppContext } from '../../electron/app/context';
import { createDispatcher } from '../../electron/app/dispatch';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { BENCH_KEY } from './benchKey';
import { TEST_ADMIN } from '../support/users';

const ROWS = Number(process.env.BENCH_CIPHER_ASSOCIATIONS ?? 100_000);
const WRITE_ROWS = Number(process.env.BENCH_CIPHER_WRITES ?? 20_000);
const THEMES = ['Doğa Sporları', 'Kültür ve Sanat', 'İzcilik', 'Gönüllülük', 'Bilim', 'Satranç', 'Dağcılık', 'Halk Oyunları', 'Münazara', 'Çevre'];
const FIRST = ['Ayşe', 'Mehmet', 'Zeynep', 'Mustafa', 'Elif', 'Ahmet', 'Şule', 'İbrahim', 'Gülşen', 'Ömer'];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Işık', 'Güneş'];
const QUERIES = ['genclik', 'cankaya doga', 'ayse yilmaz', 'IZMIR izcilik', '06-123', 'satranc', 'omer isik', 'kadikoy', '35', 'munazara'];

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))]!;
const f = (n: number, d = 2) => n.toFixed(d);

/** An OpenDatabase over a connection opened here (the plain copy cannot be opened by openDatabase, which encrypts). */
function wrap(sqlite: Database.Database, file: string, key: Buffer): OpenDatabase {
  sqlite.pragma('cache_size = -65536');
  return { sqlite, orm: drizzle(sqlite, { schema }), path: file, schemaVersion: 0, backupPath: null, key, encryptedAtOpen: false, stmt: statementCache(sqlite), close: () => sqlite.close() };
}

function fill(writer: ChangeWriter, db: OpenDatabase, rows: number, offset = 0): void {
  const districts = new Map(PROVINCES.map((p) => [p.plate, listDistricts(db, p.plate)]));
  db.sqlite.transaction(() => {
    for (let j = 0; j < rows; j++) {
      const i = j + offset;
      const p = PROVINCES[i % 81]!;
      const d = districts.get(p.plate)![i % districts.get(p.plate)!.length]!;
      const a = writer.insert(associationsSpec, `province:${p.plate}`, {
        province_plate: p.plate, district_id: d.id, name: `${d.name} ${THEMES[i % 10]} ${i} Gençlik Kulübü Derneği`, club_type: i % 2 ? 'GENCLIK_KULUBU' : 'GENCLIK_VE_SPOR_KULUBU',
        kutuk_no: `${p.plate}-${String(i % 1000).padStart(3, '0')}-${String(Math.floor(i / 1000) % 1000).padStart(3, '0')}`, activity_areas: '["SPOR"]', member_count: i % 300,
      });
      for (let k = 0; k < 3; k++) writer.insert(associationPeopleSpec, `province:${p.plate}`, { association_id: a.id, kind: 'YONETIM', membership: 'ASIL', full_name: `${FIRST[(i + k) % 10]} ${LAST[(i * 7 + k) % 10]}` });
    }
  })();
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-bench-cipher-'));
const lines: string[] = [];
try {
  // The encrypted installation, as Köprü makes it.
  const dataDir = path.join(root, 'encrypted');
  const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: 'bench', dataKey: BENCH_KEY });
  const setup = await createDispatcher(ctx)('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '06' });
  if (!setup.ok) throw new Error(JSON.stringify(setup));
  const nodeId = ctx.identity!.nodeId;
  const hmac = (text: string) => crypto.createHmac('sha256', BENCH_KEY).update(text).digest('hex');
  let start = process.hrtime.bigint();
  fill(ctx.writer!, ctx.db!, ROWS);
  lines.push(`Data: ${ROWS.toLocaleString('en')} associations and ${(ROWS * 3).toLocaleString('en')} board members, generated in ${f(ms(start) / 1000, 1)} s`);
  ctx.db!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const encryptedFile = ctx.db!.path;
  ctx.close();

  // Its plain twin: the same pages, decrypted.
  const plainFile = path.join(root, 'plain.sqlite');
  fs.copyFileSync(encryptedFile, plainFile);
  const decrypt = openKeyed(plainFile, BENCH_KEY);
  decrypt.pragma('journal_mode = DELETE');
  decrypt.pragma("rekey = ''");
  decrypt.close();
  lines.push(`File: ${f(fs.statSync(encryptedFile).size / 1048576, 0)} MiB encrypted, ${f(fs.statSync(plainFile).size / 1048576, 0)} MiB plain`);

  const today = new Date().toISOString().slice(0, 10);
  const openEncrypted = () => wrap(openKeyed(encryptedFile, BENCH_KEY, { readonly: true }), encryptedFile, BENCH_KEY);
  const openPlain = () => wrap(new Database(plainFile, { readonly: true }), plainFile, BENCH_KEY);

  const measure = (label: string, run: (db: OpenDatabase, i: number) => void, count: number) => {
    for (const mode of ['warm', 'cold'] as const) {
      const times = { encrypted: [] as number[], plain: [] as number[] };
      const warm = { encrypted: openEncrypted(), plain: openPlain() };
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < count; i++) {
          for (const kind of ['plain', 'encrypted'] as const) {
            const db = mode === 'warm' ? warm[kind] : kind === 'plain' ? openPlain() : openEncrypted();
            const t = process.hrtime.bigint();
            run(db, i);
            times[kind].push(ms(t));
            if (mode === 'cold') db.close();
          }
        }
      }
      warm.encrypted.close();
      warm.plain.close();
      const e50 = pct(times.encrypted, 50);
      const p50 = pct(times.plain, 50);
      const e95 = pct(times.encrypted, 95);
      const p95 = pct(times.plain, 95);
      lines.push(`${label} (${mode}): p50 ${f(e50)} ms encrypted vs ${f(p50)} ms plain → ${f(e50 / p50)}×; p95 ${f(e95)} vs ${f(p95)} ms → ${f(e95 / p95)}×`);
    }
  };
  measure('Registry search (first 50 of a Turkish-folded FTS query, counts per status)', (db, i) => searchAssociations(db, { query: QUERIES[i % QUERIES.length]!, limit: 50, offset: 0 }, today), QUERIES.length);
  measure('Registry list page (province + club type, sorted, 50 rows, counts)', (db, i) => searchAssociations(db, { provincePlate: PROVINCES[i % 81]!.plate, clubType: 'GENCLIK_KULUBU', limit: 50, offset: 0 }, today), 10);

  // The write path: the same rows through the change writer into an encrypted and a plain copy of the empty
  // installation (what an exchange import or a spreadsheet import does per row: row, search text, change log).
  const writes = { encrypted: [] as number[], plain: [] as number[] };
  for (let round = 0; round < 3; round++) {
    for (const kind of ['plain', 'encrypted'] as const) {
      const file = path.join(root, `write-${kind}-${round}.sqlite`);
      fs.copyFileSync(kind === 'plain' ? plainFile : encryptedFile, file);
      const sqlite = kind === 'plain' ? new Database(file) : openKeyed(file, BENCH_KEY);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma('secure_delete = ON');
      const db = wrap(sqlite, file, BENCH_KEY);
      const writer = new ChangeWriter(sqlite, { nodeId, now: Date.now, hmac });
      start = process.hrtime.bigint();
      fill(writer, db, WRITE_ROWS, ROWS + round * WRITE_ROWS);
      writes[kind].push(ms(start));
      db.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
  }
  const we = pct(writes.encrypted, 50);
  const wp = pct(writes.plain, 50);
  lines.push(`Write path (${WRITE_ROWS.toLocaleString('en')} associations + ${(WRITE_ROWS * 3).toLocaleString('en')} members through the change writer, one transaction, into a database of ${ROWS.toLocaleString('en')}): median ${f(we / 1000, 2)} s encrypted vs ${f(wp / 1000, 2)} s plain → ${f(we / wp)}×`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
console.log(['## Encryption at rest (tests/bench/cipher.ts)', ...lines.map((l) => `- ${l}`)].join('\n'));
