import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ANONYMOUS_NAME } from '../../shared/privacy/retention';
import { PROVINCES } from '../../shared/regions';
import { TEST_ADMIN } from '../support/users';
import { arrange, expect, fillDemoSummary, setupMinistry, setupProvince, test, type KopruFixture } from './fixtures';

// Issue #17: in English, no Turkish reaches the screen. The test walks every main screen (and every tab of
// them, and of one association, organisation, meeting and workshop) at the ministry, a province and a youth
// centre over demo data, and fails on visible text with a Turkish letter or a common Turkish word.
//
// Proper names and what users typed are data, not interface: they may be Turkish. They are recognised in a
// principled way, from where they come: every string the backend sent under a record field (a name, a title,
// a subject, a note …) and the province and district names shipped with the app; and any element marked
// `translate="no"` (HTML's own mark for "do not translate this").

test.describe.configure({ timeout: 420_000 });

const SHOTS = '/tmp/shots-english';

/** Fields of channel outputs that carry record content (names, typed text), never interface vocabulary. */
const RECORD_FIELDS = new Set([
  'name', 'unitName', 'displayName', 'username', 'fullName', 'firstName', 'lastName', 'title', 'subject', 'text', 'notes', 'note',
  'address', 'provinceName', 'districtName', 'youthCentreName', 'organisationName', 'associationName', 'venue', 'venueName',
  'agenda', 'summary', 'description', 'followUp', 'outcome', 'minutes', 'purpose', 'representative', 'representativeName',
  'contactName', 'position', 'personName', 'peerName', 'nodeName', 'hostProvinceName', 'location', 'topic', 'topics',
  'finding', 'findings', 'programme', 'session', 'speaker', 'requestText', 'decisionText', 'responsible', 'responsibleUnit',
  'comment', 'body', 'content', 'shortName', 'oldName', 'newName', 'fromName', 'toName', 'mergedName', 'chair', 'by',
  'byName', 'actor', 'actorName', 'createdBy', 'updatedBy', 'owner', 'holder', 'sender', 'recipient', 'filename', 'fileName',
  'originalName', 'objective', 'objectives', 'email', 'web', 'website', 'phone', 'headquarters', 'fromProvinceName', 'toProvinceName',
  'invitationNo', 'letterNo', 'decisionNo', 'kutukNo', 'otherCategory', 'activityPlace', 'neighbourhood', 'street', 'hall', 'stateNote',
  'rapporteur', 'author', 'profession', 'taxOffice', 'hostName', 'role', 'stateReason',
]);

/**
 * Proper names the interface itself uses: the product, the state systems and the law it names (DERBİS, VERBİS,
 * KVKK, whose articles are cited as written, e.g. "Art. 5(2)(ç)").
 */
const PROPER_TERMS = /Köprü|DERBİS|VERBİS|DETSİS|KVKK|\(ç\)/g;

const TURKISH_LETTERS = /[ğĞşŞıİçÇöÖüÜ]/;
/** Common Turkish words without a Turkish letter (whole words, any case). */
const TURKISH_WORDS = /\b(ve|ile|veya|bir|yok|var|olan|yeni|tarihi|adet|kadar|sonra|dernek|dernekler|kurum|kurumlar|tescil|tescilli|vize|vizeli|vizesiz|taslak|onayda|dosya|rapor|karar|kararlar|talep|ayarlar|kapsam|kategori|genel|aktif|kapat|kaydet|ekle|sil|evet|anonim|toplam|kurul|merkezi|gelen|giden|bekliyor|bekleyen|yapan|kez|yapildi|planlandi|ertelendi|iptal|tamamlandi|dahil|bulunamadi|bilgi|belge|evrak|eksik|tablo|satir|kayit|kayitlar|silindi|eklendi)\b/i;

/** Collects every string the backend sends under a record field: these are data, not interface. */
function recordStrings(page: Page): Set<string> {
  const found = new Set<string>();
  for (const p of PROVINCES) found.add(p.name);
  const walk = (value: unknown, key: string | null) => {
    if (typeof value === 'string') {
      // The name destruction leaves is the app's word, not a record's: it must read in the interface language.
      if (key !== null && RECORD_FIELDS.has(key) && value.trim().length > 1 && value !== ANONYMOUS_NAME) found.add(value.trim());
    } else if (Array.isArray(value)) {
      // An array of strings under a record field (e.g. topics) is record content; otherwise keep the key.
      for (const item of value) walk(item, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  page.on('response', async (response) => {
    if (!response.url().includes('/__kopru/invoke')) return;
    try {
      const body = (await response.json()) as { ok?: boolean; value?: unknown };
      if (body.ok) walk(body.value, null);
    } catch {
      // A file download or a closed page: nothing to learn.
    }
  });
  return found;
}

/** The visible texts of the page (text nodes, placeholders, accessible labels), outside `translate="no"`. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element | null): el is HTMLElement => {
      if (!el || !(el instanceof HTMLElement)) return false;
      if (el.closest('[translate="no"], [aria-hidden="true"], script, style, noscript')) return false;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      return el.getClientRects().length > 0;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && shown(node.parentElement)) out.push(text);
    }
    for (const el of Array.from(document.body.querySelectorAll('[placeholder], [aria-label], [title]'))) {
      if (!shown(el)) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** What is left of a text once record strings (longest first) are taken out. */
function withoutRecords(text: string, records: string[]): string {
  let rest = text;
  for (const r of records) if (rest.includes(r)) rest = rest.split(r).join(' ');
  return rest;
}

async function turkishOnScreen(page: Page, records: Set<string>): Promise<string[]> {
  const sorted = [...records].sort((a, b) => b.length - a.length);
  const texts = await visibleTexts(page);
  const offending = new Set<string>();
  for (const text of texts) {
    const rest = withoutRecords(text, sorted).replace(PROPER_TERMS, ' ');
    if (TURKISH_LETTERS.test(rest) || TURKISH_WORDS.test(rest)) offending.add(text.length > 160 ? `${text.slice(0, 160)}…` : text);
  }
  return [...offending];
}

type Finding = { where: string; texts: string[] };

/** Opens a screen by its hash, waits for it, checks it and then every tab on it (one level). */
async function walk(page: Page, records: Set<string>, findings: Finding[], label: string, hash: string) {
  await page.goto(`${page.url().split('#')[0]}#/${hash}`);
  await settle(page);
  await check(page, records, findings, label);
  const tabs = page.locator('main [role="tab"]');
  const count = await tabs.count();
  for (let i = 0; i < count; i += 1) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible()) || (await tab.isDisabled())) continue;
    const name = ((await tab.textContent()) ?? `tab ${i}`).trim();
    await tab.click();
    await settle(page);
    await check(page, records, findings, `${label} › ${name}`);
  }
}

async function settle(page: Page) {
  await expect(page.locator('main')).toBeVisible({ timeout: 20_000 });
  // Wait until nothing is loading any more (skeletons, spinners, "Loading…").
  // (A spinner inside a button or a background job's banner may stay: only a visible one in a page's body counts.)
  await expect(page.locator('main .mantine-Skeleton-root, main .mantine-Loader-root:not(button *)').filter({ visible: true })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('main')).not.toContainText('Loading…', { timeout: 30_000 });
  await page.waitForTimeout(150);
}

async function check(page: Page, records: Set<string>, findings: Finding[], where: string) {
  const texts = await turkishOnScreen(page, records);
  if (texts.length > 0) findings.push({ where, texts });
  if (process.env.KOPRU_ENGLISH_SHOTS === '1') {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${where.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`), fullPage: false });
  }
}

/** The first id a channel lists, for opening one record's page. */
function firstOf<T>(list: T[] | undefined, what: string): T {
  const first = list?.[0];
  if (!first) throw new Error(`the demo has no ${what}`);
  return first;
}

async function walkAll(page: Page, kopru: KopruFixture, records: Set<string>, role: 'ministry' | 'province' | 'youth-center'): Promise<Finding[]> {
  const findings: Finding[] = [];
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(kopru.harness.url);
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 20_000 });
  const screens: [string, string][] = [
    ['home', 'today'],
    ['youth centres', 'org-units'],
    ['directory', 'directory'],
    ['meetings', 'meetings'],
    ['workshops', 'workshops'],
    ['reports', 'reports'],
    ['exchange', 'exchange'],
    ['privacy', 'privacy'],
    ['settings', 'settings'],
  ];
  if (role !== 'youth-center') screens.splice(2, 0, ['registry', 'registry'], ['visa', 'visa']);
  for (const [label, hash] of screens) await walk(page, records, findings, `${role} ${label}`, hash);

  if (role !== 'youth-center') {
    const associations = await arrange(kopru, 'registry:search', {});
    const association = firstOf(associations.items, 'association');
    await walk(page, records, findings, `${role} association`, `registry/${association.id}`);
  }
  const organisations = await arrange(kopru, 'directory:search', {});
  const organisation = await firstOf(organisations.rows, 'organisation');
  await walk(page, records, findings, `${role} organisation`, `directory/${organisation.id}`);
  const meetings = await arrange(kopru, 'meetings:list', { from: '2000-01-01', to: '2100-12-31', state: 'YAPILDI' });
  const held = await firstOf(meetings.meetings, 'held meeting');
  await walk(page, records, findings, `${role} meeting`, `meetings/${held.id}`);
  const workshops = await arrange(kopru, 'workshops:list', {});
  if (workshops.length > 0) await walk(page, records, findings, `${role} workshop`, `workshops/${workshops[0]!.id}`);
  return findings;
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.where}:\n  ${f.texts.join('\n  ')}`).join('\n');
}

test('the ministry in English: no Turkish outside proper names and typed text', async ({ page, kopru }) => {
  const records = recordStrings(page);
  await setupMinistry(kopru);
  await fillDemoSummary(kopru, { associationsPerProvince: 3 });
  const findings = await walkAll(page, kopru, records, 'ministry');
  expect(findings, report(findings)).toEqual([]);
});

test('a province in English: no Turkish outside proper names and typed text', async ({ page, kopru }) => {
  const records = recordStrings(page);
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 20 });
  const findings = await walkAll(page, kopru, records, 'province');
  expect(findings, report(findings)).toEqual([]);
});

test('a youth centre in English: no Turkish outside proper names and typed text', async ({ page, kopru }) => {
  const records = recordStrings(page);
  await arrange(kopru, 'installation:setup', { admin: TEST_ADMIN, role: 'youth-center', provincePlate: '06', name: 'Çankaya Gençlik Merkezi', districtName: 'Çankaya' });
  await fillDemoSummary(kopru, {});
  const findings = await walkAll(page, kopru, records, 'youth-center');
  expect(findings, report(findings)).toEqual([]);
});


test('in English, a refused exchange file and a spreadsheet row that cannot be imported say why in English', async ({ page, kopru }) => {
  const records = recordStrings(page);
  await setupProvince(kopru, '06');
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  const findings: Finding[] = [];

  // A file that is no exchange file: the refusal the server words by key.
  const junk = path.join(kopru.dataDir, 'photo.kopru');
  fs.writeFileSync(junk, 'PK\u0003\u0004 this is not an exchange file');
  await page.goto(`${kopru.harness.url}#/exchange/import`);
  await page.getByRole('textbox', { name: 'Exchange file' }).fill(junk);
  await page.getByRole('button', { name: 'Inspect file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This is not a Köprü exchange file.' })).toBeVisible();
  await check(page, records, findings, 'exchange refusal');

  // A sheet whose second row names a district the province does not have and a phone number two digits short.
  const csv = ['Dernek Adı;İlçe;Telefon', 'Deniz Youth Club;Cankaya;0312 555 12 34', 'Atlas Youth Club;Atlantis;0312 555 12'].join('\r\n');
  await page.goto(`${kopru.harness.url}#/registry`);
  await page.getByRole('link', { name: 'Import from a spreadsheet' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Spreadsheet file' }).click();
  await (await chooser).setFiles({ name: 'associations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const row = page.getByTestId('import-rows').getByRole('row').filter({ hasText: 'Atlas Youth Club' });
  await expect(row).toContainText('District: "Atlantis" is not one of this province’s districts.');
  await expect(row).toContainText('Phone: The phone number is too short: it needs 10 digits with the area code, 8 were written.');
  await check(page, records, findings, 'import preview');
  expect(findings, report(findings)).toEqual([]);
});
