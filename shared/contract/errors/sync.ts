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
} as const satisfies Record<string, MessageText>;
