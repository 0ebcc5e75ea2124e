import type { Locator, Page } from '@playwright/test';
import { arrange, districtIdOf, expect, setupProvince, test } from './fixtures';

// Issue #17: the big forms check their input with the channel's own schema before sending anything, show every
// problem at once at its field in the interface language, and save nothing; an error the server alone can find
// (the record changed meanwhile) is shown in English in the English interface too.

test.describe.configure({ timeout: 120_000 });

const SHOTS = process.env.KOPRU_SHOTS_DIR;

/** Screenshots for people to look at (not committed): only when KOPRU_SHOTS_DIR is set. */
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const [width, height] of [[1280, 800], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

interface Texts {
  newAssociation: string;
  name: string;
  kutukNo: string;
  website: string;
  email: string;
  save: string;
  addPerson: string;
  fullName: string;
  tc: string;
  phone: string;
  expected: { association: string[]; person: string[]; absent: string[] };
}

const TURKISH: Texts = {
  newAssociation: 'Yeni dernek',
  name: 'Dernek adı',
  kutukNo: 'DERBİS kütük no',
  website: 'Web sitesi',
  email: 'E-posta',
  save: 'Kaydet',
  addPerson: 'Kişi ekle',
  fullName: 'Ad soyad',
  tc: 'TC Kimlik No',
  phone: 'Telefon',
  expected: {
    association: [
      'En fazla 250 karakter olabilir.',
      'İlçe seçin.',
      'Web sitesi adresi geçersiz. Örnek: www.ornek.org.tr',
      'E-posta adresi geçersiz. Örnek: dernek@ornek.org.tr',
      'Kütük no PP-NNN-NNN biçiminde olmalı (PP: 01–81 il plaka kodu).',
    ],
    person: [
      'Ad soyad en az 3 karakter olmalı.',
      'TC Kimlik No geçersiz (11 hane, kontrol haneleri tutmuyor).',
      'E-posta adresi geçersiz. Örnek: dernek@ornek.org.tr',
    ],
    absent: ['Derneğin adını yazın.', 'İl plaka kodu'],
  },
};

const ENGLISH: Texts = {
  newAssociation: 'New association',
  name: 'Association name',
  kutukNo: 'DERBİS register no',
  website: 'Website',
  email: 'Email',
  save: 'Save',
  addPerson: 'Add person',
  fullName: 'Full name',
  tc: 'Turkish ID no.',
  phone: 'Phone',
  expected: {
    association: [
      'Can be at most 250 characters.',
      'Choose a district.',
      'The website address is not valid. Example: www.ornek.org.tr',
      'The email address is not valid. Example: dernek@ornek.org.tr',
      'The register number must be in PP-NNN-NNN form (PP: province plate code 01–81).',
    ],
    person: [
      'The full name must be at least 3 characters.',
      'The TC identity number is not valid (11 digits, the check digits do not match).',
      'The email address is not valid. Example: dernek@ornek.org.tr',
    ],
    absent: ['İlçe seçin.', 'Web sitesi adresi geçersiz', 'En fazla 250 karakter', 'geçersiz'],
  },
};

async function expectAll(scope: Locator, texts: string[], absent: string[]): Promise<void> {
  for (const text of texts) await expect(scope.getByText(text, { exact: true })).toBeVisible();
  for (const text of absent) await expect(scope.getByText(text, { exact: false })).toHaveCount(0);
}

for (const [language, texts] of [['tr', TURKISH], ['en', ENGLISH]] as const) {
  test(`association and person forms show every problem at once, in ${language === 'tr' ? 'Turkish' : 'English'}, and save nothing`, async ({ page, kopru }) => {
    await setupProvince(kopru, '06');
    if (language === 'en') await arrange(kopru, 'settings:setLanguage', { language: 'en' });
    const districtId = await districtIdOf(kopru, '06', 'Çankaya');
    const existing = await arrange(kopru, 'registry:create', { name: 'Çankaya Yıldız Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId });

    // The association form, filled badly once: a 480-character name, no district, a web site and an e-mail
    // that are not addresses, a kütük no with an impossible plate.
    await page.goto(`${kopru.harness.url}#/registry`);
    await page.getByRole('button', { name: texts.newAssociation }).click();
    const form = page.getByRole('dialog', { name: texts.newAssociation });
    await form.getByRole('textbox', { name: texts.name }).fill('Ç'.repeat(480));
    await form.getByRole('textbox', { name: texts.kutukNo }).fill('99-123-456');
    await form.getByRole('textbox', { name: texts.website }).fill('not a url');
    await form.getByRole('textbox', { name: texts.email }).fill('nope');
    await form.getByRole('button', { name: texts.save }).click();
    await expectAll(form, texts.expected.association, texts.expected.absent);
    await expect(form.getByRole('textbox', { name: texts.name })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('textbox', { name: texts.website })).toHaveAttribute('aria-invalid', 'true');
    await shot(page, `association-form-${language}`);
    expect((await arrange(kopru, 'registry:search', {})).total).toBe(1);

    // The person form, filled badly once: a short name, a TC Kimlik No whose check digits fail and an e-mail that
    // is not one. (Phone numbers are checked by libphonenumber-js with messages of their own, tested in
    // plausibility.spec.ts; their English is not in the catalogue yet.)
    await page.keyboard.press('Escape');
    await page.goto(`${kopru.harness.url}#/registry/${existing.id}/people`);
    await page.getByRole('button', { name: texts.addPerson }).click();
    const person = page.getByRole('dialog', { name: texts.addPerson });
    await person.getByRole('textbox', { name: texts.fullName }).fill('Al');
    await person.getByRole('textbox', { name: texts.tc }).fill('17291716050');
    await person.getByRole('textbox', { name: texts.email }).fill('ayse@');
    await person.getByRole('button', { name: texts.save }).click();
    await expectAll(person, texts.expected.person, texts.expected.absent);
    await shot(page, `person-form-${language}`);
    expect((await arrange(kopru, 'registry:get', { id: existing.id })).people).toEqual([]);
  });
}

test('an error only the server can find (the record was deleted meanwhile) reads in English in the English interface', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  const districtId = await districtIdOf(kopru, '06', 'Çankaya');
  const draft = await arrange(kopru, 'registry:create', { name: 'Çankaya Umut Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId });

  await page.goto(`${kopru.harness.url}#/registry/${draft.id}`);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Edit association' });
  await form.getByRole('textbox', { name: 'Association name' }).fill('Çankaya Umut Gençlik ve Spor Kulübü Derneği');
  // Another window deletes the draft while this form is open.
  await arrange(kopru, 'registry:deleteDraft', { id: draft.id });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toContainText('A deleted record cannot be changed.');
  await expect(form.getByText('Silinmiş bir kayıt değiştirilemez.')).toHaveCount(0);
  await shot(page, 'server-conflict-en');
});
