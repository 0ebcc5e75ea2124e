import type { MessageText } from './text';

// Messages the backups backend sends a person (see ./index.ts).

export const backupsMessages = {
  'backups.geriYuklemeYalnizcaUygulamanin': {
    tr: 'Geri yükleme yalnızca uygulamanın arka planında yapılabilir.',
    en: 'A restore can only be done in the application\'s background process.',
  },
  // Why a backup is not restored (db/backups.ts); the current database is left as it was.
  'backups.refused.missing': {
    tr: 'Yedek dosyası bulunamadı; silinmiş ya da taşınmış olabilir. Şu anki veritabanına dokunulmadı.',
    en: 'The backup file was not found; it may have been deleted or moved. The current database was not touched.',
  },
  'backups.refused.notADatabase': {
    tr: 'Seçilen dosya bir veritabanı yedeği değil. Şu anki veritabanına dokunulmadı.',
    en: 'The chosen file is not a database backup. The current database was not touched.',
  },
  'backups.refused.damaged': {
    tr: 'Yedek dosyası bozuk (bütünlük denetimi geçmedi); geri yüklenmedi. Başka bir yedek seçin. Şu anki veritabanına dokunulmadı.',
    en: 'The backup file is damaged (it failed the integrity check) and was not restored. Choose another backup. The current database was not touched.',
  },
  'backups.refused.newerSchema': {
    tr: 'Bu yedek Köprü’nün daha yeni bir sürümüyle alınmış; önce Köprü’yü güncelleyin. Şu anki veritabanına dokunulmadı.',
    en: 'This backup was taken by a newer version of Köprü; update Köprü first. The current database was not touched.',
  },
  'backups.refused.notKopru': {
    tr: 'Bu dosya bir Köprü veritabanı yedeği değil. Şu anki veritabanına dokunulmadı.',
    en: 'This file is not a Köprü database backup. The current database was not touched.',
  },
  'backups.refused.otherInstallation': {
    tr: 'Bu yedek başka bir Köprü kurulumuna ait; yalnızca bu kurulumun yedekleri geri yüklenebilir. Şu anki veritabanına dokunulmadı.',
    en: 'This backup belongs to another Köprü installation; only this installation’s backups can be restored. The current database was not touched.',
  },
} as const satisfies Record<string, MessageText>;
