import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssociationSummary } from '../../shared/contract/registry';
import { REGISTRATION_STATES } from '../../shared/registry/registration';
import { compareTurkish } from '../../shared/turkish';
import { fillDemoData } from '../../electron/cli/demo';
import { setupApp, type TestApp } from '../support/app';
import { associationsSpec } from '../../db/registry/specs';

// The registry list as a clerk uses it (issue #17): search that knows province names, columns sorted by the
// database in Turkish order, the exact total on every page, and per-status counts asked apart from the pages.

let app: TestApp;
type Page = { total: number; items: AssociationSummary[] };
const search = (input: Record<string, unknown>) => app.ok<Page>('registry:search', { limit: 500, ...input });
const sql = <T>(query: string, ...params: unknown[]) => app.ctx.db!.sqlite.prepare(query).all(...params) as T[];

beforeAll(async () => {
  app = await setupApp('ministry');
  await fillDemoData(app.ctx, { associationsPerProvince: 4, meetingsUntil: 2024 });
}, 120_000);
afterAll(() => app.close());

describe('search by place', () => {
  it('a province’s name, typed without Turkish letters or in capitals, finds that province’s associations', async () => {
    for (const [query, plate] of [['istanbul', '34'], ['IZMIR', '35'], ['sanliurfa', '63']] as const) {
      const held = sql<{ id: string }>('SELECT id FROM associations WHERE province_plate = ? AND deleted_at IS NULL', plate).map((r) => r.id);
      expect(held.length, query).toBeGreaterThan(0);
      const found = (await search({ query })).items.map((a) => a.id);
      expect(found, query).toEqual(expect.arrayContaining(held));
      expect(found.length, query).toBeLessThan(held.length * 2);
    }
  });
});

describe('sorting', () => {
  it('by province, district, status or number, ascending or descending, with the name breaking ties in Turkish order', async () => {
    const byProvince = (await search({ sort: 'province' })).items;
    const provinces = byProvince.map((a) => a.provinceName);
    expect(provinces).toEqual([...provinces].sort(compareTurkish));
    expect(new Set(provinces).size).toBeGreaterThan(50);
    // Within a province, Turkish alphabetical order of the name (Ç after C, İ after I).
    const first = byProvince.filter((a) => a.provinceName === provinces[0]).map((a) => a.name);
    expect(first).toEqual([...first].sort(compareTurkish));

    const desc = (await search({ sort: 'province', direction: 'desc' })).items.map((a) => a.provinceName);
    expect(desc).toEqual([...desc].sort(compareTurkish).reverse());
    expect(desc[0]).toBe([...new Set(sql<{ name: string }>('SELECT p.name FROM associations a JOIN provinces p ON p.plate = a.province_plate WHERE a.deleted_at IS NULL').map((r) => r.name))].sort(compareTurkish).at(-1));

    const byStatus = (await search({ sort: 'status' })).items.map((a) => REGISTRATION_STATES.indexOf(a.status as (typeof REGISTRATION_STATES)[number]));
    expect(byStatus).toEqual([...byStatus].sort((x, y) => x - y));

    // Empty values last in both directions.
    for (const direction of ['asc', 'desc'] as const) {
      const numbers = (await search({ sort: 'registrationNo', direction })).items.map((a) => a.registrationNo);
      const filled = numbers.filter((n) => n !== null) as string[];
      expect(numbers.slice(0, filled.length)).toEqual(filled);
      expect(filled).toEqual(direction === 'asc' ? [...filled].sort() : [...filled].sort().reverse());
    }
  });

  it('pages of a sorted list neither repeat nor skip a row', async () => {
    const whole = (await search({ sort: 'district' })).items.map((a) => a.id);
    const paged: string[] = [];
    for (let offset = 0; offset < whole.length; offset += 37) paged.push(...(await search({ sort: 'district', limit: 37, offset })).items.map((a) => a.id));
    expect(paged).toEqual(whole);
  });
});

describe('exact counts', () => {
  it('every page carries the exact total, a page past the end too; the per-status counts are those of every state', async () => {
    const all = sql<{ n: number }>('SELECT count(*) AS n FROM associations WHERE deleted_at IS NULL')[0]!.n;
    expect((await search({ limit: 10 })).total).toBe(all);
    expect((await search({ limit: 10, offset: all + 5 })).total).toBe(all);
    expect((await search({ limit: 10, offset: all + 5 })).items).toEqual([]);

    const counts = (await app.ok<{ countsByStatus: Record<string, number> }>('registry:statusCounts', { query: 'genclik' })).countsByStatus;
    const expected = Object.fromEntries(
      sql<{ status: string; n: number }>(
        "SELECT a.status, count(*) AS n FROM associations a WHERE a.deleted_at IS NULL AND a.rowid IN (SELECT rowid FROM associations_fts WHERE associations_fts MATCH 'genclik*') GROUP BY a.status",
      ).map((r) => [r.status, r.n]),
    );
    expect(counts).toEqual(expected);
    // A state chosen on the chips narrows the list, never the counts of the others.
    const draft = await search({ query: 'genclik', statuses: ['TASLAK'] });
    expect(draft.total).toBe(expected.TASLAK ?? 0);
  });

  it('a text search counts only live associations, and a deleted one leaves the index (its names with it)', async () => {
    const live = (match: string) =>
      sql<{ n: number }>('SELECT count(*) AS n FROM associations a WHERE a.deleted_at IS NULL AND a.rowid IN (SELECT rowid FROM associations_fts WHERE associations_fts MATCH ?)', match)[0]!.n;
    for (const query of ['genclik', 'ankara', 'spor kulubu']) {
      const page = await search({ query, limit: 5 });
      expect(page.total, query).toBe(live(query.split(' ').map((w) => `${w}*`).join(' ')));
      expect((await search({ query, limit: 5, offset: page.total })).total, query).toBe(page.total);
    }
    // An association deleted (a tombstone, as a province's deletion of a draft arrives here).
    const [victim] = (await search({ query: 'ankara', limit: 1 })).items;
    const before = (await search({ query: 'ankara', limit: 1 })).total;
    const { rowid, words } = sql<{ rowid: number; words: string }>('SELECT rowid, search_text AS words FROM associations WHERE id = ?', victim!.id)[0]!;
    app.ctx.db!.sqlite.transaction(() => app.ctx.writer!.tombstone(associationsSpec, victim!.id))();
    expect((await search({ query: 'ankara', limit: 1 })).total).toBe(before - 1);
    const distinctive = words.split(' ').find((w) => /\d/.test(w)) ?? words.split(' ')[0]!;
    expect(sql('SELECT rowid FROM associations_fts WHERE associations_fts MATCH ?', `"${distinctive}"`).map((r) => (r as { rowid: number }).rowid)).not.toContain(rowid);
    // Its search text changing afterwards (a derived refresh) does not bring it back.
    app.ctx.db!.sqlite.prepare("UPDATE associations SET search_text = search_text || ' yeniden' WHERE id = ?").run(victim!.id);
    expect(sql('SELECT rowid FROM associations_fts WHERE associations_fts MATCH ?', 'yeniden')).toEqual([]);
    expect((await search({ query: 'ankara', limit: 1 })).total).toBe(before - 1);
  });
});
