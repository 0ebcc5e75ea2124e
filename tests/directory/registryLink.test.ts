import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail, OrganisationSummary } from '../../shared/contract/directory';
import { fillDemoData } from '../../electron/cli/demo';
import { setupApp, type TestApp } from '../support/app';

// Issue #17: one organisation, two roles. A registered association appears in the directory (Kurumlar) linked to
// its registry record without being typed again, and the duplicate checks of either side see the other.

let app: TestApp;
type Page = { total: number; rows: OrganisationSummary[] };
const sql = <T>(query: string, ...params: unknown[]) => app.ctx.db!.sqlite.prepare(query).all(...params) as T[];

beforeAll(async () => {
  app = await setupApp('province', { plate: '06' });
  await fillDemoData(app.ctx, { associationsPerProvince: 12, meetingsUntil: 2019 });
}, 180_000);
afterAll(() => app.close());

const unlinked = () =>
  sql<{ id: string; name: string; kutuk_no: string | null; vkn: string | null }>(
    `SELECT id, name, kutuk_no, vkn FROM associations a WHERE a.deleted_at IS NULL AND a.status = 'TESCILLI'
       AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.association_id = a.id AND o.deleted_at IS NULL) ORDER BY a.sort_key`,
  );

describe('registered associations in the directory', () => {
  it('are listed with the directory’s records, in one Turkish order, and only registered ones; a search without the flag (the contact and merge pickers) does not get them', async () => {
    const registered = unlinked();
    expect(registered.length).toBeGreaterThan(3);
    const organisations = sql<{ n: number }>('SELECT count(*) AS n FROM organisations WHERE deleted_at IS NULL AND merged_into IS NULL')[0]!.n;
    const page = await app.ok<Page>('directory:search', { withRegistry: true, limit: 500 });
    expect(page.total).toBe(organisations + registered.length);
    const fromRegistry = page.rows.filter((r) => r.registryOnly);
    expect(fromRegistry.map((r) => r.id).sort()).toEqual(registered.map((r) => r.id).sort());
    expect(fromRegistry.every((r) => r.kind === 'STK' && r.subtype === 'DERNEK' && r.associationId === r.id)).toBe(true);
    const drafts = sql<{ id: string }>("SELECT id FROM associations WHERE status <> 'TESCILLI'").map((r) => r.id);
    expect(page.rows.some((r) => drafts.includes(r.id))).toBe(false);
    // A search narrows both; a filter on another kind leaves the registry out.
    const word = registered[0]!.name.split(' ')[0]!;
    const found = await app.ok<Page>('directory:search', { withRegistry: true, query: word, limit: 500 });
    expect(found.rows.some((r) => r.id === registered[0]!.id)).toBe(true);
    expect((await app.ok<Page>('directory:search', { withRegistry: true, kind: 'KAMU', limit: 500 })).rows.some((r) => r.registryOnly)).toBe(false);
    expect((await app.ok<Page>('directory:search', { limit: 500 })).rows.some((r) => r.registryOnly)).toBe(false);
  });

  it('"Kurumlara ekle" makes a directory record filled from the registry and linked to it, once', async () => {
    const target = unlinked()[0]!;
    const before = sql<{ n: number }>('SELECT count(*) AS n FROM organisations')[0]!.n;
    const added = await app.ok<OrganisationDetail>('directory:addFromRegistry', { associationId: target.id });
    expect(added).toMatchObject({ name: target.name, kind: 'STK', subtype: 'DERNEK', associationId: target.id, kutukNo: target.kutuk_no, vkn: target.vkn });
    const again = await app.ok<OrganisationDetail>('directory:addFromRegistry', { associationId: target.id });
    expect(again.id).toBe(added.id);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM organisations')[0]!.n).toBe(before + 1);
    const page = await app.ok<Page>('directory:search', { withRegistry: true, limit: 500 });
    expect(page.rows.filter((r) => r.associationId === target.id).map((r) => [r.id, r.registryOnly ?? false])).toEqual([[added.id, false]]);
    // Written through the change log like any directory record.
    expect(sql('SELECT 1 FROM change_log WHERE table_name = ? AND row_id = ?', 'organisations', added.id).length).toBeGreaterThan(0);
  });

  it('links a record already typed into the directory with the same kütük no instead of adding a second', async () => {
    const target = unlinked().find((a) => a.kutuk_no)!;
    const typed = await app.ok<OrganisationDetail>('directory:create', { kind: 'STK', name: `${target.name} (elle)`, provincePlate: '06', kutukNo: target.kutuk_no! });
    // Typing it linked it already (same kütük no), or the link is made now; either way one record.
    const added = await app.ok<OrganisationDetail>('directory:addFromRegistry', { associationId: target.id });
    expect(added.id).toBe(typed.id);
    expect(added.associationId).toBe(target.id);
    expect(sql('SELECT id FROM organisations WHERE association_id = ? AND deleted_at IS NULL', target.id)).toHaveLength(1);
  });

  it('refuses an association that does not exist, naming the field, and writes nothing', async () => {
    const before = sql<{ n: number }>('SELECT count(*) AS n FROM change_log')[0]!.n;
    const failed = await app.invoke('directory:addFromRegistry', { associationId: '00000000-0000-4000-8000-000000000000' });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.issues?.[0]?.path).toBe('associationId');
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM change_log')[0]!.n).toBe(before);
  });
});

describe('duplicate checks span the registry and the directory', () => {
  it('typing a registered association into the directory names the registry record; typing a directory organisation into the registry names the directory record', async () => {
    const target = unlinked().find((a) => a.kutuk_no)!;
    const fromDirectory = await app.ok<{ registry?: { id: string; organisationId: string | null }[] }>('directory:checkDuplicates', { kutukNo: target.kutuk_no! });
    expect(fromDirectory.registry).toEqual([expect.objectContaining({ id: target.id, organisationId: null })]);
    const byName = await app.ok<{ registry?: { id: string }[] }>('directory:checkDuplicates', { name: target.name, provincePlate: '06' });
    expect(byName.registry?.map((r) => r.id)).toContain(target.id);

    const org = await app.ok<OrganisationDetail>('directory:create', { kind: 'STK', name: 'Gölbaşı Doğa Yürüyüşçüleri Derneği', provincePlate: '06', vkn: '1234567890' });
    const fromRegistry = await app.ok<{ directory?: { id: string }[] }>('registry:checkDuplicates', { vkn: '1234567890' });
    expect(fromRegistry.directory?.map((d) => d.id)).toEqual([org.id]);
    const similar = await app.ok<{ directory?: { id: string }[] }>('registry:checkDuplicates', { name: 'Gölbaşı Doğa Yürüyüşçüleri', provincePlate: '06' });
    expect(similar.directory?.map((d) => d.id)).toContain(org.id);
  });
});

describe('the Excel export is the list as shown', () => {
  type File = { contentBase64: string; rows: number };
  async function sheetRows(input: Record<string, unknown>) {
    const file = await app.ok<File>('directory:exportXlsx', input);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows: { name: string; kutukNo: string | null; source: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push({ name: String(row.getCell(1).value), kutukNo: (row.getCell(10).value as string | null) ?? null, source: String(row.getCell(header.length).value) });
    });
    expect(file.rows).toBe(rows.length);
    return { header, rows };
  }
  const listed = async (input: Record<string, unknown>) => (await app.ok<Page>('directory:search', { ...input, limit: 500 })).rows;

  it('holds the registered associations the list shows (marked as such), in the list’s order, under the same filters', async () => {
    const filters = [{ withRegistry: true }, { withRegistry: true, query: unlinked()[1]!.name.split(' ')[0]! }, { withRegistry: true, kind: 'KAMU' }, {}];
    for (const input of filters) {
      const list = await listed(input);
      const { header, rows } = await sheetRows(input);
      expect(header.at(-1)).toBe('Kayıt');
      expect(rows.map((r) => r.name)).toEqual(list.map((o) => o.name));
      expect(rows.map((r) => r.source)).toEqual(list.map((o) => (o.registryOnly ? 'Yalnızca dernekler sicilinde' : 'Kurumlar')));
    }
    // The whole list holds every registered association not yet in the directory, with its kütük no.
    const { rows } = await sheetRows({ withRegistry: true });
    const fromRegistry = rows.filter((r) => r.source !== 'Kurumlar');
    expect(fromRegistry.map((r) => r.name).sort()).toEqual(unlinked().map((a) => a.name).sort());
    expect(fromRegistry.map((r) => r.kutukNo).sort()).toEqual(unlinked().map((a) => a.kutuk_no).sort());
  });
});
