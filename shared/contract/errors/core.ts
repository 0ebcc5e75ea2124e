import type { MessageText } from './text';

// Messages of the contract itself: the default text of each error code, what the dispatcher says about bad
// input, and zod's own issues (built from the code and numbers; the field's label is added by the
// reader).

export const coreMessages = {
  'code.VALIDATION': {
    tr: 'Girilen bilgiler geçersiz. İşaretli alanları düzeltip yeniden deneyin.',
    en: 'Some of the information entered is not valid. Correct the marked fields and try again.',
  },
  'code.NOT_FOUND': {
    tr: 'Aranan kayıt bulunamadı; silinmiş ya da hiç oluşturulmamış olabilir.',
    en: 'The record was not found; it may have been deleted or never created.',
  },
  'code.CONFLICT': {
    tr: 'Bu işlem kaydın şimdiki durumuyla çelişiyor; hiçbir şey değiştirilmedi.',
    en: 'This action conflicts with the current state of the record; nothing was changed.',
  },
  'code.SIGNED_OUT': {
    tr: 'Oturum kapalı ya da ekran kilitli; devam etmek için oturum açın. Hiçbir şey değiştirilmedi.',
    en: 'You are signed out or the screen is locked; sign in to continue. Nothing was changed.',
  },
  'code.FORBIDDEN': { tr: 'Bu kurulumun bu işlemi yapma yetkisi yok.', en: 'This installation is not allowed to do this.' },
  'code.NOT_INITIALISED': {
    tr: 'Kurulum henüz tamamlanmadı. Önce bu kurulumun hangi birime hizmet verdiğini seçin.',
    en: 'Setup is not finished yet. First choose which unit this installation serves.',
  },
  'code.ALREADY_INITIALISED': {
    tr: 'Bu kurulum zaten tamamlanmış; birim sessizce değiştirilemez.',
    en: 'This installation is already set up; its unit cannot be changed silently.',
  },
  'code.DB_UNAVAILABLE': {
    tr: 'Veritabanı açılamadı. Veriler korunuyor; ayrıntılar için hata ekranına bakın.',
    en: 'The database could not be opened. The data is kept safe; see the error screen for details.',
  },
  'code.KEYS_UNAVAILABLE': {
    tr: 'Bu kurulumun anahtar dosyalarından biri eksik ya da bozuk; dosya geri konana kadar hiçbir şey kaydedilmiyor. Ayrıntılar için anahtar ekranına bakın.',
    en: 'One of this installation’s key files is missing or damaged; nothing is saved until the file is put back. See the keys screen for details.',
  },
  'code.UNKNOWN_CHANNEL': { tr: 'Bilinmeyen işlem.', en: 'Unknown action.' },
  'code.BUSY': {
    tr: 'Başka bir uzun işlem sürüyor; o bitince yeniden deneyin. Hiçbir şey değiştirilmedi.',
    en: 'Another long task is running; try again when it has finished. Nothing was changed.',
  },
  'code.CANCELLED': { tr: 'İşlem iptal edildi; hiçbir şey değiştirilmedi.', en: 'The task was cancelled; nothing was changed.' },
  'code.INTERNAL': {
    tr: 'Beklenmeyen bir hata oluştu; hiçbir şey değiştirilmedi. Sorun sürerse yöneticinize bildirin.',
    en: 'An unexpected error occurred; nothing was changed. If it happens again, tell your administrator.',
  },

  // The message is the list of its issues ("Label: message …"), composed by the reader in its language.
  'issues.list': { tr: '{list}', en: '{list}' },
  // The same without the labels: each message names its field itself.
  'issues.plainList': { tr: '{list}', en: '{list}' },
  /** A list of words, each in the reader's language (`listOf` in ./index.ts builds it). */
  'list.more': { tr: '{first}, {rest}', en: '{first}, {rest}' },
  'list.moreSemicolon': { tr: '{first}; {rest}', en: '{first}; {rest}' },
  'validation.list': { tr: 'Girilen bilgiler geçersiz. {list}', en: 'Some of the information entered is not valid. {list}' },
  'validation.listMore': {
    tr: 'Girilen bilgiler geçersiz. {list} (ve {more} sorun daha)',
    en: 'Some of the information entered is not valid. {list} (and {more} more problems)',
  },
  'validation.unreadable': {
    tr: 'Girilen bilgiler okunamadı: biçimi ya da büyüklüğü beklenenin dışında.',
    en: 'The information sent could not be read: its form or size is not what was expected.',
  },
  'validation.tooManyItems': {
    tr: 'Çok fazla öğe: {count} (en fazla {max}).',
    en: 'Too many items: {count} (at most {max}).',
  },
  'dispatch.unknownChannel': { tr: 'Bilinmeyen işlem: {channel}', en: 'Unknown action: {channel}' },
  'dispatch.damaged': {
    tr: 'Veritabanı dosyasında hasar bulundu. Verilerinizi korumak için bundan sonra hiçbir şey yazılmıyor; Ayarlar ekranındaki ya da hata ekranındaki yedeklerden birini geri yükleyin.',
    en: 'The database file is damaged. To protect your data nothing more is written; restore one of the backups from the Settings screen or the error screen.',
  },
  'dispatch.revealTcRole': {
    tr: "{role} rolündeki kullanıcılar TC Kimlik No'yu açamaz; açmak için uzman ya da yönetici hesabıyla oturum açın.",
    en: 'Users with the {roleEn} role cannot reveal a TC identity number; sign in with a specialist or administrator account to do so.',
  },
  'dispatch.adminOnly': {
    tr: 'Bu işlemi yalnızca yönetici rolündeki kullanıcılar yapabilir. Hiçbir şey değiştirilmedi.',
    en: 'Only users with the administrator role can do this. Nothing was changed.',
  },
  'dispatch.readOnlyRole': {
    tr: '{role} rolündeki kullanıcılar kayıt değiştiremez; bu işlem için uzman ya da yönetici hesabıyla oturum açın. Hiçbir şey değiştirilmedi.',
    en: 'Users with the {roleEn} role cannot change records; sign in with a specialist or administrator account for this. Nothing was changed.',
  },
  'bridge.missing': {
    tr: 'Uygulamanın arka planına bağlantı kurulamadı. Uygulamayı yeniden başlatın.',
    en: 'Could not connect to the application’s background process. Restart the application.',
  },
  'bridge.unreachable': {
    tr: 'Uygulamanın arka planına ulaşılamadı. Uygulamayı yeniden başlatın.',
    en: 'The application’s background process could not be reached. Restart the application.',
  },

  'zod.required': { tr: 'Bu alan zorunlu.', en: 'This field is required.' },
  'zod.type.string': { tr: 'Bu alan metin olmalı.', en: 'This field must be text.' },
  'zod.type.number': { tr: 'Bu alan sayı olmalı.', en: 'This field must be a number.' },
  'zod.type.int': { tr: 'Bu alan tam sayı olmalı.', en: 'This field must be a whole number.' },
  'zod.type.boolean': { tr: 'Bu alan evet/hayır olmalı.', en: 'This field must be yes or no.' },
  'zod.type.object': { tr: 'Bu alan kayıt olmalı.', en: 'This field must be a record.' },
  'zod.type.array': { tr: 'Bu alan liste olmalı.', en: 'This field must be a list.' },
  'zod.type.other': { tr: 'Bu alanın türü geçersiz ({type}).', en: 'This field has the wrong type ({type}).' },
  'zod.tooSmall.string': { tr: 'En az {minimum} karakter olmalı.', en: 'Must be at least {minimum} characters.' },
  'zod.tooSmall.array': { tr: 'En az {minimum} öğe seçilmeli.', en: 'Choose at least {minimum} items.' },
  'zod.tooSmall.number': { tr: 'En az {minimum} olmalı.', en: 'Must be at least {minimum}.' },
  'zod.tooBig.string': { tr: 'En fazla {maximum} karakter olabilir.', en: 'Can be at most {maximum} characters.' },
  'zod.tooBig.array': { tr: 'En fazla {maximum} öğe olabilir.', en: 'Can have at most {maximum} items.' },
  'zod.tooBig.number': { tr: 'En fazla {maximum} olabilir.', en: 'Can be at most {maximum}.' },
  'zod.invalidValue': { tr: 'Şunlardan biri olmalı: {values}.', en: 'Must be one of: {values}.' },
  'zod.unrecognizedKeys': { tr: 'Bilinmeyen alan: {keys}.', en: 'Unknown field: {keys}.' },
  'zod.invalidUnion': { tr: 'Bu alanın değeri geçersiz.', en: 'The value of this field is not valid.' },
  'zod.invalidFormat': { tr: 'Bu alanın biçimi geçersiz.', en: 'The format of this field is not valid.' },
  'zod.invalid': { tr: 'Bu alanın değeri geçersiz.', en: 'The value of this field is not valid.' },
} as const satisfies Record<string, MessageText>;
