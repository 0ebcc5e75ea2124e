import type { MessageText } from './text';

// Messages the installation backend sends a person (see ./index.ts).

export const installationMessages = {
  'installation.ilBulunamadi': {
    tr: 'İl bulunamadı.',
    en: 'Province not found.',
  },
  'installation.nameIlindeDistrictnameAdinda': {
    tr: '{name} ilinde "{districtName}" adında bir ilçe yok.',
    en: 'There is no district called "{districtName}" in {name}.',
  },
  'installation.veritabaniYalnizcaUygulamaninArka': {
    tr: 'Veritabanı yalnızca uygulamanın arka planında açılabilir.',
    en: 'The database can only be opened in the application\'s background process.',
  },
  'installation.anahtarlikYalnizcaUygulamaninArka': {
    tr: 'Anahtarlık yalnızca uygulamanın arka planında geri konabilir.',
    en: 'The keyring can only be put back in the application\'s background process.',
  },
  'installation.anahtarlarYalnizcaUygulamaninArka': {
    tr: 'Anahtarlar yalnızca uygulamanın arka planında geri konabilir.',
    en: 'The keys can only be put back in the application\'s background process.',
  },
  // A key file missing, damaged or not this installation's (electron/app/keyFiles.ts): one sentence per file.
  'installation.keyProblem': { tr: 'Bu kurulumun {file} {problem}. {means}', en: 'This installation’s {file} {problem}. {means}' },
  'installation.keyFile.identity': { tr: 'imza anahtarı (identity.key)', en: 'signing key (identity.key)' },
  'installation.keyFile.box': { tr: 'değişim dosyalarının şifre çözme anahtarı (box.key)', en: 'key that opens exchange files (box.key)' },
  'installation.keyFile.secret': { tr: 'TC Kimlik No gizli anahtarı (secret.key)', en: 'TC Kimlik No secret (secret.key)' },
  'installation.keyWrong.missing': { tr: 'veri klasöründe yok', en: 'is not in the data folder' },
  'installation.keyWrong.damaged': { tr: 'bozuk: dosya bir anahtar olarak okunamıyor', en: 'is damaged: the file cannot be read as a key' },
  'installation.keyWrong.replaced': {
    tr: 'bu kuruluma ait değil: veritabanının kaydettiği anahtarla uyuşmuyor',
    en: 'is not this installation’s: it does not match the key the database recorded',
  },
  'installation.keyMeans.identity': {
    tr: 'Bu anahtar olmadan kurulum değişim dosyalarını imzalayamaz.',
    en: 'Without it the installation cannot sign exchange files.',
  },
  'installation.keyMeans.box': {
    tr: 'Bu anahtar olmadan bu kuruluma gönderilen değişim dosyaları açılamaz; yenisini oluşturmak o dosyaları okunamaz hâle getirirdi.',
    en: 'Without it the exchange files sent to this installation cannot be opened; making a new one would make those files unreadable.',
  },
  'installation.keyMeans.secret': {
    tr: 'Bu anahtar olmadan TC Kimlik No ile mükerrer kayıt denetimi çalışmaz.',
    en: 'Without it, duplicate detection by TC Kimlik No does not work.',
  },
  'installation.keyFix.copy': {
    tr: 'Yedekler klasöründe bu kuruluma ait bir kopyası var: anahtar ekranından geri koyun.',
    en: 'The backups folder holds a copy that is this installation’s: put it back from the keys screen.',
  },
  'installation.keyFix.fromBackup': {
    tr: 'Dosyayı veri klasörünün bir yedeğinden yerine koyup Köprü’yü yeniden başlatın; yeni bir anahtar oluşturulmaz.',
    en: 'Put the file back from a backup of the data folder and restart Köprü; no new key is made.',
  },
  // The whole message for one, two or three files (there are three key files).
  'installation.keyError.1': {
    tr: '{p1} {fix} Sorun giderilene kadar kayıtlar okunabilir ama hiçbir şey kaydedilmez.',
    en: '{p1} {fix} Until the problem is fixed, records can be read but nothing is saved.',
  },
  'installation.keyError.2': {
    tr: '{p1} {p2} {fix} Sorun giderilene kadar kayıtlar okunabilir ama hiçbir şey kaydedilmez.',
    en: '{p1} {p2} {fix} Until the problem is fixed, records can be read but nothing is saved.',
  },
  'installation.keyError.3': {
    tr: '{p1} {p2} {p3} {fix} Sorun giderilene kadar kayıtlar okunabilir ama hiçbir şey kaydedilmez.',
    en: '{p1} {p2} {p3} {fix} Until the problem is fixed, records can be read but nothing is saved.',
  },
} as const satisfies Record<string, MessageText>;
