import { describe, expect, it } from 'vitest';
import { field, heading, render, table } from '../../electron/documents/layout';
import { pdfPages } from './pdfText';

// The layout layer's promises, on real PDFs read back page by page: long Turkish names wrap instead of being cut,
// a table repeats its header on each page, a heading never ends a page, and a footer never sits alone.

const LONG = 'Türkiye Gençlik Kulüpleri ve Şehir Gönüllüleri Dayanışma, Eğitim, Kültür ve Çevre Koruma Derneği Çankaya Şubesi';

describe('the document layout', () => {
  it('wraps a long Turkish name in a narrow cell, whole, with no ellipsis', async () => {
    const pdf = await render('t', (doc) => {
      table(doc, [{ header: 'No', width: 0.5 }, { header: 'Kurumu', width: 2 }, { header: 'İmza', width: 2 }], [[1, LONG, '']], { grid: true });
    });
    const [page] = pdfPages(pdf);
    expect(page).toContain(LONG);
    expect(page).not.toContain('…');
  });

  it('repeats the header row on every page of a long table and never splits a row', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [i + 1, `${LONG} ${i + 1}`, 'Ankara']);
    const pdf = await render('t', (doc) => {
      table(doc, [{ header: 'Sıra', width: 0.6 }, { header: 'Kurum adı', width: 4 }, { header: 'İl', width: 1 }], rows);
    });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page.startsWith('Sıra Kurum adı İl')).toBe(true);
    // Every row's number and its whole name are on the same page.
    for (let i = 1; i <= 90; i++) expect(pages.some((p) => p.includes(`${i} ${LONG} ${i} Ankara`))).toBe(true);
  });

  it('never leaves a footer alone on a page, nor a heading at the foot of one', async () => {
    // Fill a page to just above its bottom margin, then a heading and a field: they move to the next page together.
    const pdf = await render(
      't',
      (doc) => {
        while (doc.y < doc.page.height - doc.page.margins.bottom - 40) field(doc, 'Alan', 'değer');
        heading(doc, 'Alınan kararlar');
        field(doc, 'Karar', 'Salon tahsis takvimi hazırlanacak.');
      },
      { footer: 'Ankara Gençlik ve Spor İl Müdürlüğü · Düzenlenme tarihi: 15.05.2026' },
    );
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('Alınan kararlar');
    expect(pages[1]).toMatch(/^Alınan kararlar Karar: Salon tahsis takvimi hazırlanacak\./);
    // Each page carries its footer and page number, and has content besides them.
    pages.forEach((page, i) => {
      expect(page).toContain(`Sayfa ${i + 1} / 2`);
      expect(page.replace(/Ankara Gençlik.*$/, '').trim().length).toBeGreaterThan(20);
    });
  });
});
