import type { MessageText } from './text';

// The schemas' own messages (`.min(1, { message })` in shared/contract): zod reports them as text, and the
// dispatcher and the forms know them again by their Turkish text (keyOfTurkish). A test fails on a schema
// message missing here.

export const schemaMessages = {
  'schema.kullaniciAdiEnAz': {
    tr: 'Kullanıcı adı en az 3 karakter olmalı.',
    en: 'The username must be at least 3 characters.',
  },
  'schema.kullaniciAdiEnFazla': {
    tr: 'Kullanıcı adı en fazla 40 karakter olabilir.',
    en: 'The username can be at most 40 characters.',
  },
  'schema.kullaniciAdindaYalnizcaHarf': {
    tr: 'Kullanıcı adında yalnızca harf, rakam, nokta, tire ve alt çizgi olabilir (boşluk olmaz).',
    en: 'A username can contain only letters, digits, dots, hyphens and underscores (no spaces).',
  },
  'schema.adiVeSoyadiYazin': {
    tr: 'Adı ve soyadı yazın.',
    en: 'Write the first name and surname.',
  },
  'schema.adSoyadEnFazla': {
    tr: 'Ad soyad en fazla 80 karakter olabilir.',
    en: 'The full name can be at most 80 characters.',
  },
  'schema.parolaEnFazlaKarakter': {
    tr: 'Parola en fazla 256 karakter olabilir.',
    en: 'The password can be at most 256 characters.',
  },
  'schema.parolayiYazin': {
    tr: 'Parolayı yazın.',
    en: 'Write the password.',
  },
  'schema.parolaKullaniciAdiylaAyni': {
    tr: 'Parola kullanıcı adıyla aynı olamaz.',
    en: 'The password cannot be the same as the username.',
  },
  'schema.kullaniciAdiniYazin': {
    tr: 'Kullanıcı adını yazın.',
    en: 'Write the username.',
  },
  'schema.ikiParolaAyniDegil': {
    tr: 'İki parola aynı değil.',
    en: 'The two passwords are not the same.',
  },
  'schema.enFazlaDakika': {
    tr: 'En fazla 120 dakika.',
    en: 'At most 120 minutes.',
  },
  'schema.dilTrYaDa': {
    tr: 'Dil "tr" ya da "en" olmalı.',
    en: 'The language must be "tr" or "en".',
  },
  'schema.yedekAdiGecersiz': {
    tr: 'Yedek adı geçersiz.',
    en: 'The backup name is not valid.',
  },
  'schema.dosyaYoluBos': {
    tr: 'Dosya yolu boş.',
    en: 'The file path is empty.',
  },
  'schema.dosyaYoluCokUzun': {
    tr: 'Dosya yolu çok uzun.',
    en: 'The file path is too long.',
  },
  'schema.dosyaYolundaGecersizBir': {
    tr: 'Dosya yolunda geçersiz bir karakter var.',
    en: 'The file path contains an invalid character.',
  },
  'schema.gecersizKayitKimligi': {
    tr: 'Geçersiz kayıt kimliği.',
    en: 'Invalid record id.',
  },
  'schema.iliSecin': {
    tr: 'İli seçin.',
    en: 'Choose a province.',
  },
  'schema.ilPlakaKoduIle': {
    tr: 'İl plaka kodu 01 ile 81 arasında iki haneli olmalı.',
    en: 'The province plate code must be two digits between 01 and 81.',
  },
  'schema.kurumTurunuSecin': {
    tr: 'Kurum türünü seçin.',
    en: 'Choose the organisation type.',
  },
  'schema.altTuruSecin': {
    tr: 'Alt türü seçin.',
    en: 'Choose the subtype.',
  },
  'schema.kurumunAdiniYazin': {
    tr: 'Kurumun adını yazın.',
    en: 'Write the organisation\'s name.',
  },
  'schema.adEnAzKarakter': {
    tr: 'Ad en az 3 karakter olmalı.',
    en: 'The name must be at least 3 characters.',
  },
  'schema.bilinmeyenFaaliyetAlani': {
    tr: 'Bilinmeyen faaliyet alanı.',
    en: 'Unknown field of activity.',
  },
  'schema.adSoyadYazin': {
    tr: 'Ad soyad yazın.',
    en: 'Write the full name.',
  },
  'schema.adSoyadEnAz': {
    tr: 'Ad soyad en az 3 karakter olmalı.',
    en: 'The full name must be at least 3 characters.',
  },
  'schema.iliskiTurunuSecin': {
    tr: 'İlişki türünü seçin.',
    en: 'Choose the relation type.',
  },
  'schema.gorusmeTurunuSecin': {
    tr: 'Görüşme türünü seçin.',
    en: 'Choose the kind of contact.',
  },
  'schema.konuyuYazin': {
    tr: 'Konuyu yazın.',
    en: 'Write the subject.',
  },
  'schema.konuEnAzKarakter': {
    tr: 'Konu en az 3 karakter olmalı.',
    en: 'The subject must be at least 3 characters.',
  },
  'schema.parmakIziniYazin': {
    tr: 'Parmak izini yazın.',
    en: 'Write the fingerprint.',
  },
  'schema.saatOlarakBirSayi': {
    tr: 'Saat olarak bir sayı yazın.',
    en: 'Write a number of hours.',
  },
  'schema.tamSaatYazin': {
    tr: 'Tam saat yazın.',
    en: 'Write whole hours.',
  },
  'schema.enAzSaatOlmali': {
    tr: 'En az 1 saat olmalı.',
    en: 'Must be at least 1 hour.',
  },
  'schema.enCokGunSaat': {
    tr: 'En çok 31 gün (744 saat) olabilir.',
    en: 'Can be at most 31 days (744 hours).',
  },
  'schema.gunOlarakBirSayi': {
    tr: 'Gün olarak bir sayı yazın.',
    en: 'Write a number of days.',
  },
  'schema.tamGunYazin': {
    tr: 'Tam gün yazın.',
    en: 'Write whole days.',
  },
  'schema.enAzGunOlmali': {
    tr: 'En az 1 gün olmalı.',
    en: 'Must be at least 1 day.',
  },
  'schema.enCokGunOlabilir': {
    tr: 'En çok 365 gün olabilir.',
    en: 'Can be at most 365 days.',
  },
  'schema.derneginAdiniYazin': {
    tr: 'Derneğin adını yazın.',
    en: 'Write the association\'s name.',
  },
  'schema.kulupTurunuSecin': {
    tr: 'Kulüp türünü seçin.',
    en: 'Choose the club type.',
  },
  'schema.ilceSecin': {
    tr: 'İlçe seçin.',
    en: 'Choose a district.',
  },
  'schema.uyeSayisiBirSayi': {
    tr: 'Üye sayısı bir sayı olmalı.',
    en: 'The number of members must be a number.',
  },
  'schema.aaGgBicimindeOlmali': {
    tr: 'AA-GG biçiminde olmalı.',
    en: 'Must be in MM-DD form.',
  },
  'schema.kisininGoreviniSecin': {
    tr: 'Kişinin görevini seçin.',
    en: 'Choose the person\'s role.',
  },
  'schema.goruntulemeGerekcesiniYazin': {
    tr: 'Görüntüleme gerekçesini yazın.',
    en: 'Write the reason for viewing.',
  },
  'schema.kaynagiYazinOrDerbis': {
    tr: 'Kaynağı yazın (ör. DERBİS çıktısı).',
    en: 'Write the source (e.g. a DERBİS printout).',
  },
  'schema.nakilGerekcesiniYazin': {
    tr: 'Nakil gerekçesini yazın.',
    en: 'Write the reason for the transfer.',
  },
  'schema.turuSecin': {
    tr: 'Türü seçin.',
    en: 'Choose the type.',
  },
  'schema.basligiYazin': {
    tr: 'Başlığı yazın.',
    en: 'Write the title.',
  },
  'schema.baslikEnAzKarakter': {
    tr: 'Başlık en az 3 karakter olmalı.',
    en: 'The title must be at least 3 characters.',
  },
  'schema.bolgeyiSecin': {
    tr: 'Bölgeyi seçin.',
    en: 'Choose the region.',
  },
  'schema.tarihGgAaYyyy': {
    tr: 'Tarih GG.AA.YYYY biçiminde olmalı.',
    en: 'The date must be in DD.MM.YYYY form.',
  },
  'schema.boyleBirTarihYok': {
    tr: 'Böyle bir tarih yok.',
    en: 'There is no such date.',
  },
  'schema.telefonNumarasiGecersizOrnek': {
    tr: 'Telefon numarası geçersiz. Örnek: 0 (312) 555 12 34.',
    en: 'The phone number is not valid. Example: 0 (312) 555 12 34.',
  },
  'schema.webSitesiAdresiGecersiz': {
    tr: 'Web sitesi adresi geçersiz. Örnek: www.ornek.org.tr',
    en: 'The website address is not valid. Example: www.ornek.org.tr',
  },
  'schema.ePostaAdresiGecersiz': {
    tr: 'E-posta adresi geçersiz. Örnek: dernek@ornek.org.tr',
    en: 'The email address is not valid. Example: dernek@ornek.org.tr',
  },
  'schema.kutukNoPpNnn': {
    tr: 'Kütük no PP-NNN-NNN biçiminde olmalı (PP: 01–81 il plaka kodu).',
    en: 'The register number must be in PP-NNN-NNN form (PP: province plate code 01–81).',
  },
  'schema.vergiKimlikNumarasiGecersiz': {
    tr: 'Vergi kimlik numarası geçersiz (10 hane, kontrol hanesi tutmuyor).',
    en: 'The tax number is not valid (10 digits, the check digit does not match).',
  },
  'schema.genclikMerkezininAdiEn': {
    tr: 'Gençlik merkezinin adı en az 2 karakter olmalı.',
    en: 'The youth centre\'s name must be at least 2 characters.',
  },
  'schema.kurtarmaParolasiEnAz': {
    tr: 'Kurtarma parolası en az 10 karakter olmalı.',
    en: 'The recovery passphrase must be at least 10 characters.',
  },
  'schema.kurtarmaParolasiniYazin': {
    tr: 'Kurtarma parolasını yazın.',
    en: 'Write the recovery passphrase.',
  },
  'schema.genclikMerkezininAdiniYazin': {
    tr: 'Gençlik merkezinin adını yazın.',
    en: 'Write the youth centre\'s name.',
  },
  'schema.adEnAzKarakter2': {
    tr: 'Ad en az 2 karakter olmalı.',
    en: 'The name must be at least 2 characters.',
  },
  'schema.adEnFazlaKarakter': {
    tr: 'Ad en fazla 150 karakter olabilir.',
    en: 'The name can be at most 150 characters.',
  },
  'schema.telefonNumarasiGecersizOrnek2': {
    tr: 'Telefon numarası geçersiz. Örnek: 0 (312) 555 12 34 ya da 0532 123 45 67.',
    en: 'The phone number is not valid. Example: 0 (312) 555 12 34 or 0532 123 45 67.',
  },
  'schema.ePostaAdresiGecersiz2': {
    tr: 'E-posta adresi geçersiz. Örnek: merkez@gsb.gov.tr',
    en: 'The email address is not valid. Example: merkez@gsb.gov.tr',
  },
  'schema.salonKapasitesiBirSayi': {
    tr: 'Salon kapasitesi bir sayı olmalı.',
    en: 'The hall capacity must be a number.',
  },
  'schema.salonKapasitesiTamSayi': {
    tr: 'Salon kapasitesi tam sayı olmalı.',
    en: 'The hall capacity must be a whole number.',
  },
  'schema.salonKapasitesiNegatifOlamaz': {
    tr: 'Salon kapasitesi negatif olamaz.',
    en: 'The hall capacity cannot be negative.',
  },
  'schema.salonKapasitesiEnFazla': {
    tr: 'Salon kapasitesi en fazla 100000 olabilir.',
    en: 'The hall capacity can be at most 100000.',
  },
  'schema.durumActiveYaDa': {
    tr: 'Durum "active" ya da "closed" olmalı.',
    en: 'The status must be "active" or "closed".',
  },
  'schema.baslikEnFazlaKarakter': {
    tr: 'Başlık en fazla 200 karakter olabilir.',
    en: 'The title can be at most 200 characters.',
  },
  'schema.saatSsDdBiciminde': {
    tr: 'Saat SS:DD biçiminde olmalı (örnek: 14:00).',
    en: 'The time must be in HH:MM form (example: 14:00).',
  },
  'schema.salonuYazin': {
    tr: 'Salonu yazın.',
    en: 'Write the hall.',
  },
  'schema.salonAdiniYazin': {
    tr: 'Salon adını yazın.',
    en: 'Write the hall\'s name.',
  },
  'schema.gundemMaddesiBosOlamaz': {
    tr: 'Gündem maddesi boş olamaz.',
    en: 'An agenda item cannot be empty.',
  },
  'schema.katilimcininTurunuSecin': {
    tr: 'Katılımcının türünü seçin.',
    en: 'Choose the participant\'s type.',
  },
  'schema.talepKategorisiniSecin': {
    tr: 'Talep kategorisini seçin.',
    en: 'Choose the request category.',
  },
  'schema.talebiYazin': {
    tr: 'Talebi yazın.',
    en: 'Write the request.',
  },
  'schema.talepEnAzKarakter': {
    tr: 'Talep en az 3 karakter olmalı.',
    en: 'The request must be at least 3 characters.',
  },
  'schema.karariYazin': {
    tr: 'Kararı yazın.',
    en: 'Write the decision.',
  },
  'schema.kararEnAzKarakter': {
    tr: 'Karar en az 3 karakter olmalı.',
    en: 'The decision must be at least 3 characters.',
  },
  'schema.durumuSecin': {
    tr: 'Durumu seçin.',
    en: 'Choose the status.',
  },
  'schema.dosyaTurunuSecin': {
    tr: 'Dosya türünü seçin.',
    en: 'Choose the file type.',
  },
  'schema.adSoyadEnAz2': {
    tr: 'Ad soyad en az 2 harf olmalı.',
    en: 'The full name must be at least 2 letters.',
  },
  'schema.adSoyadEnFazla2': {
    tr: 'Ad soyad en fazla 120 karakter olabilir.',
    en: 'The full name can be at most 120 characters.',
  },
  'schema.defterdenBirDosyaSecin': {
    tr: 'Defterden bir dosya seçin.',
    en: 'Choose a file from the log.',
  },
  'schema.birKopruDegisimDosyasi': {
    tr: 'Bir Köprü değişim dosyası (.kopru uzantılı) seçin.',
    en: 'Choose a Köprü exchange file (with the .kopru extension).',
  },
  'schema.baslikBosOlamaz': {
    tr: 'Başlık boş olamaz.',
    en: 'The title cannot be empty.',
  },
  'schema.aydinlatmaMetniBosOlamaz': {
    tr: 'Aydınlatma metni boş olamaz.',
    en: 'The privacy notice cannot be empty.',
  },
  'schema.adSoyadYaDa': {
    tr: 'Ad soyad ya da TC Kimlik No yazın (en az 2 karakter).',
    en: 'Write a full name or a TC identity number (at least 2 characters).',
  },
  'schema.sureYilOlarakTam': {
    tr: 'Süre yıl olarak tam sayı olmalı.',
    en: 'The period must be a whole number of years.',
  },
  'schema.phone.empty': {
    tr: 'Telefon numarası boş. Örnek: 0312 555 12 34 ya da 0532 123 45 67.',
    en: 'The phone number is empty. Example: 0312 555 12 34 or 0532 123 45 67.',
  },
  'schema.phone.characters': {
    tr: 'Telefon numarasında yalnız rakam, boşluk, parantez, tire ve başta + olabilir: "{written}". Örnek: 0312 555 12 34 ya da 0532 123 45 67.',
    en: 'A phone number may hold only digits, spaces, brackets, dashes and a leading +: "{written}". Example: 0312 555 12 34 or 0532 123 45 67.',
  },
  'schema.phone.countryUnknown': {
    tr: 'Yabancı telefon numarasının ülke kodu tanınmadı: {start}… Örnek: +49 30 1234567.',
    en: 'The country code of the foreign phone number is not known: {start}… Example: +49 30 1234567.',
  },
  'schema.phone.foreignInvalid': {
    tr: '{number} geçerli bir {country} numarası değil: ülke kodunu ve hane sayısını denetleyin.',
    en: '{number} is not a valid {country} number: check the country code and the number of digits.',
  },
  'schema.phone.missing': {
    tr: 'Telefon numarası eksik. Örnek: 0312 555 12 34 ya da 0532 123 45 67.',
    en: 'The phone number is incomplete. Example: 0312 555 12 34 or 0532 123 45 67.',
  },
  'schema.phone.tooShort': {
    tr: 'Telefon numarası eksik: alan koduyla birlikte 10 hane olmalı, {count} hane yazıldı. Örnek: 0312 555 12 34 ya da 0532 123 45 67.',
    en: 'The phone number is too short: it needs 10 digits with the area code, {count} were written. Example: 0312 555 12 34 or 0532 123 45 67.',
  },
  'schema.phone.tooLong': {
    tr: 'Telefon numarası fazla uzun: alan koduyla birlikte 10 hane olmalı, {count} hane yazıldı.',
    en: 'The phone number is too long: it needs 10 digits with the area code, {count} were written.',
  },
  'schema.phone.noSuchMobile': {
    tr: "Türkiye'de 0{prefix} ile başlayan bir GSM numarası yok: ilk haneleri denetleyin.",
    en: 'No mobile number in Turkey starts with 0{prefix}: check the first digits.',
  },
  'schema.phone.noSuchService': {
    tr: "Türkiye'de 0{prefix} ile başlayan bir hizmet numarası yok: ilk haneleri denetleyin.",
    en: 'No service number in Turkey starts with 0{prefix}: check the first digits.',
  },
  'schema.phone.noSuchAreaCode': {
    tr: "Türkiye'de 0{prefix} ile başlayan bir alan kodu yok: ilk haneleri denetleyin.",
    en: 'No area code in Turkey starts with 0{prefix}: check the first digits.',
  },
  'schema.phone444Length': {
    tr: '444 ile başlayan numaralar 7 hanelidir (444 1 444 gibi).',
    en: 'Numbers starting with 444 have 7 digits (like 444 1 444).',
  },
} as const satisfies Record<string, MessageText>;
