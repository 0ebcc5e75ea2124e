import type { MessageText } from './text';

// Messages the sync backend sends a person (see ./index.ts).

export const syncMessages = {
  'sync.cakismaKaydiBulunamadi': {
    tr: 'Çakışma kaydı bulunamadı.',
    en: 'The conflict record was not found.',
  },
  'sync.buCakismaZatenCozulmus': {
    tr: 'Bu çakışma zaten çözülmüş.',
    en: 'This conflict is already resolved.',
  },
  'sync.buKayitBaskaBir': {
    tr: 'Bu kayıt başka bir birime ait; çakışmayı yalnızca kaydın sahibi çözebilir.',
    en: 'This record belongs to another unit; only the record\'s owner can resolve the conflict.',
  },
  'sync.cakisanTabloBuSurumde': {
    tr: 'Çakışan tablo bu sürümde yok.',
    en: 'The conflicting table does not exist in this version.',
  },
  'sync.bekletilenDegisiklikKaydiBulunamadi': {
    tr: 'Bekletilen değişiklik kaydı bulunamadı ya da zaten kabul edilmiş.',
    en: 'The held change was not found or has already been accepted.',
  },
  'sync.buAdlaBirDosya': {
    tr: 'Bu adla bir dosya zaten var: {value}. Başka bir ad seçin.',
    en: 'A file with this name already exists: {value}. Choose another name.',
  },
  'sync.buBirKopruTanitim': {
    tr: 'Bu bir Köprü tanıtım dosyası değil ya da okunamadı.',
    en: 'This is not a Köprü introduction file, or it could not be read.',
  },
  'sync.buBirKopruTanitim2': {
    tr: 'Bu bir Köprü tanıtım dosyası değil.',
    en: 'This is not a Köprü introduction file.',
  },
  'sync.tanitimDosyasininImzasiTutmuyor': {
    tr: 'Tanıtım dosyasının imzası tutmuyor: dosya değiştirilmiş. Kurulumdan yeni bir tanıtım dosyası isteyin.',
    en: 'The introduction file\'s signature does not match: the file was changed. Ask the installation for a new introduction file.',
  },
  'sync.buKurulumKayitliBir': {
    tr: 'Bu kurulum kayıtlı bir eş değil.',
    en: 'This installation is not a registered peer.',
  },
  'sync.birKurulumunAnahtariniYalnizca': {
    tr: 'Bir kurulumun anahtarını yalnızca onu kaydeden üst birim iptal edebilir.',
    en: 'Only the parent unit that registered an installation can revoke its key.',
  },
  'sync.buKurulumunKaydiKefil': {
    tr: 'Bu kurulumun kaydı (kefil satırı) bulunamadı.',
    en: 'This installation\'s registration (voucher row) was not found.',
  },
  'sync.unitNameKurulumununAnahtari': {
    tr: '{unit_name} kurulumunun anahtarı zaten iptal edilmiş (sıra {r} sonrası).',
    en: 'The key of the {unit_name} installation is already revoked (after sequence {r}).',
  },
  'sync.secilenGenclikMerkeziBulunamadi': {
    tr: 'Seçilen gençlik merkezi bulunamadı.',
    en: 'The selected youth centre was not found.',
  },
  'sync.secilenGenclikMerkeziBu': {
    tr: 'Seçilen gençlik merkezi bu ilin listesinde değil.',
    en: 'The selected youth centre is not on this province\'s list.',
  },
  'sync.kurulumunIlcesiBuIlde': {
    tr: 'Kurulumun ilçesi bu ilde bulunamadı; gençlik merkezini listeden seçin.',
    en: 'The installation\'s district was not found in this province; choose the youth centre from the list.',
  },
  'sync.buGenclikMerkezineZaten': {
    tr: 'Bu gençlik merkezine zaten bir kurulum bağlı ({name}). Eski kurulumun anahtarını iptal edin ya da başka bir merkez seçin.',
    en: 'An installation is already bound to this youth centre ({name}). Revoke the old installation\'s key or choose another centre.',
  },
  'sync.parmakIziEslesmiyorDosyadaki': {
    tr: 'Parmak izi eşleşmiyor. Dosyadaki: {fingerprint}. Karşı kurulumun Ayarlar ekranındaki parmak iziyle karşılaştırın.',
    en: 'The fingerprint does not match. In the file: {fingerprint}. Compare it with the fingerprint on the other installation\'s Settings screen.',
  },
  'sync.buBuKurulumunKendi': {
    tr: 'Bu, bu kurulumun kendi tanıtım dosyası.',
    en: 'This is this installation\'s own introduction file.',
  },
  'sync.buKurulumBuBirimi': {
    tr: 'Bu kurulum bu birimi kaydedemez: gençlik merkezleri kendi il müdürlüğüne, il müdürlükleri Bakanlığa kaydolur.',
    en: 'This installation cannot register this unit: youth centres register with their own provincial directorate, provincial directorates with the Ministry.',
  },
  'sync.buKurulumKayitliBir2': {
    tr: 'Bu kurulum kayıtlı bir eş değil. Önce kayıt (tanıtım) adımını tamamlayın.',
    en: 'This installation is not a registered peer. First complete the registration (introduction) step.',
  },
  'sync.buAdlaBirDosya2': {
    tr: 'Bu adla bir dosya zaten var: {value}. Değişim dosyaları üzerine yazılmaz; başka bir ad seçin.',
    en: 'A file with this name already exists: {value}. Exchange files are never overwritten; choose another name.',
  },
  'sync.dosyaninKlasoruOlusturulamadiKlasor': {
    tr: 'Dosyanın klasörü oluşturulamadı; klasör yolunu ve yazma iznini kontrol edin.',
    en: 'The file\'s folder could not be created; check the folder path and write permission.',
  },
  // Why an exchange file is refused (electron/sync/exchangeFile.ts, service.ts): nothing was changed.
  'sync.refusal.cannotOpen': {
    tr: 'Dosya açılamadı; bir dosya seçildiğini, var olduğunu ve okunabildiğini kontrol edin.',
    en: 'The file could not be opened; check that a file is chosen, that it exists and that it can be read.',
  },
  'sync.refusal.tooLarge': {
    tr: 'Dosya bir Köprü değişim dosyası için fazla büyük.',
    en: 'The file is too large for a Köprü exchange file.',
  },
  'sync.refusal.notKopru': { tr: 'Bu bir Köprü değişim dosyası değil.', en: 'This is not a Köprü exchange file.' },
  'sync.refusal.headerBrokenOrShort': {
    tr: 'Dosyanın başlığı bozuk ya da eksik; dosyayı gönderenden yeniden isteyin.',
    en: 'The file’s header is damaged or incomplete; ask the sender for the file again.',
  },
  'sync.refusal.headerBroken': {
    tr: 'Dosyanın başlığı bozuk; dosyayı gönderenden yeniden isteyin.',
    en: 'The file’s header is damaged; ask the sender for the file again.',
  },
  'sync.refusal.headerIncomplete': {
    tr: 'Dosyanın başlığı eksik ya da bozuk; dosyayı gönderenden yeniden isteyin.',
    en: 'The file’s header is incomplete or damaged; ask the sender for the file again.',
  },
  'sync.refusal.olderFormat': {
    tr: "Dosya Köprü'nün eski bir sürümüyle hazırlanmış (biçim {format}); gönderen kurulum Köprü'yü güncelleyip dosyayı yeniden hazırlamalı.",
    en: 'The file was made by an older version of Köprü (format {format}); the sending installation must update Köprü and make the file again.',
  },
  'sync.refusal.unknownFormat': {
    tr: "Dosya biçimi ({format}) bu sürümle okunamıyor; Köprü'yü güncelleyin.",
    en: 'This version cannot read the file’s format ({format}); update Köprü.',
  },
  'sync.refusal.truncated': {
    tr: 'Dosya eksik (kesilmiş); dosyayı gönderenden yeniden isteyin.',
    en: 'The file is incomplete (cut short); ask the sender for the file again.',
  },
  'sync.refusal.truncatedContent': {
    tr: 'Dosya eksik (kesilmiş); gönderenden yeniden isteyin.',
    en: 'The file is incomplete (cut short); ask the sender for it again.',
  },
  'sync.refusal.badSignature': {
    tr: 'Dosyanın imzası doğrulanamadı: dosya değiştirilmiş ya da bozulmuş. Gönderenden yeniden isteyin.',
    en: 'The file’s signature could not be verified: the file was changed or damaged. Ask the sender for it again.',
  },
  'sync.refusal.contentTooLarge': {
    tr: 'Dosyanın açılmış içeriği izin verilen boyutu aşıyor.',
    en: 'The file’s unpacked content is larger than allowed.',
  },
  'sync.refusal.lineTooLong': {
    tr: 'Dosyada izin verilenden uzun bir kayıt var.',
    en: 'The file holds a record longer than allowed.',
  },
  'sync.refusal.unreadableRecord': {
    tr: 'Dosyanın içeriğinde okunamayan bir kayıt var.',
    en: 'The file’s content holds a record that cannot be read.',
  },
  'sync.refusal.unexpectedRecord': {
    tr: 'Dosyanın içeriğinde beklenmeyen bir kayıt var.',
    en: 'The file’s content holds an unexpected record.',
  },
  'sync.refusal.badChange': {
    tr: 'Dosyada biçimi bozuk bir değişiklik kaydı var.',
    en: 'The file holds a change record in a damaged form.',
  },
  'sync.refusal.badSegment': {
    tr: 'Dosyadaki değişikliklerden bazıları, yazan kurulumun imzaladığı diziyle uyuşmuyor (eksik, fazla, sırası bozuk ya da imzasız): dosya yolda değiştirilmiş olabilir. Dosya alınmadı; gönderenden yeniden isteyin.',
    en: 'Some of the changes in the file do not match the sequence their installation signed (missing, extra, out of order or unsigned): the file may have been changed on the way. The file was not taken; ask the sender for it again.',
  },
  'sync.refusal.undecryptable': {
    tr: 'Dosyanın içeriği çözülemedi: dosya bozuk ya da bu kurulum için değil.',
    en: 'The file’s content could not be decrypted: the file is damaged or not meant for this installation.',
  },
  'sync.refusal.badKey': {
    tr: 'Dosyanın şifreleme anahtarı bozuk.',
    en: 'The file’s encryption key is damaged.',
  },
  'sync.refusal.wrongRecipient': {
    tr: 'Bu dosya başka bir kurulum için hazırlanmış; bu kurulumda açılamaz. Dosyayı doğru kuruluma götürün.',
    en: 'This file was made for another installation and cannot be opened here. Take it to the right installation.',
  },
  'sync.refusal.unknownSender': {
    tr: 'Dosyayı gönderen kurulum kayıtlı değil (parmak izi {fingerprint}). Önce kayıt adımını tamamlayın; parmak izini karşı kurulumla karşılaştırın.',
    en: 'The installation that sent the file is not registered (fingerprint {fingerprint}). First complete the registration step; compare the fingerprint with the other installation’s.',
  },
  'sync.refusal.fingerprintUnknown': { tr: 'bilinmiyor', en: 'unknown' },
  'sync.refusal.fingerprintMismatch': {
    tr: 'Parmak izi eşleşmiyor (dosyadaki: {fingerprint}).',
    en: 'The fingerprint does not match (in the file: {fingerprint}).',
  },
  'sync.refusal.cannotExchange': {
    tr: 'Bu kurulum bu birimle veri değişimi yapamaz.',
    en: 'This installation cannot exchange data with this unit.',
  },
  'sync.refusal.noManifest': {
    tr: 'Dosyanın içindekiler listesi eksik.',
    en: 'The file’s table of contents is missing.',
  },
  'sync.refusal.dataAfterEnd': {
    tr: 'Dosyada bitişten sonra veri var.',
    en: 'The file has data after its end.',
  },
  'sync.refusal.newerSchema': {
    tr: "Dosya Köprü'nün daha yeni bir sürümüyle hazırlanmış (şema {schema}, bu kurulum {ours}). Önce Köprü'yü güncelleyin.",
    en: 'The file was made by a newer version of Köprü (schema {schema}, this installation {ours}). Update Köprü first.',
  },
  'sync.refusal.headerMismatch': {
    tr: 'Dosyanın içi ile başlığı uyuşmuyor.',
    en: 'The file’s content does not match its header.',
  },
  'sync.refusal.scopedNotFromParent': {
    tr: 'Dosya, yalnızca üst birimin gönderebileceği biçimde (kapsama göre süzülmüş, imzasız değişikliklerle) hazırlanmış; gönderen bu kurulumun üst birimi değil. Dosya alınmadı.',
    en: 'The file is made the way only the parent unit may send (cut to the scope, with unsigned changes), but the sender is not this installation’s parent unit. The file was not taken.',
  },
  'sync.refusal.badAttachment': {
    tr: 'Dosyadaki bir ekin içeriği bozuk.',
    en: 'The content of an attachment in the file is damaged.',
  },
  'sync.refusal.countMismatch': {
    tr: 'Dosya eksik: kayıt sayısı tutmuyor.',
    en: 'The file is incomplete: the number of records does not match.',
  },
  'sync.refusal.ownOrigin': {
    tr: 'Dosya, bu kurulumun hiç yapmadığı değişiklikleri bu kurulum adına taşıyor (sıra {seq}): sahte ya da bozuk. Dosya alınmadı ve hiçbir şey değiştirilmedi. Dosyayı gönderen kurulumun ({sender}) sorumlusuna ve bilgi işleme başvurun.',
    en: 'The file carries changes in this installation’s name that it never made (sequence {seq}): forged or damaged. The file was not taken and nothing was changed. Contact the person responsible for the sending installation ({sender}) and your IT staff.',
  },
  'sync.refusal.forgedSegment': {
    tr: 'Dosyadaki {unit} kurulumuna ait değişikliklerin bir kısmı o kurulumun imzasıyla uyuşmuyor (sıra {seq} ile başlayan bölüm): değişiklikler yolda değiştirilmiş, eklenmiş ya da o kurulum adına uydurulmuş. Dosya alınmadı ve hiçbir şey değiştirilmedi. Dosyayı gönderen kurulumun ({sender}) sorumlusuna ve bilgi işleme başvurun.',
    en: 'Some of the changes in the file from the installation {unit} do not match that installation’s signature (the part starting at sequence {seq}): they were changed or added on the way, or made up in its name. The file was not taken and nothing was changed. Contact the person responsible for the sending installation ({sender}) and your IT staff.',
  },
  'sync.refusal.reusedSeq': {
    tr: 'Dosyadaki bir değişiklik, {unit} kurulumundan daha önce alınmış bir değişiklikle aynı sırayı (sıra {seq}) farklı içerikle taşıyor. {unit} kurulumu bir yedekten geri yüklenmiş ya da veri klasörü kopyalanmış olabilir. Dosya alınmadı ve hiçbir şey değiştirilmedi. O kurulumun sorumlusuna ve bilgi işleme başvurun.',
    en: 'A change in the file carries the same sequence number ({seq}) as a change already received from the installation {unit}, with different content. The installation {unit} may have been restored from a backup or its data folder copied. The file was not taken and nothing was changed. Contact the person responsible for that installation and your IT staff.',
  },
  'sync.refusal.duplicateChange': {
    tr: 'Dosyada aynı değişiklik iki kez var ({unit}, sıra {seq}): dosya bozuk. Dosya alınmadı ve hiçbir şey değiştirilmedi.',
    en: 'The file holds the same change twice ({unit}, sequence {seq}): the file is damaged. The file was not taken and nothing was changed.',
  },
  'sync.unit.thisInstallation': { tr: 'bu kurulum', en: 'this installation' },
  'sync.unit.unknown': { tr: 'tanınmayan kurulum {node}', en: 'unknown installation {node}' },
  // What an exchange file was taken with all the same (electron/sync/service.ts): warnings in the import report.
  'sync.warning.restored': {
    tr: 'Bu kurulumun veri klasörü geri alınmış görünüyor ({sender} bu kurulumun {theirs} değişikliğini tutuyor, buradan gönderilmiş olanlar {mine}). Kurulum yeni bir sürümle (yeni numaralarla) sürüyor; kaybolan değişiklikler eşlerden gelecek dosyalarla geri gelir.{reissued}',
    en: 'This installation’s data folder seems to have been set back ({sender} holds {theirs} of this installation’s changes; {mine} were sent from here). The installation goes on as a new incarnation (with new numbers); the lost changes come back with the files its peers send.{reissued}',
  },
  'sync.warning.reissued': {
    tr: ' Geri almadan sonra yazılan {count} alan yeni numaralarla yeniden kaydedildi.',
    en: ' {count} fields written after the setback were recorded again with new numbers.',
  },
  'sync.warning.clockAhead': {
    tr: '{unit} kurulumunun saati yaklaşık {hours} saat ileride görünüyor. Dosya alındı; o kurulumun tarih ve saatini düzeltin.',
    en: 'The clock of {unit} seems about {hours} hours ahead. The file was taken; have that installation’s date and time corrected.',
  },
  'sync.warning.gaps': {
    tr: '{units} kurulumunun bazı değişiklikleri eksik geldi; alınmadılar, bir sonraki dosya tamamlayacak.',
    en: 'Some changes from {units} came incomplete; they were not taken, and the next file will complete them.',
  },
  'sync.warning.revoked': {
    tr: '{unit} kurulumunun anahtarı iptal edilmiş; iptalden sonraki {count} değişikliği alınmadı.',
    en: 'The key of {unit} is revoked; its {count} changes after the revocation were not taken.',
  },
  'sync.warning.unknownOrigin': {
    tr: '{count} değişiklik, bu kurulumun henüz tanımadığı bir kurulumdan ({origin}) geldiği için alınmadı; o kurulum tanıtıldığında yeniden gelir.',
    en: '{count} changes were not taken because they come from an installation this one does not know yet ({origin}); they come again once it is introduced.',
  },
  'sync.warning.quarantined': {
    tr: '{unit} kurulumunun {count} değişikliği, bu bilgisayarın saatinden yaklaşık {ahead} ileri tarihli olduğu için bekletmeye alındı. O kurulumun tarih ve saatini düzelttirin ya da Veri değişimi ekranındaki bekletilenler listesinden kabul edip dosyayı yeniden alın.',
    en: '{count} changes from {unit} were held back because they are dated about {ahead} ahead of this computer’s clock. Have that installation’s date and time corrected, or accept them from the held-back list on the Data exchange screen and take the file again.',
  },
  'sync.ahead.days': { tr: '{n} gün', en: '{n} days' },
  'sync.ahead.hours': { tr: '{n} saat', en: '{n} hours' },
  'sync.ahead.minutes': { tr: '{n} dakika', en: '{n} minutes' },
  'sync.keyFileUnusable': {
    tr: 'Bu kurulumun anahtar dosyası {file} eksik ya da bozuk; işlem yapılmadı. Dosyayı veri klasörünün bir yedeğinden yerine koyup Köprü’yü yeniden başlatın.',
    en: 'This installation’s key file {file} is missing or damaged; nothing was done. Put the file back from a backup of the data folder and restart Köprü.',
  },
} as const satisfies Record<string, MessageText>;
