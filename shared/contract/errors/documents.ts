import type { MessageText } from './text';

// Messages of official documents and recorded EBYS numbers (issue #18; shared/documents; see ./index.ts).

export const documentsMessages = {
  'documents.stepLetterOtherUnit': {
    tr: 'Bu adımı {unit} attı; yazısının sayısını ve imzalı nüshasını o birim kaydeder.',
    en: "This step was taken by {unit}; that unit records its letter's number and signed copy.",
  },
  'documents.stepLetterNoLetter': { tr: 'Bu kayıt adımının resmî yazısı olmaz.', en: 'This kind of step has no official letter.' },
  'documents.stepNotFound': { tr: 'Adım bulunamadı; kayıt başka bir ekranda değişmiş olabilir.', en: 'The step was not found; the record may have changed on another screen.' },
  'documents.stepLetterPdf': {
    tr: 'İmzalı yazı PDF dosyası olmalı (EBYS\'den indirilen e-imzalı nüsha).',
    en: 'The signed letter must be a PDF file (the e-signed copy downloaded from EBYS).',
  },
  'documents.stepLetterFileName': { tr: 'Dosyanın adı eksik.', en: "The file's name is missing." },
  'documents.ebysEmpty': { tr: 'EBYS sayısını yazın.', en: 'Enter the EBYS number.' },
  'documents.ebysShape': {
    tr: 'EBYS sayısı "E-DETSİS no-dosya kodu-kayıt no" biçiminde olmalı, örneğin E-67915368-903.07.02-4752.',
    en: 'An EBYS number has the form "E-DETSİS no-file code-record no", for example E-67915368-903.07.02-4752.',
  },
  'documents.ebysDetsis': {
    tr: 'EBYS sayısının ikinci bölümü birimin 8 haneli DETSİS numarası olmalı.',
    en: "The second part of an EBYS number must be the unit's 8-digit DETSİS number.",
  },
  'documents.ebysFileCode': {
    tr: 'EBYS sayısının üçüncü bölümü standart dosya planı kodu olmalı, örneğin 903.07.02.',
    en: 'The third part of an EBYS number must be a standard file plan code, for example 903.07.02.',
  },
  'documents.ebysRecordNo': { tr: 'EBYS sayısının son bölümü yalnızca rakamlardan oluşan kayıt numarası olmalı.', en: 'The last part of an EBYS number must be the record number, digits only.' },
  'documents.ebysOtherUnit': {
    tr: 'Bu EBYS sayısı başka bir birimin ({detsis}); {unit} biriminin DETSİS numarası {expected}. Sayıyı imzalanan yazıdan kontrol edin.',
    en: "This EBYS number belongs to another unit ({detsis}); the DETSİS number of {unit} is {expected}. Check the number on the signed letter.",
  },
  'documents.detsisFormat': { tr: 'DETSİS numarası 8 haneli olmalı.', en: 'The DETSİS number has 8 digits.' },
  'documents.institutionEmpty': { tr: 'Kurumun adını yazın.', en: 'Enter the institution.' },
  'documents.institutionLong': { tr: 'Kurum adı en fazla 120 karakter olabilir.', en: 'The institution can be at most 120 characters.' },
  'documents.unitLong': { tr: 'Birim adı en fazla 160 karakter olabilir.', en: 'The unit can be at most 160 characters.' },
  'documents.fileCodeFormat': { tr: 'Dosya planı kodu 903.07.02 biçiminde olmalı.', en: 'A file plan code has the form 903.07.02.' },
  'documents.urgency': {
    tr: 'Resmî yazıda "{word}" ibaresi kullanılamaz (Resmî Yazışma Yönetmeliği).',
    en: 'An official letter cannot carry "{word}" (Official Correspondence Regulation).',
  },
  'documents.letterheadMissing': {
    tr: 'Resmî yazı bilgileri (başlık, DETSİS numarası, imza yetkilisi) Ayarlar → Resmî yazı bölümünde girilmemiş.',
    en: 'The official letter details (letterhead, DETSİS number, signatory) have not been entered under Settings → Official letters.',
  },
} as const satisfies Record<string, MessageText>;
