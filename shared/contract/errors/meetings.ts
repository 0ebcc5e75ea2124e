import type { MessageText } from './text';

// Messages the meetings backend sends a person (see ./index.ts).

export const meetingsMessages = {
  'meetings.sheetListChanged': {
    tr: 'Liste kodu {code} bu toplantının eski bir listesine ait: liste basıldıktan sonra davetliler değişti (güncel kod {current}), satır numaraları artık başka kişileri gösterebilir. Katılımı listeden tek tek işaretleyin ya da güncel listeyi basın.',
    en: 'List code {code} belongs to an earlier list of this meeting: the invitees changed after it was printed (current code {current}), so its row numbers may now point at other people. Mark attendance one by one in the list, or print the current sheet.',
  },
  'meetings.sheetOtherMeeting': {
    tr: 'Liste kodu {code} bu toplantının değil. Kodu hazirun listesinin üst kısmından kontrol edin.',
    en: 'List code {code} is not of this meeting. Check the code at the top of the attendance sheet.',
  },
  'meetings.sheetRowBad': { tr: '"{value}" bir satır numarası değil. Örnek: 1, 3, 5-8', en: '"{value}" is not a row number. Example: 1, 3, 5-8' },
  'meetings.sheetRowOutside': { tr: '{row} numaralı satır listede yok (listede {count} davetli var).', en: 'There is no row {row} on the sheet (it lists {count} invitees).' },
  'meetings.sheetCodeEmpty': { tr: 'Liste kodunu yazın.', en: 'Enter the list code.' },
  'meetings.sheetCodeLong': { tr: 'Liste kodu en fazla 20 karakter olabilir.', en: 'The list code can be at most 20 characters.' },
  'meetings.sheetRowsEmpty': { tr: 'İmzalı satırların numaralarını yazın.', en: 'Enter the numbers of the signed rows.' },
  'meetings.sheetRowsLong': { tr: 'Satır numaraları en fazla 2000 karakter olabilir.', en: 'The row numbers can be at most 2000 characters.' },
  'meetings.noInvitees': {
    tr: 'Bu toplantıya davet edilen kurum yok, yazılacak davet yazısı da yok. Önce Davetliler sekmesinde davet edilecek kurumları ekleyin.',
    en: 'No organisation is invited to this meeting, so there is no invitation letter to write. First add the organisations to invite on the Invitees tab.',
  },
  'meetings.toplantiBulunamadiSilinmisYa': {
    tr: 'Toplantı bulunamadı; silinmiş ya da bu kuruluma hiç gelmemiş olabilir.',
    en: 'The meeting was not found; it may have been deleted or never reached this installation.',
  },
  'meetings.venues.centreClosed': {
    tr: 'Bu kurulumun bağlı olduğu gençlik merkezi kapalı ya da henüz bu kuruluma gelmedi.',
    en: 'The youth centre this installation is bound to is closed or has not reached this installation yet.',
  },
  'meetings.buKurulumHenuzIl': {
    tr: 'Bu kurulum henüz il müdürlüğünün gençlik merkezi listesindeki kaydına bağlanmadı: önce il müdürlüğüne kaydolun (Veri değişimi).',
    en: 'This installation is not yet bound to its record in the provincial directorate\'s youth centre list: first enrol with the provincial directorate (Data exchange).',
  },
  'meetings.toplantiDavetYazisininTarihinden': {
    tr: 'Toplantı, davet yazısının tarihinden ({letter_date}) önceye alınamaz; önce yeni bir davet yazısı gerekir.',
    en: 'The meeting cannot be moved before the date of its invitation letter ({letter_date}); a new invitation letter is needed first.',
  },
  'meetings.buToplantiBaskaBir': {
    tr: 'Bu toplantı başka bir birime ait; yalnızca toplantıyı planlayan birim değiştirebilir.',
    en: 'This meeting belongs to another unit; only the unit that planned it can change it.',
  },
  // Parts of a meeting and records named inside other messages (`{what}`).
  'meetings.part.minutes': { tr: 'Tutanak', en: 'The minutes' },
  'meetings.part.requests': { tr: 'Talep ve öneriler', en: 'Requests and suggestions' },
  'meetings.part.decisions': { tr: 'Kararlar', en: 'Decisions' },
  'meetings.part.review': { tr: 'Kararların gözden geçirilmesi', en: 'The review of decisions' },
  'meetings.record.participant': { tr: 'Katılımcı', en: 'The participant' },
  'meetings.record.request': { tr: 'Talep', en: 'The request' },
  'meetings.record.file': { tr: 'Dosya', en: 'The file' },
  'meetings.whatYalnizcaYapilmisToplantiya': {
    tr: '{what} yalnızca yapılmış toplantıya kaydedilir; bu toplantı "{value}" durumunda.',
    en: '{what} can be recorded only for a meeting that took place; this meeting is "{value}".',
  },
  'meetings.secilenGenclikMerkeziBulunamadi': {
    tr: 'Seçilen gençlik merkezi bulunamadı.',
    en: 'The selected youth centre was not found.',
  },
  'meetings.secilenGenclikMerkeziKapali': {
    tr: 'Seçilen gençlik merkezi kapalı; kapalı merkezde toplantı planlanamaz.',
    en: 'The selected youth centre is closed; no meeting can be planned at a closed centre.',
  },
  'meetings.yalnizcaKendiIlinizdekiGenclik': {
    tr: 'Yalnızca kendi ilinizdeki gençlik merkezlerinde toplantı planlanabilir.',
    en: 'Meetings can be planned only at youth centres in your own province.',
  },
  'meetings.buKurulumYalnizcaKendi': {
    tr: 'Bu kurulum yalnızca kendi gençlik merkezinin toplantılarını planlar.',
    en: 'This installation plans only its own youth centre\'s meetings.',
  },
  'meetings.bitisSaatiBaslangicSaatinden': {
    tr: 'Bitiş saati başlangıç saatinden sonra olmalı.',
    en: 'The end time must be after the start time.',
  },
  'meetings.whatBulunamadi': {
    tr: '{what} bulunamadı.',
    en: '{what} was not found.',
  },
  'meetings.yalnizcaKendiIlinizinToplantilarini': {
    tr: 'Yalnızca kendi ilinizin toplantılarını görebilirsiniz.',
    en: 'You can see only your own province\'s meetings.',
  },
  'meetings.planlayiciIcinBirIl': {
    tr: 'Planlayıcı için bir il seçin.',
    en: 'Choose a province for the planner.',
  },
  'meetings.ilBulunamadi': {
    tr: 'İl bulunamadı.',
    en: 'Province not found.',
  },
  'meetings.bitisTarihiBaslangictanOnce': {
    tr: 'Bitiş tarihi başlangıçtan önce olamaz.',
    en: 'The end date cannot be before the start date.',
  },
  'meetings.toplantiValueDurumundaPlan': {
    tr: 'Toplantı "{value}" durumunda; plan yalnızca toplantı yapılmadan ve iptal edilmeden önce değiştirilebilir.',
    en: 'The meeting is "{value}"; the plan can be changed only before the meeting takes place or is cancelled.',
  },
  'meetings.labelIslemiBuToplantiya': {
    tr: '"{label}" işlemi bu toplantıya uygulanamaz: toplantı "{value}" durumunda.',
    en: '"{label}" cannot be applied to this meeting: the meeting is "{value}".',
  },
  'meetings.davetYazisininTarihiBugunden': {
    tr: 'Davet yazısının tarihi bugünden ({today}) sonra olamaz.',
    en: 'The invitation letter cannot be dated after today ({today}).',
  },
  'meetings.davetYazisiToplantidanDate': {
    tr: 'Davet yazısı toplantıdan ({date}) sonra tarihli olamaz.',
    en: 'The invitation letter cannot be dated after the meeting ({date}).',
  },
  'meetings.toplantiTarihiDateHenuz': {
    tr: 'Toplantı tarihi ({date}) henüz gelmedi; yapıldı olarak işaretlenemez.',
    en: 'The meeting date ({date}) has not come yet; it cannot be marked as held.',
  },
  'meetings.toplantiValueDurumundaKatilimci': {
    tr: 'Toplantı "{value}" durumunda; katılımcı eklenemez.',
    en: 'The meeting is "{value}"; participants cannot be added.',
  },
  'meetings.fullnameDavetliYaDa': {
    tr: '{fullName} davetli ya da katılan olarak işaretlenmeli.',
    en: '{fullName} must be marked as invited or as attending.',
  },
  'meetings.katilimVeDavetsizKatilimci': {
    tr: 'Katılım (ve davetsiz katılımcı) yalnızca yapılmış toplantıya kaydedilir; toplantı "{value}" durumunda.',
    en: 'Attendance (and uninvited participants) are recorded only for a meeting that took place; the meeting is "{value}".',
  },
  'meetings.stkTemsilcisininKurumunuSecin': {
    tr: 'STK temsilcisinin kurumunu seçin ya da yazın.',
    en: 'Choose or type the organisation of the CSO representative.',
  },
  'meetings.secilenKurumBulunamadi': {
    tr: 'Seçilen kurum bulunamadı.',
    en: 'The selected organisation was not found.',
  },
  'meetings.secilenKisiBulunamadi': {
    tr: 'Seçilen kişi bulunamadı.',
    en: 'The selected person was not found.',
  },
  'meetings.buKatilimciBuToplantida': {
    tr: 'Bu katılımcı bu toplantıda yok.',
    en: 'This participant is not in this meeting.',
  },
  'meetings.toplantiYapildiktanSonraYalnizca': {
    tr: 'Toplantı yapıldıktan sonra yalnızca katılanlar eklenebilir.',
    en: 'After the meeting has taken place only attendees can be added.',
  },
  'meetings.katilimYalnizcaYapilmisToplantida': {
    tr: 'Katılım yalnızca yapılmış toplantıda işaretlenir; toplantı "{value}" durumunda.',
    en: 'Attendance is marked only for a meeting that took place; the meeting is "{value}".',
  },
  'meetings.iSatirBuKatilimci': {
    tr: '{i}. satır: Bu katılımcı bu toplantıda yok.',
    en: 'Row {i}: this participant is not in this meeting.',
  },
  'meetings.iSatirDavetsizKatilimci': {
    tr: '{i}. satır: Davetsiz katılımcı katılmadı olarak işaretlenemez; satırı silin.',
    en: 'Row {i}: an uninvited participant cannot be marked as absent; delete the row.',
  },
  'meetings.toplantiValueDurumundaKatilimci2': {
    tr: 'Toplantı "{value}" durumunda; katılımcı listesi değiştirilemez.',
    en: 'The meeting is "{value}"; the participant list cannot be changed.',
  },
  'meetings.iMaddeBuToplantinin': {
    tr: '{i}. madde bu toplantının gündeminde yok.',
    en: 'Item {i} is not on this meeting\'s agenda.',
  },
  'meetings.buTalepBuToplantida': {
    tr: 'Bu talep bu toplantıda yok.',
    en: 'This request is not in this meeting.',
  },
  'meetings.buKararBuToplantida': {
    tr: 'Bu karar bu toplantıda yok.',
    en: 'This decision is not in this meeting.',
  },
  'meetings.kararBulunamadi': {
    tr: 'Karar bulunamadı.',
    en: 'The decision was not found.',
  },
  'meetings.buKararBaskaBir': {
    tr: 'Bu karar başka bir birime ait; yalnızca sahibi güncelleyebilir.',
    en: 'This decision belongs to another unit; only its owner can update it.',
  },
  'meetings.kararYalnizcaAyniGenclik': {
    tr: 'Karar yalnızca aynı gençlik merkezinin toplantısında gözden geçirilebilir.',
    en: 'A decision can be reviewed only at a meeting of the same youth centre.',
  },
  'meetings.kararAlindigiToplantidanOnceki': {
    tr: 'Karar, alındığı toplantıdan önceki bir toplantıda gözden geçirilemez.',
    en: 'A decision cannot be reviewed at a meeting before the one where it was taken.',
  },
  'meetings.dosyaBulunamadi': {
    tr: 'Dosya bulunamadı.',
    en: 'The file was not found.',
  },
  'meetings.davetYazisininTarihiniGirin': {
    tr: 'Davet yazısının tarihini girin.',
    en: 'Enter the date of the invitation letter.',
  },
  'meetings.davetYazisininSayisiniGirin': {
    tr: 'Davet yazısının sayısını girin.',
    en: 'Enter the number of the invitation letter.',
  },
  'meetings.buIslemIcinGerekce': {
    tr: 'Bu işlem için gerekçe yazılmalı.',
    en: 'This action needs a written reason.',
  },
  'meetings.toplantininYeniTarihiniGirin': {
    tr: 'Toplantının yeni tarihini girin.',
    en: 'Enter the meeting\'s new date.',
  },
  'meetings.rowDetail': {
    tr: '{i}. satır: {detail}',
    en: 'Row {i}: {detail}',
  },
} as const satisfies Record<string, MessageText>;
