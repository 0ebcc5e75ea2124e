import { RETENTION_ANCHOR_LABELS, RETENTION_RULE_BY_ID, type Bilingual, type RetentionRuleId, type RetentionYears } from './retention';

// The data inventory (kişisel veri envanteri) in the shape VERBİS, the KVKK registry of data controllers,
// asks for: per process, data category and data subject group — the items, the purpose, the legal basis, the
// retention period, the recipient groups, transfers abroad and the measures. It describes what Köprü really
// stores (`storedIn` names the tables and columns; a test holds it to the schema and to the scope rules'
// personal tables), so the export changes when the data does, not when someone remembers to update a form.

export interface InventoryEntry {
  id: string;
  /** The process and the departments that run it. */
  process: Bilingual;
  /** A VERBİS data category. */
  category: Bilingual;
  /** Special-category data (KVKK Art. 6): association membership. */
  special: boolean;
  subjects: Bilingual;
  items: Bilingual;
  purpose: Bilingual;
  legalBasis: Bilingual;
  retention: RetentionRuleId;
  recipients: Bilingual;
  /** Every measure of the row: those all rows share (COMMON_MEASURES) and the row's own. */
  technical: Bilingual;
  administrative: Bilingual;
  /** Measures of this row beyond the common ones (the TC Kimlik No's masking and reveal log). */
  extraTechnical: Bilingual | null;
  storedIn: readonly { table: string; columns: readonly string[] }[];
}

export const TRANSFER_ABROAD: Bilingual = { tr: 'Yok', en: 'None' };

// --- What several rows share -------------------------------------------------------------------------------

const REGISTRY: Bilingual = {
  tr: 'Gençlik kulüpleri sicili: tescil, vize ve aktarma (Gençlik Hizmetleri Genel Müdürlüğü STK ile İlişkiler Dairesi; Gençlik ve Spor İl Müdürlükleri)',
  en: 'Registry of youth associations: registration, visa and transfer (Directorate-General for Youth Services, CSO Relations Department; provincial directorates)',
};
const DIRECTORY: Bilingual = {
  tr: 'STK, kamu kurumu, belediye ve üniversite rehberi ile ilişkiler (il müdürlükleri, gençlik merkezleri, STK ile İlişkiler Dairesi)',
  en: 'Directory of CSOs, public institutions, municipalities and universities, and relations with them (provincial directorates, youth centres, CSO Relations Department)',
};
const MEETINGS: Bilingual = {
  tr: 'Gençlik merkezlerinde işbirliği ve istişare toplantıları (gençlik merkezleri, il müdürlükleri)',
  en: 'Cooperation and consultation meetings at youth centres (youth centres, provincial directorates)',
};
const WORKSHOPS: Bilingual = {
  tr: 'Bölge çalıştayları ve ulusal zirveler (STK ile İlişkiler Dairesi, ev sahibi il müdürlükleri)',
  en: 'Regional workshops and national summits (CSO Relations Department, host provincial directorates)',
};
const AUDIT: Bilingual = {
  tr: 'Kişisel verilere erişimin, veri değişiminin ve imhanın kaydı (tüm birimler)',
  en: 'Records of access to personal data, of data exchange and of destruction (every unit)',
};

const BOARD_SUBJECTS: Bilingual = {
  tr: 'Gençlik kulüplerinin yönetim ve denetim kurulu üyeleri, gençlik liderleri, eğitmenleri ve yetkilileri',
  en: 'Board and audit-board members, youth leaders, instructors and contact persons of youth associations',
};
const CONTACT_SUBJECTS: Bilingual = {
  tr: 'STK, kamu kurumu, belediye ve üniversite temsilcileri',
  en: 'Representatives of CSOs, public institutions, municipalities and universities',
};
const PARTICIPANT_SUBJECTS: Bilingual = {
  tr: 'Toplantı katılımcıları (STK temsilcileri, kamu görevlileri, gençler), toplantı başkanı ve raportörü',
  en: 'Meeting participants (CSO representatives, public officials, young people), the chair and the rapporteur',
};
const WORKSHOP_SUBJECTS: Bilingual = { tr: 'Çalıştay ve zirve katılımcıları', en: 'Workshop and summit participants' };

const REGISTRY_PURPOSE: Bilingual = {
  tr: 'Kulüplerin tescil, vize, nakil ve statü değişikliği işlemlerinin yürütülmesi; kurullar için mevzuatta aranan şartların denetlenmesi; kulüple yazışma',
  en: 'Carrying out registration, visa, transfer and club-type change; checking the legal requirements for boards; correspondence with the club',
};
const DIRECTORY_PURPOSE: Bilingual = {
  tr: 'Kurumlarla ilişkilerin yürütülmesi; toplantı ve etkinliklere davet; resmî yazışma ve görüşmelerin izlenmesi',
  en: 'Relations with organisations; invitations to meetings and events; following up official letters and interactions',
};
const MEETING_PURPOSE: Bilingual = {
  tr: 'Toplantıların planlanması ve davetlerin gönderilmesi; katılımın, tutanağın ve kararların kayda alınması ve izlenmesi; faaliyet istatistikleri (kişi adı içermez)',
  en: 'Planning meetings and sending invitations; recording attendance, minutes and decisions and following them up; activity statistics (no names)',
};
const WORKSHOP_PURPOSE: Bilingual = {
  tr: 'Çalıştay ve zirvelerin düzenlenmesi, katılımın kaydı; bölge ve ulusal raporlar (kişi adı içermez)',
  en: 'Organising workshops and summits and recording attendance; regional and national reports (no names)',
};

const LAW: Bilingual = {
  tr: 'KVKK m. 5/2-a (kanunlarda açıkça öngörülmesi), m. 5/2-ç (hukuki yükümlülük); 1 sayılı CBK m. 187',
  en: 'KVKK Art. 5(2)(a) (expressly provided by law), Art. 5(2)(ç) (legal obligation); Presidential Decree No. 1, Art. 187',
};
const LAW_SPECIAL: Bilingual = {
  tr: 'KVKK m. 6/3 (kanunlarda açıkça öngörülmesi); 1 sayılı CBK m. 187',
  en: 'KVKK Art. 6(3) (expressly provided by law); Presidential Decree No. 1, Art. 187',
};
const LAW_OBLIGATION: Bilingual = {
  tr: 'KVKK m. 5/2-ç (hukuki yükümlülük: KVKK m. 12 veri güvenliği, İmha Yönetmeliği 2017)',
  en: 'KVKK Art. 5(2)(ç) (legal obligation: KVKK Art. 12 data security, Destruction Regulation 2017)',
};

const REGISTRY_RECIPIENTS: Bilingual = {
  tr: 'Kaydı tutan Gençlik ve Spor İl Müdürlüğü; Bakanlık merkez teşkilatı; nakilde alıcı il müdürlüğü; talep hâlinde kanunen yetkili kamu kurumları ve yargı mercileri. Gençlik merkezlerine gönderilmez.',
  en: 'The provincial directorate holding the record; the ministry’s central organisation; on transfer, the receiving province; on request, public authorities and courts entitled by law. Not sent to youth centres.',
};
const PROVINCE_RECIPIENTS: Bilingual = {
  tr: 'Kaydı tutan birim; aynı ilin gençlik merkezleri ve Gençlik ve Spor İl Müdürlüğü; Bakanlık merkez teşkilatı; talep hâlinde kanunen yetkili kamu kurumları ve yargı mercileri',
  en: 'The unit holding the record; the youth centres and the provincial directorate of the same province; the ministry’s central organisation; on request, public authorities and courts entitled by law',
};
const WORKSHOP_RECIPIENTS: Bilingual = {
  tr: 'Bakanlık merkez teşkilatı ve ev sahibi Gençlik ve Spor İl Müdürlüğü; talep hâlinde kanunen yetkili kamu kurumları ve yargı mercileri',
  en: 'The ministry’s central organisation and the host provincial directorate; on request, public authorities and courts entitled by law',
};
const LOCAL_ONLY: Bilingual = { tr: 'Aktarılmaz: yalnızca kaydı yazan kurulumda kalır', en: 'Not transferred: stays on the installation that wrote it' };

/** Measures every row has (KVKK Art. 12; the Board's adequate-measures decision 2018/10). */
const TECHNICAL: Bilingual = {
  tr: 'Çevrim dışı çalışma (veri internete gönderilmez); her kurulum yalnızca kendi kapsamındaki kayıtları tutar; veritabanı, yedekleri, eklenen dosyalar ve anahtarlar bilgisayarda şifreli durur (anahtarı işletim sisteminin anahtar deposu ya da yöneticinin kurtarma parolası açar); veri değişim dosyaları alıcısına şifrelenir ve imzalanır; her değişiklik kaynağı ve zamanıyla değişiklik günlüğüne yazılır; otomatik yedek ve bütünlük denetimi; günlük dosyalarında kişisel veri maskelenir',
  en: 'Works offline (no data sent over the internet); each installation holds only the records in its scope; the database, its backups, attached files and keys are encrypted at rest (the key is opened by the OS key store or the administrator’s recovery passphrase); exchange files are encrypted for their recipient and signed; every change is logged with its origin and time; automatic backups and integrity checks; personal data masked in log files',
};
const ADMINISTRATIVE: Bilingual = {
  tr: 'Erişim birim yetkisine göre sınırlıdır (Bakanlık, il müdürlüğü, gençlik merkezi); saklama süreleri Bakanlıkça belirlenir ve süre sonunda imha edilir; ilgili kişilere aydınlatma metni verilir; elden taşınan veri değişim dosyaları şifrelidir (CB Genelgesi 2019/12)',
  en: 'Access limited by the unit’s role (ministry, province, youth centre); retention periods set by the ministry, data destroyed at the end; data subjects given the privacy notice; exchange files carried by hand are encrypted (Presidential Circular 2019/12)',
};

export const COMMON_MEASURES: Readonly<{ technical: Bilingual; administrative: Bilingual }> = { technical: TECHNICAL, administrative: ADMINISTRATIVE };

function withExtra(base: Bilingual, extra?: Bilingual): Bilingual {
  return extra ? { tr: `${extra.tr}; ${base.tr}`, en: `${extra.en}; ${base.en}` } : base;
}

const TC_MEASURES: Bilingual = {
  tr: 'TC Kimlik No isteğe bağlıdır, ekranda maskelenir, her gösterimi amacıyla kaydedilir; mükerrer kontrolü kurulumun gizli anahtarıyla HMAC üzerinden yapılır; dosya adlarına ve günlüklere yazılmaz',
  en: 'TC Kimlik No optional, masked on screen, every reveal logged with its purpose; duplicate checks use an HMAC under the installation’s secret key; never written in file names or logs',
};

type Row = Omit<InventoryEntry, 'technical' | 'administrative' | 'extraTechnical'> & { extraTechnical?: Bilingual };

const ROWS: readonly Row[] = [
  {
    id: 'board-tc', process: REGISTRY, category: { tr: 'Kimlik', en: 'Identity' }, special: false, subjects: BOARD_SUBJECTS,
    items: { tr: 'TC Kimlik No', en: 'TC Kimlik No (national identity number)' },
    purpose: REGISTRY_PURPOSE, legalBasis: LAW, retention: 'boardMemberTcKimlikNo', recipients: REGISTRY_RECIPIENTS, extraTechnical: TC_MEASURES,
    storedIn: [{ table: 'association_people', columns: ['tc_kimlik_no', 'tc_hash'] }],
  },
  {
    id: 'board-identity', process: REGISTRY, category: { tr: 'Kimlik', en: 'Identity' }, special: false, subjects: BOARD_SUBJECTS,
    items: { tr: 'Ad soyad', en: 'Full name' },
    purpose: REGISTRY_PURPOSE, legalBasis: LAW, retention: 'associationFile', recipients: REGISTRY_RECIPIENTS,
    storedIn: [{ table: 'association_people', columns: ['full_name'] }],
  },
  {
    id: 'board-contact', process: REGISTRY, category: { tr: 'İletişim', en: 'Contact' }, special: false, subjects: BOARD_SUBJECTS,
    items: { tr: 'Telefon, e-posta', en: 'Phone, e-mail' },
    purpose: REGISTRY_PURPOSE, legalBasis: LAW, retention: 'boardMemberContact', recipients: REGISTRY_RECIPIENTS,
    storedIn: [{ table: 'association_people', columns: ['phone', 'email'] }],
  },
  {
    id: 'board-profession', process: REGISTRY, category: { tr: 'Mesleki Deneyim', en: 'Professional experience' }, special: false, subjects: BOARD_SUBJECTS,
    items: { tr: 'Meslek; gençlik lideri ve eğitmen belge numarası', en: 'Profession; youth leader and instructor certificate number' },
    purpose: REGISTRY_PURPOSE, legalBasis: LAW, retention: 'associationFile', recipients: REGISTRY_RECIPIENTS,
    storedIn: [{ table: 'association_people', columns: ['profession', 'certificate_no'] }],
  },
  {
    id: 'board-membership', process: REGISTRY, category: { tr: 'Dernek Üyeliği (özel nitelikli)', en: 'Association membership (special category)' }, special: true, subjects: BOARD_SUBJECTS,
    items: { tr: 'Hangi kulübün hangi kurulunda görevli olduğu, görevi (asıl/yedek), görev süresi', en: 'Which club’s board the person sits on, role (full/substitute), term' },
    purpose: REGISTRY_PURPOSE, legalBasis: LAW_SPECIAL, retention: 'associationFile', recipients: REGISTRY_RECIPIENTS,
    storedIn: [{ table: 'association_people', columns: ['association_id', 'kind', 'membership', 'role', 'term_start', 'term_end'] }],
  },
  {
    id: 'board-documents', process: REGISTRY, category: { tr: 'Hukuki İşlem', en: 'Legal transactions' }, special: false, subjects: BOARD_SUBJECTS,
    items: { tr: 'Taranmış başvuru belgeleri: dilekçe, kurul kararı, sözleşme ve sertifikalar, imzalar', en: 'Scanned application documents: petition, board decision, contracts and certificates, signatures' },
    purpose: REGISTRY_PURPOSE, legalBasis: LAW, retention: 'associationFile', recipients: REGISTRY_RECIPIENTS,
    storedIn: [{ table: 'association_attachments', columns: ['sha256', 'file_name'] }],
  },
  {
    id: 'contact-identity', process: DIRECTORY, category: { tr: 'Kimlik', en: 'Identity' }, special: false, subjects: CONTACT_SUBJECTS,
    items: { tr: 'Ad soyad', en: 'Full name' },
    purpose: DIRECTORY_PURPOSE, legalBasis: LAW, retention: 'directoryContacts', recipients: PROVINCE_RECIPIENTS,
    storedIn: [{ table: 'contacts', columns: ['full_name'] }],
  },
  {
    id: 'contact-contact', process: DIRECTORY, category: { tr: 'İletişim', en: 'Contact' }, special: false, subjects: CONTACT_SUBJECTS,
    items: { tr: 'Telefon, e-posta, notlar', en: 'Phone, e-mail, notes' },
    purpose: DIRECTORY_PURPOSE, legalBasis: LAW, retention: 'directoryContacts', recipients: PROVINCE_RECIPIENTS,
    storedIn: [{ table: 'contacts', columns: ['phone', 'email', 'notes'] }],
  },
  {
    id: 'contact-profession', process: DIRECTORY, category: { tr: 'Mesleki Deneyim', en: 'Professional experience' }, special: false, subjects: CONTACT_SUBJECTS,
    items: { tr: 'Unvan; temsil ettiği kurum ve önceki kurumları', en: 'Title; the organisation represented and earlier ones' },
    purpose: DIRECTORY_PURPOSE, legalBasis: LAW, retention: 'directoryContacts', recipients: PROVINCE_RECIPIENTS,
    storedIn: [{ table: 'contacts', columns: ['title', 'organisation_id'] }, { table: 'contact_affiliations', columns: ['organisation_id', 'title', 'until_on'] }],
  },
  {
    id: 'participant-identity', process: MEETINGS, category: { tr: 'Kimlik', en: 'Identity' }, special: false, subjects: PARTICIPANT_SUBJECTS,
    items: { tr: 'Ad soyad (TC Kimlik No alınmaz)', en: 'Full name (no TC Kimlik No is taken)' },
    purpose: MEETING_PURPOSE, legalBasis: LAW, retention: 'meetingRecords', recipients: PROVINCE_RECIPIENTS,
    storedIn: [{ table: 'meeting_participants', columns: ['full_name'] }, { table: 'meetings', columns: ['chair', 'rapporteur'] }],
  },
  {
    id: 'participant-contact', process: MEETINGS, category: { tr: 'İletişim', en: 'Contact' }, special: false, subjects: PARTICIPANT_SUBJECTS,
    items: { tr: 'Telefon, e-posta (isteğe bağlı)', en: 'Phone, e-mail (optional)' },
    purpose: MEETING_PURPOSE, legalBasis: LAW, retention: 'meetingParticipantContact', recipients: PROVINCE_RECIPIENTS,
    storedIn: [{ table: 'meeting_participants', columns: ['phone', 'email'] }],
  },
  {
    id: 'participant-profession', process: MEETINGS, category: { tr: 'Mesleki Deneyim', en: 'Professional experience' }, special: false, subjects: PARTICIPANT_SUBJECTS,
    items: { tr: 'Unvan, katılımcı türü, davet ve katılım durumu', en: 'Title, participant kind, invited and attended' },
    purpose: MEETING_PURPOSE, legalBasis: LAW, retention: 'meetingRecords', recipients: PROVINCE_RECIPIENTS,
    storedIn: [{ table: 'meeting_participants', columns: ['title', 'kind', 'invited', 'attended', 'walk_in'] }],
  },
  {
    id: 'participant-membership', process: MEETINGS, category: { tr: 'Dernek Üyeliği (özel nitelikli)', en: 'Association membership (special category)' }, special: true, subjects: PARTICIPANT_SUBJECTS,
    items: { tr: 'Temsil ettiği STK (katılım listesi kişinin bağlı olduğu kuruluşu gösterir)', en: 'The CSO represented (an attendance list shows the person’s affiliation)' },
    purpose: MEETING_PURPOSE, legalBasis: LAW_SPECIAL, retention: 'meetingRecords', recipients: PROVINCE_RECIPIENTS,
    storedIn: [{ table: 'meeting_participants', columns: ['organisation_id', 'organisation_name', 'contact_id'] }],
  },
  {
    id: 'participant-files', process: MEETINGS, category: { tr: 'Görsel ve İşitsel Kayıtlar', en: 'Visual and audio records' }, special: false, subjects: PARTICIPANT_SUBJECTS,
    items: { tr: 'İmzalı katılım (hazirun) listesi taramaları, toplantı fotoğrafları', en: 'Scans of signed attendance sheets, meeting photos' },
    purpose: MEETING_PURPOSE, legalBasis: LAW, retention: 'meetingRecords', recipients: PROVINCE_RECIPIENTS,
    storedIn: [{ table: 'meeting_files', columns: ['sha256', 'file_name'] }],
  },
  {
    id: 'workshop-identity', process: WORKSHOPS, category: { tr: 'Kimlik', en: 'Identity' }, special: false, subjects: WORKSHOP_SUBJECTS,
    items: { tr: 'Ad soyad (TC Kimlik No alınmaz)', en: 'Full name (no TC Kimlik No is taken)' },
    purpose: WORKSHOP_PURPOSE, legalBasis: LAW, retention: 'workshopParticipants', recipients: WORKSHOP_RECIPIENTS,
    storedIn: [{ table: 'workshop_participants', columns: ['full_name'] }],
  },
  {
    id: 'workshop-profession', process: WORKSHOPS, category: { tr: 'Mesleki Deneyim', en: 'Professional experience' }, special: false, subjects: WORKSHOP_SUBJECTS,
    items: { tr: 'Unvan, temsil ettiği kurum, il', en: 'Title, organisation represented, province' },
    purpose: WORKSHOP_PURPOSE, legalBasis: LAW, retention: 'workshopParticipants', recipients: WORKSHOP_RECIPIENTS,
    storedIn: [{ table: 'workshop_participants', columns: ['title', 'organisation_id', 'organisation_name', 'province_plate'] }],
  },
  {
    id: 'reveal-log', process: AUDIT, category: { tr: 'İşlem Güvenliği', en: 'Transaction security' }, special: false,
    subjects: { tr: 'TC Kimlik No’su gösterilen kurul üyeleri; gösteren personel', en: 'Board members whose TC Kimlik No was revealed; the staff who revealed it' },
    items: { tr: 'Kimin TC Kimlik No’sunun, kim tarafından, ne zaman, hangi amaçla gösterildiği', en: 'Whose TC Kimlik No was revealed, by whom, when and for what purpose' },
    purpose: { tr: 'Kişisel verilere erişimin denetlenmesi ve hesap verebilirlik', en: 'Auditing access to personal data; accountability' },
    legalBasis: LAW_OBLIGATION, retention: 'revealLog', recipients: LOCAL_ONLY,
    storedIn: [{ table: 'reveal_log', columns: ['person_id', 'at', 'actor_name', 'purpose'] }],
  },
  {
    id: 'exchange-ledger', process: AUDIT, category: { tr: 'İşlem Güvenliği', en: 'Transaction security' }, special: false,
    subjects: { tr: 'Veri değişim dosyalarıyla verileri taşınan ilgili kişiler; dosyayı hazırlayan personel', en: 'Data subjects whose data exchange files carried; the staff who made the files' },
    items: { tr: 'Hangi dosyanın, hangi kurulumla, ne zaman değişildiği ve kaç kayıt taşıdığı', en: 'Which file was exchanged with which installation, when, and how many records it carried' },
    purpose: { tr: 'Veri aktarımlarının izlenmesi; kaybolan bir dosyada kimlerin verisi olduğunun belirlenmesi (ihlal bildirimi, 72 saat)', en: 'Tracing transfers; telling whose data a lost file carried (breach notification, 72 hours)' },
    legalBasis: LAW_OBLIGATION, retention: 'exchangeLedger', recipients: LOCAL_ONLY,
    storedIn: [{ table: 'sync_ledger', columns: ['peer_node', 'file_name', 'at', 'summary'] }],
  },
  {
    id: 'destruction-log', process: AUDIT, category: { tr: 'İşlem Güvenliği', en: 'Transaction security' }, special: false,
    subjects: { tr: 'Verileri silinen, yok edilen ya da anonimleştirilen ilgili kişiler', en: 'Data subjects whose data were erased, destroyed or anonymised' },
    items: { tr: 'Hangi kaydın, neden, hangi kurala göre ve ne zaman imha edildiği (verinin kendisi tutulmaz)', en: 'Which record was destroyed, why, under which rule and when (not the data itself)' },
    purpose: { tr: 'İmha işlemlerinin ispatı', en: 'Proof of destruction' },
    legalBasis: LAW_OBLIGATION, retention: 'destructionLog', recipients: LOCAL_ONLY,
    storedIn: [{ table: 'destruction_log', columns: ['table_name', 'row_id', 'reason', 'source', 'destroyed_at'] }],
  },
];

export const DATA_INVENTORY: readonly InventoryEntry[] = ROWS.map(({ extraTechnical, ...row }) => ({
  ...row,
  technical: withExtra(TECHNICAL, extraTechnical),
  administrative: ADMINISTRATIVE,
  extraTechnical: extraTechnical ?? null,
}));

/** `5 yıl — görev süresi bittikten …`: a rule's period in force, as the inventory states it. */
export function retentionText(rule: RetentionRuleId, years: RetentionYears, language: keyof Bilingual): string {
  const def = RETENTION_RULE_BY_ID.get(rule)!;
  const n = years[rule];
  const anchor = RETENTION_ANCHOR_LABELS[def.anchor][language];
  return language === 'tr' ? `${n} yıl (${anchor})` : `${n} ${n === 1 ? 'year' : 'years'} (${anchor})`;
}
