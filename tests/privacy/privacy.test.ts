import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryRow, PrivacyNoticeView, RetentionRulesView } from '../../shared/contract/privacy';
import { DATA_INVENTORY } from '../../shared/privacy/inventory';
import { DEFAULT_PRIVACY_NOTICE } from '../../shared/privacy/notice';
import { DEFAULT_RETENTION_YEARS, RETENTION_RULES, RETENTION_RULES_ID } from '../../shared/privacy/retention';
import { SCOPE_RULES } from '../../shared/sync/scope';
import { referenceDataSpec } from '../../db/registry/specs';
import { readRetentionRules } from '../../db/privacy/queries';
import { INVENTORY_COLUMNS } from '../../electron/privacy/spreadsheet';
import { setupApp, type TestApp } from '../support/app';
import { cleanupFiles, createNode, deliver, enrol, type Node } from '../support/nodes';
import { changeLog, expectError, lastChangeId, snapshot, sqlite } from '../integration/helpers';
import { pdfText } from '../documents/pdfText';

// Personal data (issue #16): the ministry's retention rules and privacy notice as reference data that flows
// down with the exchange, the notice as a PDF for data subjects, and the VERBİS-shaped data inventory.

type FileOut = { fileName: string; mimeType: string; contentBase64: string };

const apps: TestApp[] = [];
let ministry: Node;
let ankara: Node;

beforeAll(async () => {
  ministry = await createNode('ministry', 'ministry');
  ankara = await createNode('ankara', 'province', '06');
  apps.push(ministry, ankara);
  await enrol(ministry, ankara);
});
afterAll(() => {
  for (const app of apps) app.close();
  cleanupFiles();
});

const yearsOf = (view: RetentionRulesView) => Object.fromEntries(view.rules.map((r) => [r.id, r.years]));

async function xlsxOf(app: TestApp) {
  const file = await app.ok<FileOut & { rows: number }>('privacy:inventoryXlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return { file, workbook };
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('on a fresh installation', () => {
  it('the default rules and notice apply, marked as defaults', async () => {
    const fresh = await setupApp('youth-center');
    apps.push(fresh);
    const rules = await fresh.ok<RetentionRulesView>('privacy:retentionRules');
    expect(rules.updatedAt).toBeNull();
    expect(rules.rules.map((r) => r.id)).toEqual(RETENTION_RULES.map((r) => r.id));
    expect(yearsOf(rules)).toEqual(DEFAULT_RETENTION_YEARS);
    // The logs the destruction regulation names are kept at least three years.
    for (const id of ['revealLog', 'exchangeLedger', 'destructionLog']) expect(yearsOf(rules)[id]).toBeGreaterThanOrEqual(3);

    const notice = await fresh.ok<PrivacyNoticeView>('privacy:notice');
    expect(notice).toEqual({ ...DEFAULT_PRIVACY_NOTICE, updatedAt: null });
    // Nothing was written to read them.
    expect(sqlite(fresh).prepare("SELECT count(*) AS n FROM reference_data WHERE id IN ('retentionRules', 'privacyNotice')").get()).toEqual({ n: 0 });
  });
});

describe('the ministry edits; others may not', () => {
  it('the ministry sets some periods (the others keep theirs) and saves new versions of the notice, through the change log', async () => {
    const before = lastChangeId(ministry);
    const saved = await ministry.ok<RetentionRulesView>('privacy:setRetentionRules', { years: { meetingParticipantContact: 4, revealLog: 5 } });
    expect(saved.updatedAt).not.toBeNull();
    expect(yearsOf(saved)).toEqual({ ...DEFAULT_RETENTION_YEARS, meetingParticipantContact: 4, revealLog: 5 });
    expect(yearsOf(await ministry.ok<RetentionRulesView>('privacy:retentionRules'))).toEqual(yearsOf(saved));
    const logged = changeLog(ministry, before);
    expect(logged.some((c) => c.table_name === 'reference_data' && c.row_id === RETENTION_RULES_ID && c.column_name === 'value')).toBe(true);

    const v2 = await ministry.ok<PrivacyNoticeView>('privacy:setNotice', { title: 'Aydınlatma Metni', body: '## Veri sorumlusu\nGençlik ve Spor Bakanlığı — İkinci sürüm.' });
    expect(v2).toMatchObject({ title: 'Aydınlatma Metni', version: 2 });
    expect(v2.updatedAt).not.toBeNull();
    const v3 = await ministry.ok<PrivacyNoticeView>('privacy:setNotice', { title: 'Aydınlatma Metni', body: '## Veri sorumlusu\nGençlik ve Spor Bakanlığı — Üçüncü sürüm.' });
    expect(v3.version).toBe(3);
    expect((await ministry.ok<PrivacyNoticeView>('privacy:notice')).body).toContain('Üçüncü sürüm');
  });

  it('a province’s edit is refused, and nothing changes', async () => {
    const before = snapshot(ankara);
    for (const [channel, input] of [
      ['privacy:setRetentionRules', { years: { boardMemberTcKimlikNo: 1 } }],
      ['privacy:setNotice', { title: 'İl metni', body: 'İl müdürlüğünün kendi metni.' }],
    ] as const) {
      const error = expectError(await ankara.invoke(channel, input), 'FORBIDDEN');
      expect(error.message).toMatch(/yetkisi yok/);
    }
    expect(snapshot(ankara)).toEqual(before);
  });

  it.each([
    [{ years: { meetingParticipantContact: -1 } }, 'years.meetingParticipantContact', /Toplantı katılımcılarının telefon ve e-posta bilgisi — saklama süresi \(yıl\): En az 1 yıl/],
    [{ years: { destructionLog: 2 } }, 'years.destructionLog', /İmha kaydı .* En az 3 yıl/],
    [{ years: { revealLog: 3.5 } }, 'years.revealLog', /tam sayı/],
    [{ years: { boardMemberContact: 31 } }, 'years.boardMemberContact', /En fazla 30 yıl/],
    [{ years: { tcNumbersForever: 99 } }, 'years', /Bilinmeyen alan: tcNumbersForever/],
  ])('invalid periods are refused naming the rule: %j', async (input, path, message) => {
    const before = snapshot(ministry);
    const error = expectError(await ministry.invoke('privacy:setRetentionRules', input), 'VALIDATION');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(error.message).toMatch(message);
    expect(snapshot(ministry)).toEqual(before);
  });

  it.each([
    [{ title: 'Aydınlatma Metni', body: '   \n  ' }, 'body', /Aydınlatma metni: Aydınlatma metni boş olamaz/],
    [{ title: '', body: 'Metin' }, 'title', /Aydınlatma metninin başlığı: Başlık boş olamaz/],
    [{ title: 'Başlık' }, 'body', /Aydınlatma metni: Bu alan zorunlu/],
  ])('an empty notice is refused naming the field: %j', async (input, path, message) => {
    const before = snapshot(ministry);
    const error = expectError(await ministry.invoke('privacy:setNotice', input), 'VALIDATION');
    expect(error.issues?.map((i) => i.path)).toEqual([path]);
    expect(error.message).toMatch(message);
    expect(snapshot(ministry)).toEqual(before);
  });
});

describe('flowing down', () => {
  it('the ministry’s rules and notice reach a province through an exchange file', async () => {
    await ministry.ok('privacy:setRetentionRules', { years: { boardMemberTcKimlikNo: 7 } });
    const notice = await ministry.ok<PrivacyNoticeView>('privacy:setNotice', { title: 'Kişisel Verilerin Korunması Hakkında Aydınlatma Metni', body: `${DEFAULT_PRIVACY_NOTICE.body}\n\nBu metin Bakanlıkça güncellenmiştir.` });
    const ministryRules = await ministry.ok<RetentionRulesView>('privacy:retentionRules');

    await deliver(ministry, ankara);
    const received = await ankara.ok<RetentionRulesView>('privacy:retentionRules');
    expect(yearsOf(received)).toEqual(yearsOf(ministryRules));
    expect(yearsOf(received).boardMemberTcKimlikNo).toBe(7);
    expect(received.updatedAt).toBe(ministryRules.updatedAt);
    expect(await ankara.ok<PrivacyNoticeView>('privacy:notice')).toEqual(notice);

    // The province prints the ministry's version, and its inventory states the ministry's periods.
    const pdf = pdfText(Buffer.from((await ankara.ok<FileOut>('privacy:noticePdf')).contentBase64, 'base64'));
    expect(pdf).toContain('Bu metin Bakanlıkça güncellenmiştir.');
    expect(pdf).toContain(`Sürüm ${notice.version}`);
    const { rows } = await ankara.ok<{ rows: InventoryRow[] }>('privacy:inventory');
    expect(rows.find((r) => r.id === 'board-tc')!.retention.tr).toMatch(/^7 yıl/);
  });
});

describe('the notice as a PDF', () => {
  it('holds every item of KVKK Art. 10, in Turkish with its own letters', async () => {
    const fresh = await setupApp('province', { plate: '35' });
    apps.push(fresh);
    const file = await fresh.ok<FileOut>('privacy:noticePdf');
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('Aydınlatma Metni - Sürüm 1.pdf');
    const text = pdfText(Buffer.from(file.contentBase64, 'base64'));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('KİŞİSEL VERİLERİN KORUNMASI HAKKINDA AYDINLATMA METNİ');
    // Issued by the province under its governorship's letterhead; the data controller the text names is the ministry.
    expect(flat).toContain('T.C. İZMİR VALİLİĞİ Gençlik ve Spor İl Müdürlüğü');
    expect(flat).toContain('veri sorumlusu sıfatıyla T.C. Gençlik ve Spor Bakanlığı');
    expect(flat).toContain('İzmir Gençlik ve Spor İl Müdürlüğü · Düzenlenme tarihi');
    for (const part of [
      '1. Veri sorumlusunun kimliği',
      '2. Kişisel verilerin hangi amaçla işleneceği',
      '3. Kişisel verilerin kimlere ve hangi amaçla aktarılabileceği',
      '4. Kişisel veri toplamanın yöntemi ve hukuki sebebi',
      '5. KVKK’nın 11 inci maddesi uyarınca haklarınız',
      '6. Başvuru yolu',
    ]) expect(flat, part).toContain(part);
    // The rights of Art. 11, with the Turkish item letters ç and ğ.
    expect(flat).toContain('ç) Yurt içinde veya yurt dışında kişisel verilerinizin aktarıldığı üçüncü kişileri bilme');
    expect(flat).toContain('ğ) Kişisel verilerinizin kanuna aykırı olarak işlenmesi sebebiyle zarara uğramanız');
    expect(flat).toContain('Kişisel verileriniz yurt dışına aktarılmaz.');
    expect(flat).toContain('otuz gün');
    expect(flat).toMatch(/Ad soyad.*Tarih.*İmza/);
    // No letter lost to a font without Turkish glyphs (those this notice uses: it has no capital Ç since its header
    // became the province's).
    for (const letter of ['ğ', 'ş', 'ı', 'İ', 'ç', 'ö', 'ü', 'Ş']) expect(flat, letter).toContain(letter);
  });
});

describe('the data inventory', () => {
  it('the Excel file has the VERBİS columns and a row for board members’ TC numbers with the retention rule in force', async () => {
    const fresh = await setupApp('ministry');
    apps.push(fresh);
    const { file, workbook } = await xlsxOf(fresh);
    expect(file.fileName).toMatch(/^Kişisel veri envanteri \d{2}\.\d{2}\.\d{4}\.xlsx$/);
    const [header, ...rows] = sheetRows(workbook.getWorksheet('Envanter')!);
    expect(header).toEqual(INVENTORY_COLUMNS.map((c) => c.header));
    expect(header).toEqual([
      'Süreç / birim', 'Kişisel veri kategorisi', 'Özel nitelikli', 'İlgili kişi grubu', 'Kişisel veriler', 'İşleme amacı',
      'Hukuki sebep (KVKK m. 5/6)', 'Saklama süresi', 'Alıcı / alıcı grupları', 'Yurt dışına aktarım', 'Teknik tedbirler', 'İdari tedbirler',
    ]);
    expect(file.rows).toBe(rows.length);
    expect(rows.length).toBe(DATA_INVENTORY.length);
    const col = (name: string) => header!.indexOf(name);
    const boardTc = () => rows.filter((r) => /yönetim ve denetim kurulu üyeleri/.test(r[col('İlgili kişi grubu')]!) && r[col('Kişisel veriler')] === 'TC Kimlik No');
    expect(boardTc()).toHaveLength(1);
    const row = boardTc()[0]!;
    expect(row[col('Saklama süresi')]).toBe('5 yıl (görev süresi bittikten ya da kuruldan ayrıldıktan sonra)');
    expect(row[col('Kişisel veri kategorisi')]).toBe('Kimlik');
    expect(row[col('Hukuki sebep (KVKK m. 5/6)')]).toMatch(/KVKK m\. 5\/2-a/);
    expect(row[col('Teknik tedbirler')]).toMatch(/maskelenir/);
    expect(rows.every((r) => r[col('Yurt dışına aktarım')] === 'Yok')).toBe(true);
    // Board membership is special-category data (KVKK Art. 6), with its Art. 6 basis.
    const membership = rows.find((r) => r[col('Kişisel veri kategorisi')]!.startsWith('Dernek Üyeliği') && /kurul/.test(r[col('İlgili kişi grubu')]!))!;
    expect(membership[col('Özel nitelikli')]).toBe('Evet');
    expect(membership[col('Hukuki sebep (KVKK m. 5/6)')]).toMatch(/m\. 6\/3/);
    const rules = sheetRows(workbook.getWorksheet('Saklama süreleri')!);
    expect(rules.slice(1).map((r) => r[0])).toEqual(RETENTION_RULES.map((r) => r.id));

    // The period follows the rule when the ministry changes it.
    await fresh.ok('privacy:setRetentionRules', { years: { boardMemberTcKimlikNo: 8 } });
    const changed = sheetRows((await xlsxOf(fresh)).workbook.getWorksheet('Envanter')!).find((r) => r[col('Kişisel veriler')] === 'TC Kimlik No')!;
    expect(changed[col('Saklama süresi')]).toMatch(/^8 yıl/);
  });

  it('describes every table and column that holds personal data, and only real ones', async () => {
    const fresh = await setupApp('province');
    apps.push(fresh);
    const columnsOf = (table: string) => (sqlite(fresh).prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    for (const entry of DATA_INVENTORY) {
      for (const place of entry.storedIn) {
        const columns = columnsOf(place.table);
        expect(columns.length, `${entry.id}: table ${place.table}`).toBeGreaterThan(0);
        for (const column of place.columns) expect(columns, `${entry.id}: ${place.table}.${column}`).toContain(column);
      }
    }
    for (const rule of RETENTION_RULES) {
      for (const place of rule.appliesTo) for (const column of place.columns) expect(columnsOf(place.table), `${rule.id}: ${place.table}.${column}`).toContain(column);
      expect(DATA_INVENTORY.some((e) => e.retention === rule.id), `${rule.id} is used by a row of the inventory`).toBe(true);
    }
    // Every table the exchange treats as personal is in the inventory, and the sensitive columns are named.
    const described = new Set(DATA_INVENTORY.flatMap((e) => e.storedIn.map((p) => p.table)));
    for (const rule of SCOPE_RULES.filter((r) => r.personal)) expect(described, rule.table).toContain(rule.table);
    const named = new Set(DATA_INVENTORY.flatMap((e) => e.storedIn.flatMap((p) => p.columns.map((c) => `${p.table}.${c}`))));
    for (const column of ['association_people.tc_kimlik_no', 'association_people.phone', 'association_people.email', 'meeting_participants.phone', 'meeting_participants.email', 'contacts.phone', 'contacts.email', 'reveal_log.purpose']) {
      expect(named, column).toContain(column);
    }
    const { rows } = await fresh.ok<{ rows: InventoryRow[] }>('privacy:inventory');
    expect(rows.map((r) => r.id)).toEqual(DATA_INVENTORY.map((e) => e.id));
    for (const row of rows) expect(row.retention.en, row.id).toMatch(/^\d+ years? \(/);
  });

  it('a stored value this version cannot use falls back to the default; a later save keeps rules it does not know', async () => {
    // As written by a later version of Köprü at the ministry: a rule this version lacks, bounds it does not know.
    const fresh = await setupApp('ministry');
    apps.push(fresh);
    await fresh.ok('privacy:setRetentionRules', { years: { revealLog: 6 } });
    const db = fresh.ctx.db!;
    db.sqlite.transaction(() => {
      fresh.ctx.writer!.update(referenceDataSpec, RETENTION_RULES_ID, { value: JSON.stringify({ years: { boardMemberContact: 0, destructionLog: 'üç', futureRule: 12, revealLog: 6 } }) });
    })();
    expect(readRetentionRules(db).years).toEqual({ ...DEFAULT_RETENTION_YEARS, revealLog: 6 });
    await fresh.ok('privacy:setRetentionRules', { years: { boardMemberContact: 3 } });
    const stored = JSON.parse((db.sqlite.prepare('SELECT value FROM reference_data WHERE id = ?').get(RETENTION_RULES_ID) as { value: string }).value) as { years: Record<string, number> };
    expect(stored.years).toMatchObject({ futureRule: 12, boardMemberContact: 3, revealLog: 6, destructionLog: 3 });
  });
});
