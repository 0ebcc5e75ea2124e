import type { MessageText } from './text';

// Messages the directory backend sends a person (see ./index.ts).

export const directoryMessages = {
  'directory.kurumKaydiBulunamadiSilinmis': {
    tr: 'Kurum kaydı bulunamadı; silinmiş ya da bu kuruluma hiç gelmemiş olabilir.',
    en: 'The organisation record was not found; it may have been deleted or never reached this installation.',
  },
  'directory.kurumBulunamadi': {
    tr: 'Kurum bulunamadı.',
    en: 'The organisation was not found.',
  },
  'directory.nameBaskaBirBirimin': {
    tr: '"{name}" başka bir birimin kaydı; yalnızca kaydı oluşturan birim değiştirebilir.',
    en: '"{name}" is another unit\'s record; only the unit that created it can change it.',
  },
  'directory.nameBaskaBirKayitla': {
    tr: '"{name}" başka bir kayıtla birleştirildi; birleştirilen kaydı düzenleyin.',
    en: '"{name}" was merged into another record; edit the record it was merged into.',
  },
  'directory.valueAltTuruKind': {
    tr: '"{value}" alt türü "{kind}" türüne uymuyor.',
    en: 'The subtype "{value}" does not fit the type "{kind}".',
  },
  'directory.secilenIlceBulunamadi': {
    tr: 'Seçilen ilçe bulunamadı.',
    en: 'The selected district was not found.',
  },
  'directory.ilceSecilenIlinIlcelerinden': {
    tr: 'İlçe seçilen ilin ilçelerinden biri olmalı.',
    en: 'The district must be one of the selected province\'s districts.',
  },
  'directory.registryLinkOtherUnit': {
    tr: '"{name}" bu derneğin vergi ya da kütük numarasıyla Kurumlar\'da zaten kayıtlı; o kaydı oluşturan birim sicil kaydıyla bağlayabilir.',
    en: '"{name}" is already in the directory with this association\'s tax or register number; the unit that created that record can link it to the registry.',
  },
  'directory.sicildeBoyleBirDernek': {
    tr: 'Sicilde böyle bir dernek kaydı yok.',
    en: 'There is no such association record in the registry.',
  },
  // Records named inside other messages (`{what}`): at the start of a sentence and inside one.
  'directory.record.relation': { tr: 'İlişki', en: 'The relation' },
  'directory.record.relationInSentence': { tr: 'ilişki', en: 'relation' },
  'directory.record.interaction': { tr: 'Görüşme kaydı', en: 'The interaction record' },
  'directory.record.interactionInSentence': { tr: 'görüşme kaydı', en: 'interaction record' },
  'directory.whatBulunamadi': {
    tr: '{what} bulunamadı.',
    en: '{what} was not found.',
  },
  'directory.buWhatBaskaBir': {
    tr: 'Bu {what} başka bir birimin kaydı; yalnızca kaydeden birim değiştirebilir.',
    en: 'This record ({what}) belongs to another unit; only the unit that recorded it can change it.',
  },
  'directory.turDegistiKindTurune': {
    tr: 'Tür değişti; "{kind}" türüne uyan bir alt tür seçin.',
    en: 'The type changed; choose a subtype that fits "{kind}".',
  },
  'directory.ilDegistiYeniIlin': {
    tr: 'İl değişti; yeni ilin bir ilçesini seçin.',
    en: 'The province changed; choose a district of the new province.',
  },
  // What refers to an organisation that cannot be deleted (the {parts} below, a list).
  'directory.refs.meetings': { tr: '{count} toplantı katılımı', en: 'meeting attendances ({count})' },
  'directory.refs.workshops': { tr: '{count} çalıştay katılımı', en: 'workshop attendances ({count})' },
  'directory.refs.relations': { tr: '{count} ilişki', en: 'relations ({count})' },
  'directory.refs.interactions': { tr: '{count} görüşme kaydı', en: 'interaction records ({count})' },
  'directory.nameSilinemezPartsBu': {
    tr: '"{name}" silinemez: {parts} bu kayda bağlı. Mükerrer bir kayıtsa silmek yerine doğru kayıtla birleştirin.',
    en: '"{name}" cannot be deleted: {parts} refer to this record. If it is a duplicate, merge it into the right record instead of deleting it.',
  },
  'directory.birKayitKendisiyleBirlestirilemez': {
    tr: 'Bir kayıt kendisiyle birleştirilemez.',
    en: 'A record cannot be merged with itself.',
  },
  'directory.kalacakKurumKaydiBulunamadi': {
    tr: 'Kalacak kurum kaydı bulunamadı.',
    en: 'The organisation record to keep was not found.',
  },
  'directory.kayitBulunamadi': {
    tr: 'Kayıt bulunamadı.',
    en: 'The record was not found.',
  },
  'directory.nameZatenBaskaBir': {
    tr: '"{name}" zaten başka bir kayıtla birleştirilmiş; kalacak kayıt olarak onu seçin.',
    en: '"{name}" is already merged into another record; choose that one as the record to keep.',
  },
  'directory.buKayitBirlestirilmis': {
    tr: 'Bu kayıt birleştirilmiş.',
    en: 'This record has been merged.',
  },
  'directory.kalacakKayitZatenBu': {
    tr: 'Kalacak kayıt zaten bu kayda birleştirilmiş.',
    en: 'The record to keep is already merged into this record.',
  },
  'directory.kisiKaydiBulunamadi': {
    tr: 'Kişi kaydı bulunamadı.',
    en: 'The person record was not found.',
  },
  'directory.buKisiKaydiBaska': {
    tr: 'Bu kişi kaydı başka bir birime ait; yalnızca kaydeden birim değiştirebilir.',
    en: 'This person record belongs to another unit; only the unit that recorded it can change it.',
  },
  'directory.buKisiKaydiBaska2': {
    tr: 'Bu kişi kaydı başka bir birime ait; yalnızca kaydeden birim silebilir.',
    en: 'This person record belongs to another unit; only the unit that recorded it can delete it.',
  },
  'directory.bitisTarihiBaslangictanOnce': {
    tr: 'Bitiş tarihi başlangıçtan önce olamaz.',
    en: 'The end date cannot be before the start date.',
  },
  'directory.takipTarihiVerildiyseYapilacak': {
    tr: 'Takip tarihi verildiyse yapılacak işi de yazın.',
    en: 'If a follow-up date is given, also write what is to be done.',
  },
  'directory.tamamlanmaTarihiGorusmeTarihinden': {
    tr: 'Tamamlanma tarihi görüşme tarihinden önce olamaz.',
    en: 'The completion date cannot be before the meeting date.',
  },
  'directory.sonTarihGorusmeTarihinden': {
    tr: 'Son tarih görüşme tarihinden önce olamaz.',
    en: 'The due date cannot be before the meeting date.',
  },
  'directory.buWhatZatenKayitli': {
    tr: 'Bu {what} zaten kayıtlı: {name} ({provinceName}).',
    en: 'This {what} is already recorded: {name} ({provinceName}).',
  },
  // Why a row of an organisations spreadsheet cannot be imported (electron/directory/import.ts).
  'directory.import.formulaName': { tr: 'Ad bir formül gibi görünüyor; düz metin olmalı.', en: 'The name looks like a formula; it must be plain text.' },
  'directory.import.kindUnknown': {
    tr: '"{value}" tanınmadı; STK, kamu, belediye, üniversite ya da bir alt tür (ör. dernek, vakıf) yazın.',
    en: '"{value}" is not recognised; write STK, kamu, belediye, üniversite or a subtype (e.g. dernek, vakıf).',
  },
  'directory.import.subtypeUnknown': { tr: '"{value}" tanınan bir alt tür değil.', en: '"{value}" is not a recognised subtype.' },
  'directory.import.provinceEmpty': { tr: 'İl boş.', en: 'The province is empty.' },
  'directory.import.provinceUnknown': {
    tr: '"{value}" diye bir il yok (il adı ya da plaka kodu yazın).',
    en: 'There is no province "{value}" (write the province’s name or its plate code).',
  },
  'directory.import.districtNotInProvince': {
    tr: '"{value}" {province} ilinin ilçelerinden biri değil.',
    en: '"{value}" is not one of the districts of {province}.',
  },
  'directory.import.kutukFormat': { tr: 'Kütük no PP-NNN-NNN biçiminde olmalı.', en: 'The register no. must be in the form PP-NNN-NNN.' },
  'directory.import.emailInvalid': { tr: 'E-posta adresi geçersiz.', en: 'The email address is not valid.' },
  'directory.import.youthYesNo': { tr: 'Gençlik odaklı "evet" ya da "hayır" olmalı.', en: 'Youth-focused must be "evet" (yes) or "hayır" (no).' },
  'directory.import.unmapped': { tr: 'Eşleştirilmemiş zorunlu alan: {fields}.', en: 'Required field not matched to a column: {fields}.' },
  'directory.import.sameAsRow': {
    tr: 'Dosyada {row}. satırla aynı kurum (VKN, kütük no ya da il + ad aynı).',
    en: 'The same organisation as row {row} of the file (same tax no., register no., or province and name).',
  },
  'directory.import.otherVkn': {
    tr: 'Aynı kurum ({name}) başka bir vergi kimlik numarası ile kayıtlı: {value}.',
    en: 'The same organisation ({name}) is recorded with another tax number: {value}.',
  },
  'directory.import.otherKutukNo': {
    tr: 'Aynı kurum ({name}) başka bir kütük numarası ile kayıtlı: {value}.',
    en: 'The same organisation ({name}) is recorded with another register number: {value}.',
  },
  'directory.import.otherUnit': {
    tr: '{name} başka bir birimin kaydı; yalnızca sahibi güncelleyebilir.',
    en: '{name} is another unit’s record; only its owner can update it.',
  },
  // What an organisations spreadsheet row was imported with all the same.
  'directory.import.formulaCell': {
    tr: '{field}: hücrede formül vardı; hesaplanmış değeri alındı.',
    en: '{field}: the cell held a formula; its calculated value was taken.',
  },
  'directory.import.kindDefaulted': {
    tr: 'Tür boş; "Sivil toplum kuruluşu" varsayıldı.',
    en: 'The kind is empty; "Civil society organisation" was assumed.',
  },
  'directory.import.unknownAreas': { tr: 'Tanınmayan faaliyet alanı: {values}.', en: 'Field of activity not recognised: {values}.' },
  'directory.import.contactWithoutName': {
    tr: 'Temsilcinin adı boş; temsilci bilgileri alınmadı.',
    en: 'The representative’s name is empty; the representative’s details were not taken.',
  },
} as const satisfies Record<string, MessageText>;
