import type { MessageText } from './text';

// Messages the registry backend sends a person (see ./index.ts).

export const registryMessages = {
  'registry.dernekKaydiBulunamadiSilinmis': {
    tr: 'Dernek kaydı bulunamadı; silinmiş ya da bu kuruluma hiç gelmemiş olabilir.',
    en: 'The association record was not found; it may have been deleted or never reached this installation.',
  },
  'registry.buDernekKaydiBaska': {
    tr: 'Bu dernek kaydı başka bir birime ait; yalnızca sahibi değiştirebilir.',
    en: 'This association record belongs to another unit; only its owner can change it.',
  },
  'registry.silinmisBirKayitDegistirilemez': {
    tr: 'Silinmiş bir kayıt değiştirilemez.',
    en: 'A deleted record cannot be changed.',
  },
  'registry.buDernekBaskaBir': {
    tr: 'Bu dernek başka bir ile aktarıldı; bu kayıt yalnızca okunabilir.',
    en: 'This association was transferred to another province; this record is read-only.',
  },
  'registry.buNumaraylaKayitliBir': {
    tr: 'Bu numarayla kayıtlı bir dernek var: {name} ({provinceName}).',
    en: 'An association is already registered with this number: {name} ({provinceName}).',
  },
  'registry.secilenIlceBulunamadi': {
    tr: 'Seçilen ilçe bulunamadı.',
    en: 'The selected district was not found.',
  },
  'registry.ilceBuIlMudurlugunun': {
    tr: 'İlçe bu il müdürlüğünün ilinde olmalı.',
    en: 'The district must be in this provincial directorate\'s province.',
  },
  'registry.evrakTarihiBugundenToday': {
    tr: 'Evrak tarihi bugünden ({today}) sonra olamaz.',
    en: 'The letter date cannot be after today ({today}).',
  },
  'registry.buIslemIcinEvrak': {
    tr: 'Bu işlem için evrak tarihi gerekli.',
    en: 'This action needs a letter date.',
  },
  'registry.buIslemIcinEvrak2': {
    tr: 'Bu işlem için evrak sayısı gerekli.',
    en: 'This action needs a letter number.',
  },
  'registry.buIslemIcinGerekce': {
    tr: 'Bu işlem için gerekçe yazılmalı.',
    en: 'This action needs a written reason.',
  },
  'registry.kayitliBirDerneginKulup': {
    tr: 'Kayıtlı bir derneğin kulüp türü "Statü değişikliği" işlemiyle değiştirilir (evrak ve gerekçeyle).',
    en: 'A registered association\'s club type is changed with the "Status change" action (with a letter and a reason).',
  },
  'registry.statuDegisikligiIsleminiKullanin': {
    tr: 'Statü değişikliği işlemini kullanın.',
    en: 'Use the status change action.',
  },
  'registry.yalnizcaHicBasvurusuAlinmamis': {
    tr: 'Yalnızca hiç başvurusu alınmamış taslaklar silinebilir.',
    en: 'Only drafts with no application logged can be deleted.',
  },
  'registry.silinmisBirKayitUzerinde': {
    tr: 'Silinmiş bir kayıt üzerinde işlem yapılamaz.',
    en: 'No action can be taken on a deleted record.',
  },
  // A step this installation just took that would not count anywhere (its verdict and reason are words).
  'registry.stepWouldNotCount': { tr: '{verdict} ({reason}).', en: '{verdict}: {reason}.' },
  'registry.stepWouldNotCountClock': {
    tr: '{verdict} ({reason}). Onay politikası bu bilgisayarın saatine göre henüz değişmemiş görünüyor: saati denetleyin.',
    en: '{verdict}: {reason}. By this computer’s clock the approval policy has not changed yet: check the clock.',
  },
  // Who may take a step, named inside `registry.labelIsleminiYalnizcaWho`.
  'registry.who.ministry': { tr: 'Bakanlık (merkez)', en: 'the Ministry (headquarters)' },
  'registry.who.ownerProvince': { tr: 'derneğin bağlı olduğu il müdürlüğü', en: 'the provincial directorate the association belongs to' },
  'registry.labelIsleminiYalnizcaWho': {
    tr: '"{label}" işlemini yalnızca {who} yapabilir.',
    en: 'Only {who} can do "{label}".',
  },
  'registry.labelIslemiStatusDurumundaki': {
    tr: '"{label}" işlemi "{status}" durumundaki bir kayıtta yapılamaz.',
    en: '"{label}" cannot be done on a record in the "{status}" state.',
  },
  'registry.iptalNedeniniSecin': {
    tr: 'İptal nedenini seçin.',
    en: 'Choose the reason for cancellation.',
  },
  'registry.zorunluBelgelerEksikOldugu': {
    tr: 'Zorunlu belgeler eksik olduğu için onaya gönderilemez: {missing}.',
    en: 'Cannot be sent for approval because required documents are missing: {missing}.',
  },
  'registry.gorevBitisiBaslangictanOnce': {
    tr: 'Görev bitişi başlangıçtan önce olamaz.',
    en: 'The term end cannot be before its start.',
  },
  'registry.kisiKaydiBulunamadi': {
    tr: 'Kişi kaydı bulunamadı.',
    en: 'The person record was not found.',
  },
  'registry.buKisiIcinTc': {
    tr: 'Bu kişi için TC Kimlik No kaydedilmemiş.',
    en: 'No TC identity number is recorded for this person.',
  },
  'registry.buBelgeKontrolListesinde': {
    tr: 'Bu belge kontrol listesinde yok.',
    en: 'This document is not on the checklist.',
  },
  'registry.vizeBelgesiIcinYil': {
    tr: 'Vize belgesi için yıl gerekli.',
    en: 'A visa document needs a year.',
  },
  'registry.belgeBuDernegeAit': {
    tr: 'Belge bu derneğe ait değil.',
    en: 'The document does not belong to this association.',
  },
  'registry.ekBulunamadi': {
    tr: 'Ek bulunamadı.',
    en: 'The attachment was not found.',
  },
  'registry.vizeBasvurusuYalnizcaTescilli': {
    tr: 'Vize başvurusu yalnızca tescilli (ya da askıdaki) dernekler için alınır.',
    en: 'Visa applications are taken only for registered (or suspended) associations.',
  },
  'registry.tescilYiliVeOncesi': {
    tr: 'Tescil yılı ve öncesi için vize gerekmez.',
    en: 'No visa is needed for the registration year or earlier.',
  },
  'registry.basvuruTarihiBugundenToday': {
    tr: 'Başvuru tarihi bugünden ({today}) sonra olamaz.',
    en: 'The application date cannot be after today ({today}).',
  },
  'registry.yearYiliIcinBu': {
    tr: '{year} yılı için bu derneğin zaten bir vize başvurusu var.',
    en: 'This association already has a visa application for {year}.',
  },
  'registry.vizeBasvurusuBulunamadi': {
    tr: 'Vize başvurusu bulunamadı.',
    en: 'The visa application was not found.',
  },
  'registry.buIslemStateDurumundaki': {
    tr: 'Bu işlem "{state}" durumundaki bir vize başvurusunda yapılamaz.',
    en: 'This action cannot be done on a visa application in the "{state}" state.',
  },
  'registry.zorunluVizeBelgeleriEksik': {
    tr: 'Zorunlu vize belgeleri eksik olduğu için onaylanamaz: {missing}.',
    en: 'Cannot be approved because required visa documents are missing: {missing}.',
  },
  'registry.yalnizcaTescilliBirDernek': {
    tr: 'Yalnızca tescilli bir dernek başka ile nakledilebilir.',
    en: 'Only a registered association can be transferred to another province.',
  },
  'registry.dernekZatenBuIlde': {
    tr: 'Dernek zaten bu ilde.',
    en: 'The association is already in this province.',
  },
  'registry.ilceGidecegiIldeOlmali': {
    tr: 'İlçe gideceği ilde olmalı.',
    en: 'The district must be in the destination province.',
  },
  'registry.buDernekIcinSurmekte': {
    tr: 'Bu dernek için sürmekte olan bir nakil işlemi var.',
    en: 'A transfer of this association is already in progress.',
  },
  'registry.nakilKaydiBulunamadi': {
    tr: 'Nakil kaydı bulunamadı.',
    en: 'The transfer record was not found.',
  },
  'registry.nakliYalnizcaGonderenIl': {
    tr: 'Nakli yalnızca gönderen il müdürlüğü onaylar.',
    en: 'Only the sending provincial directorate approves the transfer.',
  },
  'registry.nakilTalepAsamasindaDegil': {
    tr: 'Nakil talep aşamasında değil.',
    en: 'The transfer is not at the request stage.',
  },
  'registry.nakliYalnizcaGonderenYa': {
    tr: 'Nakli yalnızca gönderen ya da alan il müdürlüğü iptal edebilir.',
    en: 'Only the sending or the receiving provincial directorate can cancel the transfer.',
  },
  'registry.tamamlanmisYaDaIptal': {
    tr: 'Tamamlanmış ya da iptal edilmiş bir nakil iptal edilemez.',
    en: 'A completed or cancelled transfer cannot be cancelled.',
  },
  'registry.iptalGerekcesiniYazin': {
    tr: 'İptal gerekçesini yazın.',
    en: 'Write the reason for cancellation.',
  },
  'registry.nakliYalnizcaDerneginGidecegi': {
    tr: 'Nakli yalnızca derneğin gideceği il müdürlüğü kabul eder.',
    en: 'Only the provincial directorate of the destination province accepts the transfer.',
  },
  'registry.nakilOnceGonderenIl': {
    tr: 'Nakil önce gönderen il tarafından onaylanmalı.',
    en: 'The transfer must first be approved by the sending province.',
  },
  'registry.dernekArtikTescilliDegil': {
    tr: 'Dernek artık tescilli değil; nakil tamamlanamaz.',
    en: 'The association is no longer registered; the transfer cannot be completed.',
  },
  'registry.derneginYeniIlcesiniSecin': {
    tr: 'Derneğin yeni ilçesini seçin.',
    en: 'Choose the association\'s new district.',
  },
  'registry.dernekZatenBuTurde': {
    tr: 'Dernek zaten bu türde.',
    en: 'The association is already of this type.',
  },
  'registry.donemSonuBaslangictanOnce': {
    tr: 'Dönem sonu başlangıçtan önce olamaz.',
    en: 'The period end cannot be before its start.',
  },
  'registry.herBelgeninAnahtariTekil': {
    tr: 'Her belgenin anahtarı tekil olmalı.',
    en: 'Each document\'s key must be unique.',
  },
  'registry.tescilBelgesiYalnizcaTescilli': {
    tr: 'Tescil belgesi yalnızca tescilli dernekler için düzenlenir.',
    en: 'A registration certificate is issued only for registered associations.',
  },
  'registry.yearYiliIcinOnaylanmis': {
    tr: '{year} yılı için onaylanmış bir vize yok.',
    en: 'There is no approved visa for {year}.',
  },
  'registry.dosyadaBaslikSatiriYok': {
    tr: 'Dosyada başlık satırı yok. İlk satır sütun adlarını içermeli (ör. "Dernek Adı", "İlçe").',
    en: 'The file has no header row. The first row must hold the column names (e.g. "Dernek Adı", "İlçe").',
  },
  'registry.dosyadaBaslikSatirindanSonra': {
    tr: 'Dosyada başlık satırından sonra hiç kayıt yok.',
    en: 'The file has no records after the header row.',
  },
  'registry.dosyadaLengthSatirVar': {
    tr: 'Dosyada {length} satır var; tek seferde en fazla {MAX_IMPORT_ROWS} satır aktarılabilir.',
    en: 'The file has {length} rows; at most {MAX_IMPORT_ROWS} rows can be imported at once.',
  },
  'registry.dosyaBos': {
    tr: 'Dosya boş.',
    en: 'The file is empty.',
  },
  'registry.excelDosyasiAcilamadiDosya': {
    tr: 'Excel dosyası açılamadı; dosya bozuk olabilir. Excel\'de açıp .xlsx olarak yeniden kaydedin.',
    en: 'The Excel file could not be opened; it may be damaged. Open it in Excel and save it again as .xlsx.',
  },
  'registry.excelDosyasindaCalismaSayfasi': {
    tr: 'Excel dosyasında çalışma sayfası yok.',
    en: 'The Excel file has no worksheet.',
  },
  'registry.eskiExcelXlsVe': {
    tr: 'Eski Excel (.xls) ve .ods dosyaları okunamıyor; dosyayı .xlsx ya da .csv olarak kaydedin.',
    en: 'Old Excel (.xls) and .ods files cannot be read; save the file as .xlsx or .csv.',
  },
  'registry.dosyaBirTabloXlsx': {
    tr: 'Dosya bir tablo (xlsx/csv) değil.',
    en: 'The file is not a spreadsheet (xlsx/csv).',
  },
  'registry.dosyaOkunamadiBozukIcerik': {
    tr: 'Dosya okunamadı (bozuk içerik).',
    en: 'The file could not be read (damaged content).',
  },
  'registry.dosyaOkunamadi': {
    tr: 'Dosya okunamadı.',
    en: 'The file could not be read.',
  },
  'registry.dosyaCokBuyukValue': {
    tr: 'Dosya çok büyük ({value} MB); en fazla {value2} MB olabilir.',
    en: 'The file is too large ({value} MB); it can be at most {value2} MB.',
  },
  'registry.buDosyaTuruKabul': {
    tr: 'Bu dosya türü kabul edilmiyor. İzin verilen türler: {allowed}.',
    en: 'This file type is not accepted. Allowed types: {allowed}.',
  },
  'registry.dosyaninIcerigiBuKurulumda': {
    tr: 'Dosyanın içeriği bu kurulumda yok (henüz veri değişimiyle gelmemiş olabilir).',
    en: 'The file\'s content is not on this installation (it may not have arrived by data exchange yet).',
  },
  'registry.dosyaninBuKurulumdakiKopyasi': {
    tr: 'Dosyanın bu kurulumdaki kopyası bozuk ya da değiştirilmiş; açılmadı. Dosyayı yeniden ekleyin ya da veri klasörünün bir yedeğinden geri yükleyin.',
    en: 'This installation\'s copy of the file is damaged or was changed; it was not opened. Add the file again or restore it from a backup of the data folder.',
  },
  // Why a row of an associations spreadsheet cannot be imported (electron/registry/import.ts).
  'registry.import.formulaName': { tr: 'Ad bir formül gibi görünüyor; düz metin olmalı.', en: 'The name looks like a formula; it must be plain text.' },
  'registry.import.districtEmpty': { tr: 'İlçe boş.', en: 'The district is empty.' },
  'registry.import.districtNotHere': { tr: '"{value}" bu ilin ilçelerinden biri değil.', en: '"{value}" is not one of this province’s districts.' },
  'registry.import.kutukFormat': { tr: 'Kütük no PP-NNN-NNN biçiminde olmalı.', en: 'The register no. must be in the form PP-NNN-NNN.' },
  'registry.import.vknInvalid': { tr: 'Vergi kimlik numarası geçersiz.', en: 'The tax number is not valid.' },
  'registry.import.memberCount': { tr: 'Üye sayısı tam sayı olmalı.', en: 'The number of members must be a whole number.' },
  'registry.import.registrationNoFormat': {
    tr: 'Tescil no GSB-PP-YYYY-NNNN biçiminde olmalı.',
    en: 'The registration no. must be in the form GSB-PP-YYYY-NNNN.',
  },
  'registry.import.registrationNoProvince': {
    tr: 'Tescil numarasındaki il kodu bu ilin plakası değil.',
    en: 'The province code in the registration number is not this province’s plate.',
  },
  'registry.import.registeredOnMissing': {
    tr: 'Tescil numarası olan satırda tescil tarihi de olmalı.',
    en: 'A row with a registration number must also have a registration date.',
  },
  // Notices on an association's page (db/registry/detail.ts).
  'registry.warning.kutukProvince': {
    tr: 'Kütük numarasının il kodu ({code}) derneğin iliyle ({plate}) aynı değil.',
    en: 'The province code of the register number ({code}) is not the association’s province ({plate}).',
  },
  'registry.warning.inheritanceRefused': {
    tr: 'Bu kayıt bir nakille açıldı, ama nakil gönderen kayıtta geçerli olmadığı için tescil devralınmadı: {verdict} ({reason}).',
    en: 'This record was opened by a transfer, but the registration was not taken over because the transfer is not valid on the sending record: {verdict}: {reason}.',
  },
  'registry.import.unmapped': { tr: 'Eşleştirilmemiş zorunlu alan: {fields}.', en: 'Required field not matched to a column: {fields}.' },
  'registry.import.sameAsRow': {
    tr: 'Dosyada {row}. satırla aynı dernek (kütük no, VKN ya da ilçe + ad aynı).',
    en: 'The same association as row {row} of the file (same register no., tax no., or district and name).',
  },
  'registry.import.otherProvince': {
    tr: 'Bu dernek başka bir ile ait; güncellenemez.',
    en: 'This association belongs to another province; it cannot be updated.',
  },
  // What an associations spreadsheet row was imported with all the same.
  'registry.import.formulaCell': {
    tr: '{field}: hücrede formül vardı; hesaplanmış değeri alındı.',
    en: '{field}: the cell held a formula; its calculated value was taken.',
  },
  'registry.import.clubTypeDefaulted': {
    tr: 'Kulüp türü boş; "Gençlik kulübü" varsayıldı.',
    en: 'The club type is empty; "Youth club" was assumed.',
  },
  'registry.import.kutukOtherProvince': {
    tr: 'Kütük numarasının il kodu ({code}) bu ilin plakasıyla aynı değil.',
    en: 'The province code of the register number ({code}) is not this province’s plate.',
  },
  'registry.import.unknownAreas': { tr: 'Tanınmayan faaliyet alanı: {values}.', en: 'Field of activity not recognised: {values}.' },
} as const satisfies Record<string, MessageText>;
