import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedReportsSpec } from '../../db/reports/specs';
import { fillDemoData } from '../../electron/cli/demo';
import type { PublishedReport, Report } from '../../shared/contract/reports';
import type { ImportResult } from '../../shared/contract/sync';
import { messageText } from '../../shared/contract';
import { isMessageKey, translate } from '../../renderer/i18n/translate';
import { createNode, deliver, enrol, type Node } from '../support/nodes';

// Counts-only figures (issue #15): a province holds only its own province's rows, so the national and regional
// figures reach it as a report the ministry computed and published: figures and definitions, no rows. Real
// installations exchanging real files; the ministry's data are its national demo data.

const nodes: Node[] = [];
let ministry: Node;
let ankara: Node;
let izmir: Node;
let centre: Node;

const YEAR_2019 = { from: '2019-01-01', to: '2019-12-31' };
const count = (node: Node, sql: string, ...args: unknown[]) => (node.ctx.db!.sqlite.prepare(sql).get(...args) as { n: number }).n;
const published = (node: Node) => node.ok<PublishedReport[]>('reports:published');

beforeAll(async () => {
  ministry = await createNode('ministry', 'ministry');
  ankara = await createNode('ankara', 'province', '06');
  izmir = await createNode('izmir', 'province', '35');
  centre = await createNode('cankaya', 'youth-center', '06');
  nodes.push(ministry, ankara, izmir, centre);
  await fillDemoData(ministry.ctx, { associationsPerProvince: 2, meetingsUntil: 2019 });
  await enrol(ministry, ankara);
  await enrol(ministry, izmir);
  await enrol(ankara, centre);
}, 300_000);
afterAll(() => nodes.forEach((n) => n.close()));

describe('national figures published by the ministry', () => {
  it('reach a province and its youth centre with the same figures, while they hold none of the other provinces’ meetings', { timeout: 120_000 }, async () => {
    const national = await ministry.ok<Report>('reports:figures', { ...YEAR_2019, scope: { level: 'national' } });
    const eastern = await ministry.ok<Report>('reports:figures', { ...YEAR_2019, scope: { level: 'region', region: 'Doğu Anadolu' } });
    expect(national.figures.find((f) => f.key === 'provincesWithMeeting')!.value).toBe(46);

    const first = await ministry.ok<PublishedReport>('reports:publish', { ...YEAR_2019, scope: { level: 'national' } });
    expect(first).toMatchObject({ title: 'Türkiye geneli göstergeleri, 01.01.2019 – 31.12.2019', from: '2019-01-01', to: '2019-12-31', scopeLabel: 'Türkiye geneli' });
    expect(first.report).toEqual(national);
    const second = await ministry.ok<PublishedReport>('reports:publish', { ...YEAR_2019, scope: { level: 'region', region: 'Doğu Anadolu' }, title: 'Doğu Anadolu 2019' });
    expect(second.report).toEqual(eastern);
    // The ministry lists what it sent, newest first.
    expect((await published(ministry)).map((p) => p.id)).toEqual([second.id, first.id]);

    await deliver(ministry, ankara);
    const atAnkara = await published(ankara);
    expect(atAnkara.map((p) => [p.title, p.scopeLabel])).toEqual([['Doğu Anadolu 2019', 'Doğu Anadolu Bölgesi'], ['Türkiye geneli göstergeleri, 01.01.2019 – 31.12.2019', 'Türkiye geneli']]);
    expect(atAnkara[1]!.report).toEqual(national);
    expect(atAnkara[0]!.report).toEqual(eastern);
    expect(atAnkara[1]!.publishedAt).toBe(first.publishedAt);

    // Ankara holds its own meetings only: from its rows, the country's figures would be Ankara's.
    expect(count(ministry, "SELECT count(*) AS n FROM meetings WHERE province_plate <> '06'")).toBeGreaterThan(0);
    expect(count(ankara, "SELECT count(*) AS n FROM meetings WHERE province_plate <> '06'")).toBe(0);
    expect(count(ankara, "SELECT count(*) AS n FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id WHERE m.province_plate <> '06'")).toBe(0);
    const own = await ankara.ok<Report>('reports:figures', { ...YEAR_2019, scope: { level: 'national' } });
    expect(own.figures.find((f) => f.key === 'provincesWithMeeting')!.value).toBeLessThanOrEqual(1);

    // Down again, to Ankara's youth centre: the same report.
    await deliver(ankara, centre);
    expect((await published(centre)).map((p) => p.report)).toEqual([eastern, national]);
    expect(count(centre, "SELECT count(*) AS n FROM meetings WHERE province_plate <> '06'")).toBe(0);
  });

  it('is refused with a Turkish message for a period with nothing in it, or backwards', async () => {
    const before = count(ministry, 'SELECT count(*) AS n FROM published_reports');
    const empty = await ministry.invoke('reports:publish', { from: '2030-01-01', to: '2030-12-31', scope: { level: 'national' } });
    expect(empty.ok || empty.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('gönderilecek rakam yok'), key: 'reports.noFiguresForScope' });
    // Keyed, so the English screen says it in English (it used to be Turkish text only).
    if (!empty.ok) {
      expect(empty.error.message).toMatch(/^Türkiye geneli için 01\.01\.2030 – 31\.12\.2030 döneminde/);
      const words = (key: string, language: 'tr' | 'en', params: Record<string, string>) => (isMessageKey(key) ? translate(language, key, params) : undefined);
      expect(messageText(empty.error.key!, empty.error.params, 'en', words)).toMatch(/^No meeting or workshop was recorded in the period 01\.01\.2030 – 31\.12\.2030 \(scope: Nationwide\);/);
    }
    const backwards = await ministry.invoke('reports:publish', { from: '2019-12-31', to: '2019-01-01', scope: { level: 'national' } });
    expect(backwards.ok || backwards.error).toMatchObject({ code: 'VALIDATION', message: 'Bitiş: Bitiş tarihi başlangıçtan önce olamaz.' });
    // Only the country or a region: a province shows its own figures from its own rows.
    const province = await ministry.invoke('reports:publish', { ...YEAR_2019, scope: { level: 'province', provincePlate: '06' } });
    expect(province.ok).toBe(false);
    expect(count(ministry, 'SELECT count(*) AS n FROM published_reports')).toBe(before);
  });

  it('a province or a youth centre cannot publish', async () => {
    for (const node of [ankara, centre]) {
      const envelope = await node.invoke('reports:publish', { ...YEAR_2019, scope: { level: 'national' } });
      expect(envelope.ok || envelope.error.code).toBe('FORBIDDEN');
    }
  });
});

describe('a province cannot broadcast figures', () => {
  it('a row a province writes into its own log (a modified client) is refused at the ministry, never relayed, and shown nowhere', { timeout: 120_000 }, async () => {
    const national = (await published(ministry)).find((p) => p.scopeLabel === 'Türkiye geneli')!;
    const forgedReport = { ...national.report!, figures: national.report!.figures.map((f) => ({ ...f, value: f.value * 10 })) };
    const forged = ankara.ctx.db!.sqlite.transaction(() =>
      String(
        ankara.ctx.writer!.insert(publishedReportsSpec, ankara.unitId, {
          title: 'Sahte ülke rakamları', period_from: '2019-01-01', period_to: '2019-12-31', scope_label: 'Türkiye geneli',
          report: JSON.stringify(forgedReport), published_at: new Date(ankara.ctx.now() + 86_400_000).toISOString(),
        }).id,
      ),
    )();
    // Not even at the province that wrote it.
    expect((await published(ankara)).map((p) => p.id)).not.toContain(forged);

    const up = await deliver(ankara, ministry);
    // Refused change by change, as reference data is: the row is never built there, so it has nothing to relay.
    const refused = up.report.rejected.filter((r) => r.row === forged);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.reason).toMatch(/yalnızca Bakanlık.*Ankara İl Müdürlüğü/);
    expect(count(ministry, 'SELECT count(*) AS n FROM published_reports WHERE id = ?', forged)).toBe(0);
    expect((await published(ministry)).map((p) => p.id)).not.toContain(forged);

    // Another province, after the ministry's next file: not there.
    const down: ImportResult = await deliver(ministry, izmir);
    expect(down.report.rejected).toEqual([]);
    expect(count(izmir, 'SELECT count(*) AS n FROM published_reports WHERE id = ?', forged)).toBe(0);
    expect((await published(izmir)).map((p) => p.title).sort()).toEqual(['Doğu Anadolu 2019', 'Türkiye geneli göstergeleri, 01.01.2019 – 31.12.2019']);

    // The province's own youth centre, whose parent it is: the file carries the row (the table is national),
    // and the centre refuses it.
    const toCentre = await deliver(ankara, centre);
    expect(toCentre.report.rejected.some((r) => r.row === forged)).toBe(true);
    expect(count(centre, 'SELECT count(*) AS n FROM published_reports WHERE id = ?', forged)).toBe(0);
    expect((await published(centre)).map((p) => p.id)).not.toContain(forged);
  });

  it('a province’s row that is held all the same does not count', () => {
    expect(publishedReportsSpec.authority!({ owner_unit: 'ministry' }, ministry.ctx.writer!.env)).toBeNull();
    expect(publishedReportsSpec.authority!({ owner_unit: 'province:06' }, ministry.ctx.writer!.env)).toEqual({
      reason: 'Ülke rakamlarını yalnızca Bakanlık gönderebilir; Ankara İl Müdürlüğü gönderemez',
      code: 'ministryFigures',
      params: { author: 'province:06' },
    });
  });
});
