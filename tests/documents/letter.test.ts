import { describe, expect, it } from 'vitest';
import {
  addresseeOf, attachmentLines, closingSentence, DRAFT_NUMBER_TEXT, forbiddenUrgency, genitive, headerLines, letterParts,
  referenceLines, signatureLines, signatureName, type Letter,
} from '../../shared/documents/letter';
import { authorityName, defaultLetterhead, toLetterhead } from '../../shared/documents/letterhead';

// The Resmî Yazışma rules as the letter layer applies them (RG 10.06.2020/31151; DOMAIN.md §9a;
// docs/DOCUMENTS.md): each part's text, independent of the page.

const letterhead = {
  institution: 'Ankara Valiliği', unit: 'Gençlik ve Spor İl Müdürlüğü', detsisNo: '12345678',
  address: 'Kızılay Mah. Gazi Mustafa Kemal Blv. No: 1 Çankaya/ANKARA', phone: '0312 000 00 00', email: 'ankara@gsb.gov.tr', kep: 'gsb@hs01.kep.tr', contact: 'Ayşe Demir, Şef',
};

function letter(patch: Partial<Letter> = {}): Letter {
  return {
    letterhead,
    number: { kind: 'draft' },
    subject: 'İşbirliği ve İstişare Toplantısı',
    addressee: ['Işıklı Gençlik Derneği Başkanlığına', 'Çankaya/ANKARA'],
    references: [],
    paragraphs: ['Toplantı 14.05.2026 tarihinde yapılacaktır.'],
    rank: 'outside',
    closing: 'info',
    signatory: { name: 'Mehmet Ali Işık', title: 'İl Müdürü', onBehalfOf: 'Vali' },
    attachments: [],
    distribution: { action: [], information: [] },
    ...patch,
  };
}

describe('the letter rules', () => {
  it('header: "T.C.", the institution in Turkish capitals, then the unit as written', () => {
    expect(headerLines(letterhead)).toEqual(['T.C.', 'ANKARA VALİLİĞİ', 'Gençlik ve Spor İl Müdürlüğü']);
    expect(headerLines({ ...letterhead, institution: 'gençlik ve spor bakanlığı', unit: '' })).toEqual(['T.C.', 'GENÇLİK VE SPOR BAKANLIĞI']);
  });

  it('a draft leaves the sayı and the date to EBYS; a recorded letter prints its EBYS sayı and its date as GG.AA.YYYY', () => {
    const draft = letterParts(letter());
    expect(draft.number).toBe('Sayı : (EBYS tarafından verilecektir)');
    expect(draft.number).toBe(DRAFT_NUMBER_TEXT);
    expect(draft.date).toBe('');
    const recorded = letterParts(letter({ number: { kind: 'recorded', sayi: 'E-12345678-903.07.02-4752', date: '2026-05-02' } }));
    expect(recorded.number).toBe('Sayı : E-12345678-903.07.02-4752');
    expect(recorded.date).toBe('02.05.2026');
    expect(recorded.subject).toBe('Konu : İşbirliği ve İstişare Toplantısı');
  });

  it('closes by rank: "arz ederim" upward and to equals, "rica ederim" downward and outside the administration', () => {
    expect(closingSentence('superior', 'info')).toBe('Bilgilerinize arz ederim.');
    expect(closingSentence('equal', 'action')).toBe('Gereğini arz ederim.');
    expect(closingSentence('subordinate', 'info')).toBe('Bilgilerinizi rica ederim.');
    expect(closingSentence('outside', 'infoAndAction')).toBe('Bilgilerinizi ve gereğini rica ederim.');
    expect(closingSentence('superior', 'infoAndAction')).toBe('Bilgilerinizi ve gereğini arz ederim.');
    // Distributed to public bodies and associations together: both verbs (art. 16 of the 2020 rules).
    expect(closingSentence('mixed', 'info')).toBe('Bilgilerinizi arz ve rica ederim.');
    expect(closingSentence('mixed', 'infoAndAction')).toBe('Bilgilerinizi ve gereğini arz ve rica ederim.');
  });

  it('an open last paragraph is finished by the closing; a finished one is followed by it', () => {
    const open = letterParts(letter({ paragraphs: ['Toplantıya katılım sağlanması hususunda'], rank: 'superior' }));
    expect(open.paragraphs).toEqual(['Toplantıya katılım sağlanması hususunda bilgilerinize arz ederim.']);
    const closed = letterParts(letter());
    expect(closed.paragraphs).toEqual(['Toplantı 14.05.2026 tarihinde yapılacaktır.', 'Bilgilerinizi rica ederim.']);
  });

  it('signature: the surname in capitals, "<holder> a." when signed on behalf, then the title', () => {
    expect(signatureName('mehmet ali ışık')).toBe('mehmet ali IŞIK');
    expect(signatureName('Ayşe İnce')).toBe('Ayşe İNCE');
    expect(signatureLines({ name: 'Mehmet Ali Işık', title: 'İl Müdürü', onBehalfOf: 'Vali' })).toEqual(['Mehmet Ali IŞIK', 'Vali a.', 'İl Müdürü']);
    expect(signatureLines({ name: 'Zeynep Güler', title: 'Daire Başkanı', onBehalfOf: null })).toEqual(['Zeynep GÜLER', 'Daire Başkanı']);
    expect(letterParts(letter({ signatory: null })).signature).toEqual([]);
  });

  it('ekler: "Ek :" for one, "Ekler :" with a numbered list for several; none prints nothing', () => {
    expect(attachmentLines([])).toEqual([]);
    expect(attachmentLines(['Davetli listesi (1 sayfa)'])).toEqual(['Ek : Davetli listesi (1 sayfa)']);
    expect(attachmentLines(['Gündem', 'Davetli listesi'])).toEqual(['Ekler :', '1- Gündem', '2- Davetli listesi']);
  });

  it('ilgi: one reference on its own, several lettered a), b), c) in the Turkish alphabet', () => {
    expect(referenceLines(['Bakanlığın 02.01.2026 tarihli ve E-1-2-3 sayılı yazısı.'])).toEqual(['İlgi : Bakanlığın 02.01.2026 tarihli ve E-1-2-3 sayılı yazısı.']);
    expect(referenceLines(['x', 'y', 'z'])).toEqual(['İlgi : a) x', 'b) y', 'c) z']);
  });

  it('dağıtım is split into Gereği and Bilgi, and omitted for a letter to one addressee', () => {
    expect(letterParts(letter()).distribution).toBeNull();
    const parts = letterParts(letter({ addressee: ['DAĞITIM YERLERİNE'], distribution: { action: ['Hacettepe Üniversitesi Rektörlüğüne'], information: ['Ankara Valiliğine'] } }));
    expect(parts.addressee).toEqual(['DAĞITIM YERLERİNE']);
    expect(parts.distribution).toEqual({ action: ['Hacettepe Üniversitesi Rektörlüğüne'], information: ['Ankara Valiliğine'] });
  });

  it('the addressee is in capitals (Turkish İ and I), the address lines as written', () => {
    expect(letterParts(letter()).addressee).toEqual(['IŞIKLI GENÇLİK DERNEĞİ BAŞKANLIĞINA', 'Çankaya/ANKARA']);
  });

  it('refuses the urgency marks the rules dropped ("ÇOK ACELE", "İVEDİ"), in any case, but not words that contain them', () => {
    expect(forbiddenUrgency('ÇOK ACELE')).toBe('ÇOK ACELE');
    expect(forbiddenUrgency('Konu ivedi olarak görüşülecek')).toBe('İVEDİ');
    expect(forbiddenUrgency('İvedilikle')).toBeNull();
    expect(forbiddenUrgency('Acele ile ilgisi olmayan bir konu')).toBeNull();
    expect(() => letterParts(letter({ subject: 'ÇOK ACELE toplantı' }))).toThrow(/ÇOK ACELE/);
    expect(() => letterParts(letter({ paragraphs: ['Bu iş ivedi.'] }))).toThrow(/İVEDİ/);
  });

  it('the footer block carries the address, the contact lines and whom to ask', () => {
    expect(letterParts(letter()).footer).toEqual([
      'Adres: Kızılay Mah. Gazi Mustafa Kemal Blv. No: 1 Çankaya/ANKARA',
      'Telefon: 0312 000 00 00 · E-posta: ankara@gsb.gov.tr · KEP: gsb@hs01.kep.tr',
      'Bilgi için: Ayşe Demir, Şef',
    ]);
  });

  it('addresses organisations to their head office in the dative', () => {
    expect(addresseeOf('Işıklı Gençlik ve Şehir Derneği')).toBe('Işıklı Gençlik ve Şehir Derneği Başkanlığına');
    expect(addresseeOf('Hacettepe Üniversitesi')).toBe('Hacettepe Üniversitesi Rektörlüğüne');
    expect(addresseeOf('Çankaya Belediyesi')).toBe('Çankaya Belediye Başkanlığına');
    expect(addresseeOf('Ankara İl Milli Eğitim Müdürlüğü')).toBe('Ankara İl Milli Eğitim Müdürlüğüne');
    expect(addresseeOf('Kızılay Genel Müdürlüğü')).toBe('Kızılay Genel Müdürlüğüne');
    expect(addresseeOf('Ankara Valiliği')).toBe('Ankara Valiliğine');
    expect(addresseeOf('Gençlik ve Spor Bakanlığı')).toBe('Gençlik ve Spor Bakanlığına');
  });

  it('cites an authority in the genitive by vowel harmony', () => {
    expect(genitive('Gençlik ve Spor Bakanlığı')).toBe('Gençlik ve Spor Bakanlığının');
    expect(genitive('Ankara Valiliği')).toBe('Ankara Valiliğinin');
    expect(genitive('İstanbul Valiliği')).toBe('İstanbul Valiliğinin');
  });

  it('a unit with no saved letterhead gets the lines of its kind, and no DETSİS number or signatory is invented', () => {
    const province = defaultLetterhead('province:35');
    expect(headerLines(toLetterhead(province))).toEqual(['T.C.', 'İZMİR VALİLİĞİ', 'Gençlik ve Spor İl Müdürlüğü']);
    expect(province.detsisNo).toBeNull();
    expect(province.signatoryName).toBeNull();
    expect(headerLines(toLetterhead(defaultLetterhead('ministry')))).toEqual(['T.C.', 'GENÇLİK VE SPOR BAKANLIĞI', 'Gençlik Hizmetleri Genel Müdürlüğü']);
    expect(authorityName(defaultLetterhead('ministry'))).toBe('Gençlik ve Spor Bakanlığı');
    expect(authorityName(province)).toBe('İzmir Valiliği');
  });
});
