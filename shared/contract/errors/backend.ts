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
  // Why the database cannot be opened (db/open.ts, electron/app/context.ts, the backend): the data is kept safe.
  'backend.dbOpen.unknownSchema': {
    tr: "Bu veritabanının şema sürümü tanınmıyor ({version}); Köprü'nün yazdığı bir sürüm değil. Veriler korunuyor ve hiçbir şey değiştirilmedi; son yedekten geri yükleyin ya da yöneticinize başvurun.",
    en: 'This database’s schema version is not known ({version}); it is not one Köprü writes. The data is kept safe and nothing was changed; restore the latest backup or contact your administrator.',
  },
  'backend.dbOpen.newerSchema': {
    tr: "Bu veritabanı Köprü'nün daha yeni bir sürümüyle yazılmış (şema {version}, bu sürüm {known}). Veriler korunuyor ve hiçbir şey değiştirilmedi; lütfen Köprü'yü güncelleyin.",
    en: 'This database was written by a newer version of Köprü (schema {version}, this version {known}). The data is kept safe and nothing was changed; please update Köprü.',
  },
  'backend.dbOpen.corrupt': {
    tr: 'Veritabanı dosyası bozuk, bir Köprü veritabanı değil ya da bu kurulumun anahtarıyla şifrelenmemiş. Dosyanın üzerine yazılmadı; son yedekten geri yükleyin ya da yöneticinize başvurun.',
    en: 'The database file is damaged, is not a Köprü database, or is not encrypted with this installation’s key. The file was not overwritten; restore the latest backup or contact your administrator.',
  },
  'backend.dbOpen.unreadable': {
    tr: 'Veritabanı dosyası okunamadı ({code}). Dosyanın üzerine yazılmadı; klasör izinlerini ve diskin dolu olmadığını kontrol edin.',
    en: 'The database file could not be read ({code}). The file was not overwritten; check the folder’s permissions and that the disk is not full.',
  },
  'backend.dbOpen.unknownError': { tr: 'bilinmeyen hata', en: 'unknown error' },
  'backend.dbOpen.keyNotOpened': {
    tr: 'Veritabanının anahtarı açılmadı; hiçbir şey değiştirilmedi.',
    en: 'The database’s key was not unlocked; nothing was changed.',
  },
  'backend.dbOpen.damagedAtOpen': {
    tr: 'Veritabanı dosyasında hasar bulundu; dosya açılırken okunan bir bölümü bozuk. Dosyanın üzerine yazılmadı; aşağıdaki yedeklerden birini geri yükleyin ya da yöneticinize başvurun.',
    en: 'Damage was found in the database file: a part read while opening it is damaged. The file was not overwritten; restore one of the backups below or contact your administrator.',
  },
  'backend.dbOpen.failed': {
    tr: 'Veritabanı açılamadı ({code}). Dosyanın üzerine yazılmadı; diskte yer olduğunu ve klasörün izinlerini kontrol edin, sonra yeniden deneyin.',
    en: 'The database could not be opened ({code}). The file was not overwritten; check that the disk has space and the folder’s permissions, then try again.',
  },
  'backend.dbOpen.keyringUnreadable': {
    tr: 'Anahtarlık dosyası (keyring.json) okunamadı ya da yazılamadı; klasör izinlerini denetleyip yeniden deneyin. Hiçbir şey değiştirilmedi.',
    en: 'The keyring file (keyring.json) could not be read or written; check the folder’s permissions and try again. Nothing was changed.',
  },
  'backend.dbOpen.restoreUnfinished': {
    tr: 'Yarım kalmış bir geri yükleme tamamlanamadı: veri klasöründeki dosyalardan biri başka bir programda açık olabilir. O programı kapatıp Köprü’yü yeniden başlatın; hiçbir şey silinmedi.',
    en: 'A restore that was cut short could not be finished: one of the files in the data folder may be open in another program. Close that program and restart Köprü; nothing was deleted.',
  },
  'backend.dbOpen.restoreStuck': {
    tr: 'Geri yükleme yarıda kaldı ve dosyalar eski yerlerine konamadı; hiçbir şey silinmedi. Veri klasöründeki dosyaları açık tutan programı kapatıp Köprü’yü yeniden başlatın.',
    en: 'The restore stopped part way and the files could not be put back where they were; nothing was deleted. Close the program holding the data folder’s files open and restart Köprü.',
  },
  // Why the data key cannot be unlocked (electron/app/keyring.ts), by reason.
  'backend.keyLock.needsPassphrase': {
    tr: 'Veritabanı şifreli ve bu bilgisayarın anahtar deposu anahtarını açamıyor (başka bir bilgisayar ya da kullanıcı hesabı olabilir). Kurtarma parolasını girin; hiçbir şey değiştirilmedi.',
    en: 'The database is encrypted and this computer’s key store cannot unlock its key (this may be another computer or user account). Enter the recovery passphrase; nothing was changed.',
  },
  'backend.keyLock.wrongPassphrase': {
    tr: 'Kurtarma parolası yanlış; veritabanı açılmadı ve hiçbir şey değiştirilmedi.',
    en: 'The recovery passphrase is wrong; the database was not opened and nothing was changed.',
  },
  'backend.keyLock.noWayIn': {
    tr: 'Veritabanının anahtarı bu bilgisayarın anahtar deposuyla açılamıyor ve hiç kurtarma parolası belirlenmemiş. Kurulumun yapıldığı bilgisayarda ve kullanıcı hesabında açın; hiçbir şey silinmedi.',
    en: 'The database’s key cannot be unlocked with this computer’s key store, and no recovery passphrase was ever set. Open it on the computer and user account where it was set up; nothing was deleted.',
  },
  'backend.keyLock.keyringMissing': {
    tr: 'Veritabanı şifreli ama anahtarlık dosyası (keyring.json) veri klasöründe yok. Yedekler klasöründeki kopyasını geri koyun ya da veri klasörünün bir yedeğinden getirin; hiçbir şey silinmedi ve yeni bir anahtar yaratılmadı.',
    en: 'The database is encrypted but the keyring file (keyring.json) is not in the data folder. Put back its copy from the backups folder or bring it from a backup of the data folder; nothing was deleted and no new key was made.',
  },
  'backend.keyLock.keyringDamaged': {
    tr: 'Anahtarlık dosyası (keyring.json) bozuk. Yedekler klasöründeki kopyasını geri koyun ya da veri klasörünün bir yedeğinden getirin; hiçbir şey silinmedi.',
    en: 'The keyring file (keyring.json) is damaged. Put back its copy from the backups folder or bring it from a backup of the data folder; nothing was deleted.',
  },
  // Another Köprü holds the data folder (db/lock.ts).
  'backend.lock.held': {
    tr: 'Bu veri klasörü başka bir Köprü tarafından kullanılıyor ({who}). O program kapandıktan sonra yeniden deneyin. Veriler korunuyor; hiçbir şey değiştirilmedi.',
    en: 'This data folder is in use by another Köprü ({who}). Try again after that program has closed. The data is kept safe; nothing was changed.',
  },
  'backend.lock.holder': { tr: '{holder}, süreç {pid}{host}{since}', en: '{holder}, process {pid}{host}{since}' },
  'backend.lock.host': { tr: ', bilgisayar {host}', en: ', computer {host}' },
  'backend.lock.since': { tr: ', {at} itibarıyla', en: ', since {at}' },
  'backend.lock.holder.app': { tr: 'Köprü masaüstü uygulaması', en: 'the Köprü desktop app' },
  'backend.lock.holder.cli': { tr: 'kopru komut satırı', en: 'the kopru command line' },
  'backend.lock.holder.harness': { tr: 'Köprü tarayıcı arayüzü', en: 'the Köprü browser interface' },
  'backend.lock.holder.test': { tr: 'bir test', en: 'a test' },
  'backend.lock.otherKopru': { tr: 'başka bir Köprü', en: 'another Köprü' },
  'backend.lock.unwritable': {
    tr: 'Veri klasörü kullanılamıyor ({reason}): {dir}. Klasörün var olduğunu, bu kullanıcının yazma iznine sahip olduğunu ve diskte yer olduğunu kontrol edin; hiçbir şey değiştirilmedi.',
    en: 'The data folder cannot be used ({reason}): {dir}. Check that the folder exists, that this user may write to it and that the disk has space; nothing was changed.',
  },
  'backend.lock.noWriteAccess': { tr: 'yazma izni yok', en: 'no permission to write' },
  'backend.keys.noCopy': {
    tr: 'Yedekler klasöründe bu kuruluma ait bir anahtar kopyası yok. Dosyayı veri klasörünün bir yedeğinden yerine koyup yeniden deneyin; hiçbir şey değiştirilmedi.',
    en: 'The backups folder holds no copy of a key of this installation. Put the file back from a backup of the data folder and try again; nothing was changed.',
  },
  'backend.keys.restoreFailed': {
    tr: 'Anahtar kopyası yerine konamadı: veri klasörüne yazılamıyor (izinleri ya da dosyayı açık tutan bir programı denetleyin). Hiçbir anahtar silinmedi; yeniden deneyin.',
    en: 'The key copy could not be put back: the data folder cannot be written to (check its permissions, or a program keeping the file open). No key was deleted; try again.',
  },
  // Answers the main process gives without the backend (electron/backend/host.ts, electron/shell/dialogs.ts).
  'backend.gone': {
    tr: 'Uygulamanın arka planı beklenmedik biçimde durdu; bu işlem yapılmadı. Köprü’yü yeniden başlatın.',
    en: 'The application’s background process stopped unexpectedly; this action was not done. Restart Köprü.',
  },
  'backend.requestUnreadable': { tr: 'İstek okunamadı.', en: 'The request could not be read.' },
  'backend.fileDialogInvalid': { tr: 'Dosya seçme isteği geçersiz.', en: 'The request to choose a file is not valid.' },
} as const satisfies Record<string, MessageText>;
