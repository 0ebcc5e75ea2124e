import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Identity } from '../../shared/contract/installation';
import type { YouthCentre } from '../../shared/contract/orgUnits';
import { applyMigrations, loadMigrations, schemaVersionOf } from '../../db/migrate';
import { meetingParticipantsSpec } from '../../db/meetings/specs';
import { hashLegacyPersonKey, nameKey, personKey } from '../../db/meetings/personKey';
import { seedReferenceData } from '../../db/orgUnits/reference';
import { DATABASE_FILE, DbOpenError, openDatabase } from '../../db/open';
import { searchYouthCentres, youthCentresSpec } from '../../db/orgUnits/queries';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { openApp, setupApp, tempDir, type TestApp } from '../support/app';
import { runsMismatch } from '../support/changeLogRuns';
import { createCentre, districtId, expectError, sha256, sqlite } from './helpers';
import { openTestDatabase, testDataKey } from '../support/keyStore';
import { TEST_ADMIN } from '../support/users';

// Opening, migrating, backing up and refusing databases (ARCHITECTURE.md, "Data rules" → Migrations).

const MIGRATIONS_DIR = sourceMigrationsDir();
const SHIPPED = loadMigrations(MIGRATIONS_DIR).length;

const apps: TestApp[] = [];
afterAll(() => {
  for (const app of apps) app.close();
});
const track = (app: TestApp) => {
  apps.push(app);
  return app;
};

/** A migrations folder holding only the first `k` shipped migrations: what an older Köprü shipped. */
function olderMigrationsDir(k: number): string {
  const dir = tempDir('kopru-migrations-');
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  journal.entries = [...journal.entries].sort((a, b) => a.idx - b.idx).slice(0, k);
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

/** The identity fields every schema version has. */
function sameIdentity(identity: Identity) {
  const { nodeId, role, unitId, unitName, provincePlate, districtName, publicKey, fingerprint, createdAt } = identity;
  return { nodeId, role, unitId, unitName, provincePlate, districtName, publicKey, fingerprint, createdAt };
}

/** The database backups in a backups folder (its keys/ folder holds the keyring's and key files' copies). */
function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f !== 'keys' && !f.startsWith(`keys${path.sep}`)).sort() : [];
}

describe('a new database', () => {
  it('gets every shipped migration, WAL and enforced foreign keys', () => {
    const app = track(openApp());
    const db = app.ctx.db!;
    expect(SHIPPED).toBeGreaterThan(0);
    expect(db.schemaVersion).toBe(SHIPPED);
    expect(schemaVersionOf(db.sqlite)).toBe(SHIPPED);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.backupPath).toBeNull();
    expect(filesIn(path.join(app.dataDir, 'backups'))).toEqual([]);
    // Foreign keys really are enforced.
    expect(() =>
      db.sqlite
        .prepare(
          `INSERT INTO youth_centres (id, owner_unit, province_plate, district_id, name, status, created_at, updated_at, sort_key, search_text)
           VALUES ('x', 'province:06', '99', 'nowhere', 'X', 'active', 'a', 'a', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('reports its schema version through installation:status and settings:get', async () => {
    const app = track(openApp());
    expect((await app.ok<{ schemaVersion: number }>('installation:status')).schemaVersion).toBe(SHIPPED);
    expect((await app.ok<{ schemaVersion: number; databasePath: string }>('settings:get')).schemaVersion).toBe(SHIPPED);
  });
});

describe('re-opening a current database', () => {
  it('is a no-op: no backup, same version, data and identity kept', async () => {
    const app = await setupApp('province');
    const centre = await createCentre(app, { name: 'Kalıcı Gençlik Merkezi', districtId: await districtId(app, '06', 'Çankaya') });
    const identity = app.ctx.identity!;
    app.close();
    const reopened = track(openApp(app.dataDir));
    expect(reopened.ctx.db!.backupPath).toBeNull();
    expect(filesIn(path.join(app.dataDir, 'backups'))).toEqual([]);
    expect(reopened.ctx.db!.schemaVersion).toBe(SHIPPED);
    expect(reopened.ctx.identity).toMatchObject(sameIdentity(identity));
    expect(await reopened.ok('orgUnits:getYouthCentre', { id: centre.id })).toEqual(centre);
    expect((await reopened.ok<{ total: number }>('orgUnits:searchYouthCentres', { query: 'kalici' })).total).toBe(1);
  });
});

describe.each(Array.from({ length: Math.max(0, SHIPPED - 1) }, (_, i) => i + 1))('a database written with the first %i migration(s)', (k) => {
  /**
   * An installation as an older Köprü left it: the first `k` migrations, an identity and youth centres with
   * their change log. The rows are made by today's handlers in a scratch database and copied column by
   * column into the old schema (only the columns that schema has), so the test works for any k.
   */
  async function buildOld() {
    const dataDir = tempDir();
    const current = await setupApp('province', { dataDir });
    const cankaya = await districtId(current, '06', 'Çankaya');
    const centres = [
      await createCentre(current, { name: 'Eski Işık Gençlik Merkezi', districtId: cankaya, phone: '0312 555 12 34', hallCapacity: 70 }),
      await createCentre(current, { name: 'Eski Çağ Gençlik Merkezi', districtId: cankaya }),
    ];
    await current.ok('orgUnits:retireYouthCentre', { id: centres[1]!.id });
    const identity = current.ctx.identity!;
    const copied: Record<string, Record<string, unknown>[]> = {};
    for (const table of ['installation', 'youth_centres', 'change_log', 'change_log_runs', 'sync_clock']) {
      copied[table] = sqlite(current).prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    }
    current.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, DATABASE_FILE + suffix), { force: true });

    const old = new Database(path.join(dataDir, DATABASE_FILE));
    applyMigrations(old, loadMigrations(olderMigrationsDir(k)));
    expect(schemaVersionOf(old)).toBe(k);
    seedReferenceData(old);
    old.transaction(() => {
      for (const [table, rows] of Object.entries(copied)) {
        const columns = new Set((old.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
        // A table the old schema does not have yet (the runs before migration 7) is left to the migrations.
        if (columns.size === 0) continue;
        for (const row of rows) {
          const keys = Object.keys(row).filter((c) => columns.has(c));
          old.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...keys.map((c) => row[c]));
        }
      }
    })();
    old.close();
    return { dataDir, centres, logRows: copied.change_log!.length, identity };
  }

  it(`migrates to ${SHIPPED} after a backup that holds the old data, keeping every row`, async () => {
    const { dataDir, centres, logRows, identity } = await buildOld();
    const app = track(openApp(dataDir));
    const db = app.ctx.db!;
    expect(db.schemaVersion).toBe(SHIPPED);
    expect(app.ctx.dbError).toBeNull();

    // The backup: in backups/, at the old version, with the old rows.
    expect(db.backupPath).not.toBeNull();
    expect(path.dirname(db.backupPath!)).toBe(path.join(dataDir, 'backups'));
    expect(filesIn(path.join(dataDir, 'backups'))).toEqual([path.basename(db.backupPath!)]);
    const backup = openTestDatabase(dataDir, db.backupPath!, { readonly: true });
    try {
      expect(schemaVersionOf(backup)).toBe(k);
      const names = (backup.prepare('SELECT name FROM youth_centres ORDER BY name').all() as { name: string }[]).map((r) => r.name);
      expect(names.sort()).toEqual(centres.map((c) => c.name).sort());
      expect((backup.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(logRows);
      expect(backup.prepare('SELECT node_id FROM installation').get()).toEqual({ node_id: identity.nodeId });
    } finally {
      backup.close();
    }

    // The migrated database: same identity, rows, retirement and change log.
    expect(app.ctx.identity).toMatchObject(sameIdentity(identity));
    for (const centre of centres) {
      const now = await app.ok<YouthCentre>('orgUnits:getYouthCentre', { id: centre.id });
      expect(now).toMatchObject({ name: centre.name, phone: centre.phone, hallCapacity: centre.hallCapacity });
    }
    expect((await app.ok<YouthCentre>('orgUnits:getYouthCentre', { id: centres[1]!.id })).retiredAt).not.toBeNull();
    expect((sqlite(app).prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(logRows);
    // Every change can be found by its row (older logs get their runs from the migration that adds them).
    expect(runsMismatch(sqlite(app))).toEqual([]);
    expect((sqlite(app).prepare('SELECT count(*) AS n FROM change_log_runs').get() as { n: number }).n).toBeGreaterThan(0);

    // And the app keeps working on it.
    await createCentre(app, { name: 'Yeni Gençlik Merkezi', districtId: await districtId(app, '06', 'Çankaya') });
    expect(runsMismatch(sqlite(app))).toEqual([]);

    // A second start does not migrate or back up again.
    app.close();
    const again = track(openApp(dataDir));
    expect(again.ctx.db!.backupPath).toBeNull();
    expect(filesIn(path.join(dataDir, 'backups'))).toHaveLength(1);
  });

  it('keeps the migrated rows searchable by text (full-text index covers rows older than the index)', async () => {
    const { dataDir, centres } = await buildOld();
    const app = track(openApp(dataDir));
    const live = centres[0]!;
    const page = await app.ok<{ total: number; items: YouthCentre[] }>('orgUnits:searchYouthCentres', { query: 'eski isik' });
    expect(page.items.map((c) => c.id)).toEqual([live.id]);
    const withRetired = await app.ok<{ total: number }>('orgUnits:searchYouthCentres', { query: 'eski', includeRetired: true });
    expect(withRetired.total).toBe(2);
  });
});

describe('a failing migration', () => {
  it('leaves the database at its old version with no partial schema', async () => {
    const dataDir = tempDir();
    const app = await setupApp('ministry', { dataDir });
    app.close();
    const broken = olderMigrationsDir(SHIPPED);
    const journalPath = path.join(broken, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
    journal.entries.push({ idx: SHIPPED, tag: '9999_broken' });
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(broken, '9999_broken.sql'),
      'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nALTER TABLE no_such_table ADD COLUMN x text;',
    );
    expect(() => openDatabase({ dataDir, migrationsDir: broken, key: testDataKey(dataDir) })).toThrow();
    const db = openTestDatabase(dataDir, path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(schemaVersionOf(db)).toBe(SHIPPED);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    } finally {
      db.close();
    }
    const reopened = track(openApp(dataDir));
    expect(reopened.ctx.identity?.role).toBe('ministry');
  });
});

describe('databases the app must refuse, untouched', () => {
  async function expectRefusedUntouched(dataDir: string, kind: 'newer-schema' | 'corrupt') {
    const file = path.join(dataDir, DATABASE_FILE);
    const hash = sha256(file);
    const size = fs.statSync(file).size;

    let thrown: unknown;
    try {
      openDatabase({ dataDir, migrationsDir: MIGRATIONS_DIR, key: testDataKey(dataDir) }).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DbOpenError);
    expect((thrown as DbOpenError).kind).toBe(kind);
    expect((thrown as DbOpenError).path).toBe(file);
    expect(sha256(file)).toBe(hash);
    expect(fs.statSync(file).size).toBe(size);

    // Through the dispatcher: the app starts, says why, and writes nothing.
    const app = track(openApp(dataDir));
    const status = await app.ok<{ state: string; dbError: { kind: string; message: string; path: string }; identity: unknown }>(
      'installation:status',
    );
    expect(status.state).toBe('db-error');
    expect(status.identity).toBeNull();
    expect(status.dbError).toMatchObject({ kind, path: file });
    expect(status.dbError.message).toMatch(/hiçbir şey değiştirilmedi|üzerine yazılmadı/);
    expectError(
      await app.invoke('orgUnits:createYouthCentre', { name: 'Yazılmamalı Gençlik Merkezi', districtId: '06-cankaya', status: 'active' }),
      'DB_UNAVAILABLE',
    );
    expectError(await app.invoke('installation:setup', { admin: TEST_ADMIN, role: 'ministry' }), 'DB_UNAVAILABLE');
    expectError(await app.invoke('settings:setLanguage', { language: 'en' }), 'DB_UNAVAILABLE');
    app.close();
    expect(sha256(file)).toBe(hash);
    expect(filesIn(path.join(dataDir, 'backups'))).toEqual([]);
    return status;
  }

  it('a database from a newer Köprü (higher user_version): newer-schema, byte-for-byte unchanged', async () => {
    const app = await setupApp('province');
    await createCentre(app, { name: 'Gelecek Gençlik Merkezi', districtId: await districtId(app, '06', 'Çankaya') });
    app.close();
    const newer = openTestDatabase(app.dataDir, path.join(app.dataDir, DATABASE_FILE));
    newer.pragma(`user_version = ${SHIPPED + 3}`);
    newer.close();
    const status = await expectRefusedUntouched(app.dataDir, 'newer-schema');
    expect(status.dbError.message).toContain(String(SHIPPED + 3));
  });

  it('a file that is not a database: corrupt, byte-for-byte unchanged', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, DATABASE_FILE), Buffer.from('Köprü değil, sadece çöp. '.repeat(500)));
    await expectRefusedUntouched(dataDir, 'corrupt');
  });

  it('a database whose header is destroyed: corrupt, byte-for-byte unchanged', async () => {
    const app = await setupApp('ministry');
    app.close();
    const file = path.join(app.dataDir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x42, 0, 100);
    fs.writeFileSync(file, bytes);
    await expectRefusedUntouched(app.dataDir, 'corrupt');
  });
});

describe('query plans', () => {
  /** Captures the SQL a search runs, then asks SQLite how it would run the ordered page query. */
  function planOfListQuery(app: TestApp, input: Parameters<typeof searchYouthCentres>[1]): string[] {
    const db = app.ctx.db!;
    const seen: string[] = [];
    const realPrepare = db.sqlite.prepare.bind(db.sqlite);
    const spy = vi.spyOn(db.sqlite, 'prepare').mockImplementation((source: string) => {
      seen.push(source);
      return realPrepare(source);
    });
    // Bypass the statement cache so the query is prepared (and so seen) on this call.
    try {
      searchYouthCentres({ ...db, stmt: (s: string) => db.sqlite.prepare(s) } as typeof db, input);
    } finally {
      spy.mockRestore();
    }
    const listSql = seen.find((s) => /ORDER BY/i.test(s));
    expect(listSql, 'the list query was not captured').toBeDefined();
    const placeholders = (listSql!.match(/\?/g) ?? []).length;
    const params = Array.from({ length: placeholders }, () => '06');
    return (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${listSql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  }

  let app: TestApp;
  beforeAll(async () => {
    app = track(await setupApp('ministry'));
    // Centres in several provinces and states, as arrived from the provinces (the plan does not depend on
    // the data, but an empty table would make the test say little).
    const db = app.ctx.db!;
    db.sqlite.transaction(() => {
      for (const plate of ['06', '34', '35', '01', '81']) {
        const districts = db.sqlite.prepare('SELECT id FROM districts WHERE plate = ? ORDER BY sort_key LIMIT 5').all(plate) as { id: string }[];
        districts.forEach((d, i) => {
          const row = app.ctx.writer!.insert(youthCentresSpec, `province:${plate}`, {
            province_plate: plate,
            district_id: d.id,
            name: `Plan ${plate} ${i} Gençlik Merkezi`,
            status: i % 3 === 0 ? 'closed' : 'active',
          });
          if (i % 4 === 0) app.ctx.writer!.tombstone(youthCentresSpec, String(row.id));
        });
      }
    })();
  });

  it.each([
    ['the default list', {}],
    ['a province filter', { provincePlate: '06' }],
    ['a status filter', { status: 'active' as const }],
    ['a district filter', { districtId: '06-cankaya' }],
  ])('without a text query, %s is read in sort-index order (no temp B-tree sort)', (_what, filters) => {
    const plan = planOfListQuery(app, { limit: 50, offset: 0, ...filters });
    expect(plan.join('\n')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    expect(plan.join('\n')).toMatch(/youth_centres_(province_)?sort/);
  });
});

describe('migration 0016: a participant’s person key travels with the row', () => {
  it('name-based keys become their hash, the one a new write computes, and contact keys stay', () => {
    const db = new Database(':memory:');
    try {
      applyMigrations(db, loadMigrations(olderMigrationsDir(16)));
      db.pragma('foreign_keys = OFF');
      const insert = db.prepare(
        `INSERT INTO meeting_participants (id, owner_unit, created_at, updated_at, meeting_id, kind, full_name, organisation_id, organisation_name, contact_id, invited, attended, walk_in, person_key)
         VALUES (?, 'province:06', '2026-01-01', '2026-01-01', 'm', 'STK', ?, ?, ?, ?, 1, 1, 0, ?)`,
      );
      const rows = [
        { id: 'a', full_name: 'Şule İnce', organisation_id: 'org-1', organisation_name: null, contact_id: null, key: 'n:sule ince|org-1' },
        { id: 'b', full_name: 'ŞULE İNCE', organisation_id: 'org-1', organisation_name: null, contact_id: null, key: 'n:sule ince|org-1' },
        { id: 'c', full_name: 'Ali Kılıç', organisation_id: null, organisation_name: 'Işık Derneği', contact_id: null, key: 'n:ali kilic|isik dernegi' },
        { id: 'd', full_name: 'Cem Ak', organisation_id: 'org-2', organisation_name: null, contact_id: 'contact-9', key: 'c:contact-9' },
      ];
      for (const r of rows) insert.run(r.id, r.full_name, r.organisation_id, r.organisation_name, r.contact_id, r.key);
      applyMigrations(db, loadMigrations(olderMigrationsDir(17)));
      const keys = db.prepare('SELECT id, person_key AS key FROM meeting_participants ORDER BY id').all() as { id: string; key: string }[];
      expect(keys.map((k) => k.key)).toEqual(rows.map((r) => (r.key.startsWith('n:') ? hashLegacyPersonKey(r.key) : r.key)));
      expect(keys[0]!.key).toMatch(/^p:[0-9a-f]{32}$/);
      expect(keys[0]!.key).toBe(keys[1]!.key); // one person still counts once
      expect(keys[3]!.key).toBe('c:contact-9');
      expect(JSON.stringify(keys)).not.toMatch(/sule|kilic/);
    } finally {
      db.close();
    }
  });
});

describe('migration 0018: a participant’s key leaves the organisation out, so a merge can pair it', () => {
  it('rekeys named participants of directory organisations, the way a new write keys them; keeps typed organisations, contacts and anonymised names', () => {
    const db = new Database(':memory:');
    try {
      applyMigrations(db, loadMigrations(olderMigrationsDir(18)));
      db.pragma('foreign_keys = OFF');
      const insert = db.prepare(
        `INSERT INTO meeting_participants (id, owner_unit, created_at, updated_at, meeting_id, kind, full_name, organisation_id, organisation_name, contact_id, invited, attended, walk_in, person_key)
         VALUES (?, 'province:06', '2026-01-01', '2026-01-01', 'm', 'STK', ?, ?, ?, ?, 1, 1, 0, ?)`,
      );
      const rows = [
        { id: 'a', full_name: 'Şule İnce', organisation_id: 'org-1', organisation_name: null, contact_id: null, was: hashLegacyPersonKey('n:sule ince|org-1') },
        { id: 'b', full_name: 'ŞULE İNCE', organisation_id: 'org-2', organisation_name: null, contact_id: null, was: hashLegacyPersonKey('n:sule ince|org-2') },
        { id: 'c', full_name: 'Ali Kılıç', organisation_id: null, organisation_name: 'Işık Derneği', contact_id: null, was: hashLegacyPersonKey('n:ali kilic|isik dernegi') },
        { id: 'd', full_name: 'Cem Ak', organisation_id: 'org-2', organisation_name: null, contact_id: 'contact-9', was: 'c:contact-9' },
        // Anonymised before the upgrade (Şule's earlier row): nothing left to rekey from.
        { id: 'e', full_name: 'Anonim', organisation_id: 'org-1', organisation_name: null, contact_id: null, was: hashLegacyPersonKey('n:sule ince|org-1') },
      ];
      const before = rows.map((r) => r.was);
      rows.forEach((r, i) => insert.run(r.id, r.full_name, r.organisation_id, r.organisation_name, r.contact_id, before[i]));
      applyMigrations(db, loadMigrations(MIGRATIONS_DIR));
      const keys = (db.prepare('SELECT person_key AS key FROM meeting_participants ORDER BY id').all() as { key: string }[]).map((k) => k.key);
      expect(keys.slice(0, 4)).toEqual(rows.slice(0, 4).map((r) => personKey(r)));
      expect(keys[0]).toBe(nameKey('sule ince'));
      expect(keys[0]).toBe(keys[1]); // the organisation is paired by the report, through merges
      expect(keys[2]).toBe(before[2]); // a typed organisation: no merge reaches it
      expect(keys[3]).toBe('c:contact-9');
      expect(keys[4]).toBe(before[4]); // the name is gone: the key stays what it was
      // A row from an earlier version's file (the organisation inside its key) is rekeyed on receipt the same way.
      const received = { ...rows[1]!, person_key: before[1] };
      expect(meetingParticipantsSpec.derive!(received, undefined as never)).toEqual({ person_key: keys[1] });
      expect(meetingParticipantsSpec.derive!({ ...rows[4]!, person_key: before[4] }, undefined as never)).toEqual({});
    } finally {
      db.close();
    }
  });
});

describe('migration 0017: a province’s name is searchable', () => {
  it('appends the folded province name to the search text of youth centres written before, and full-text search finds them', () => {
    const db = new Database(':memory:');
    try {
      applyMigrations(db, loadMigrations(olderMigrationsDir(17)));
      seedReferenceData(db);
      db.prepare(
        `INSERT INTO youth_centres (id, owner_unit, province_plate, district_id, name, status, created_at, updated_at, sort_key, search_text)
         VALUES ('y1', 'province:34', '34', '34-kadikoy', 'Kadıköy Gençlik Merkezi', 'active', '2026-01-01', '2026-01-01', 'k', 'kadikoy genclik merkezi')`,
      ).run();
      const found = () => db.prepare("SELECT count(*) AS n FROM youth_centres_fts WHERE youth_centres_fts MATCH 'istanbul*'").get() as { n: number };
      expect(found().n).toBe(0);
      applyMigrations(db, loadMigrations(MIGRATIONS_DIR));
      expect(db.prepare("SELECT search_text AS t FROM youth_centres WHERE id = 'y1'").get()).toEqual({ t: 'kadikoy genclik merkezi istanbul' });
      expect(found().n).toBe(1);
    } finally {
      db.close();
    }
  });
});
