import type { MessageText } from './text';

// Messages the backend backend sends a person (see ./index.ts).

export const backendMessages = {
  'backend.yedeklerKlasorundeAnahtarliginKeyring': {
    tr: 'Yedekler klasöründe anahtarlığın (keyring.json) bir kopyası yok. Veri klasörünün bir yedeğinden getirip yeniden deneyin; hiçbir şey değiştirilmedi.',
    en: 'The backups folder has no copy of the keyring (keyring.json). Bring one from a backup of the data folder and try again; nothing was changed.',
  },
  'backend.buAdlaBirYedek': {
    tr: 'Bu adla bir yedek yok; listeyi yenileyip yeniden seçin. Şu anki veritabanına dokunulmadı.',
    en: 'There is no backup with this name; refresh the list and choose again. The current database was not touched.',
  },
  'backend.yedekGeriYuklenemediVeritabani': {
    tr: 'Yedek geri yüklenemedi: veritabanı dosyası başka bir programda açık olabilir. Şu anki veritabanı yerinde bırakıldı; o programı kapatıp yeniden deneyin.',
    en: 'The backup could not be restored: the database file may be open in another program. The current database was left in place; close that program and try again.',
  },
  // What a running job is doing, named inside `backend.suAndaWhatO`.
  'backend.running.exchange-export': { tr: 'bir değişim dosyası hazırlanıyor', en: 'an exchange file is being written' },
  'backend.running.exchange-import': { tr: 'bir değişim dosyası okunuyor', en: 'an exchange file is being read' },
  'backend.running.spreadsheet-import': { tr: 'bir tablo içe aktarılıyor', en: 'a spreadsheet is being imported' },
  'backend.running.backup': { tr: 'yedek alınıyor', en: 'a backup is being taken' },
  'backend.running.restore': { tr: 'yedek geri yükleniyor', en: 'a backup is being restored' },
  'backend.running.demo': { tr: 'örnek veri yükleniyor', en: 'demo data is being loaded' },
  'backend.running.other': { tr: 'başka bir uzun işlem sırada', en: 'another long task is waiting its turn' },
  'backend.suAndaWhatO': {
    tr: 'Şu anda {what}. O bitince yeniden deneyin; hiçbir şey değiştirilmedi.',
    en: 'Right now {what}. Try again when it has finished; nothing was changed.',
  },
  'backend.goruntuleyiciRolundekiKullanicilarOrnek': {
    tr: 'Görüntüleyici rolündeki kullanıcılar örnek veri yükleyemez.',
    en: 'Users with the viewer role cannot load sample data.',
  },
} as const satisfies Record<string, MessageText>;
