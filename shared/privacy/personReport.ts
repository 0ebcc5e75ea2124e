// The data subject's report (KVKK Art. 11: everything held about one person, answered within 30 days) and the
// lost-file report (Art. 12/5: whose data an exchange file carried, for the 72-hour breach notification).
// Which tables hold people, what each column is called in both languages, and the rule by which a report
// says an exchange file "carried" a record. Pure data: the queries are in db/privacy/personReport.ts.

export type Bilingual = { tr: string; en: string };

export const PERSON_CATEGORIES = ['board', 'participant', 'contact', 'affiliation', 'workshop'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const PERSON_CATEGORY_LABELS: Record<PersonCategory, Bilingual> = {
  board: { tr: 'Dernek kurulu / görevlisi', en: 'Association board member / officer' },
  participant: { tr: 'Toplantı davetlisi / katılımcısı', en: 'Meeting invitee / participant' },
  contact: { tr: 'Kurum temsilcisi / irtibat kişisi', en: 'Organisation representative / contact' },
  affiliation: { tr: 'Temsilcinin önceki kurumu', en: 'Representative’s former organisation' },
  workshop: { tr: 'Çalıştay katılımcısı', en: 'Workshop participant' },
};

/** Whether a meeting participant was invited and came, as the report words it. */
export const ATTENDANCE_LABELS = {
  invited: { tr: 'davet edildi', en: 'invited' },
  attended: { tr: 'katıldı', en: 'attended' },
  walkIn: { tr: 'davetsiz katıldı', en: 'attended without an invitation' },
} as const satisfies Record<string, Bilingual>;
export type Attendance = keyof typeof ATTENDANCE_LABELS;

/** Field keys a person record may show (values) or a file may have carried (names only). */
export const PERSON_FIELD_LABELS = {
  fullName: { tr: 'Ad soyad', en: 'Full name' },
  tcKimlikNo: { tr: 'TC Kimlik No', en: 'TC identity number' },
  phone: { tr: 'Telefon', en: 'Phone' },
  email: { tr: 'E-posta', en: 'E-mail' },
  kind: { tr: 'Görev / tür', en: 'Position / kind' },
  membership: { tr: 'Asil / yedek', en: 'Full / substitute' },
  role: { tr: 'Unvan', en: 'Title' },
  title: { tr: 'Unvan', en: 'Title' },
  profession: { tr: 'Meslek', en: 'Profession' },
  certificateNo: { tr: 'Belge no', en: 'Certificate no' },
  term: { tr: 'Görev süresi', en: 'Term of office' },
  organisation: { tr: 'Kurum', en: 'Organisation' },
  attendance: { tr: 'Davet / katılım', en: 'Invitation / attendance' },
  notes: { tr: 'Not', en: 'Note' },
  until: { tr: 'Ayrılış tarihi', en: 'Left on' },
  province: { tr: 'İl', en: 'Province' },
  membershipOf: { tr: 'Bağlı olduğu kayıt', en: 'Record it belongs to' },
} as const satisfies Record<string, Bilingual>;
export type PersonField = keyof typeof PERSON_FIELD_LABELS;

export interface PersonTable {
  table: string;
  category: PersonCategory;
  /** change_log column → the field it is (bookkeeping columns are not personal data and are left out). */
  columns: Record<string, PersonField>;
}

/** Every synced table that holds a person (DOMAIN.md §9; the VERBİS inventory names the same tables). */
export const PERSON_TABLES: readonly PersonTable[] = [
  {
    table: 'association_people',
    category: 'board',
    columns: {
      full_name: 'fullName', tc_kimlik_no: 'tcKimlikNo', phone: 'phone', email: 'email', kind: 'kind', membership: 'membership', role: 'role',
      profession: 'profession', certificate_no: 'certificateNo', term_start: 'term', term_end: 'term', association_id: 'membershipOf',
    },
  },
  {
    table: 'meeting_participants',
    category: 'participant',
    columns: {
      full_name: 'fullName', title: 'title', phone: 'phone', email: 'email', kind: 'kind', organisation_id: 'organisation', organisation_name: 'organisation',
      invited: 'attendance', attended: 'attendance', walk_in: 'attendance', meeting_id: 'membershipOf', contact_id: 'membershipOf',
    },
  },
  {
    table: 'contacts',
    category: 'contact',
    columns: { full_name: 'fullName', title: 'title', phone: 'phone', email: 'email', notes: 'notes', organisation_id: 'organisation' },
  },
  {
    table: 'contact_affiliations',
    category: 'affiliation',
    columns: { organisation_id: 'organisation', title: 'title', until_on: 'until', contact_id: 'membershipOf' },
  },
  {
    table: 'workshop_participants',
    category: 'workshop',
    columns: { full_name: 'fullName', title: 'title', organisation_id: 'organisation', organisation_name: 'organisation', province_plate: 'province', workshop_id: 'membershipOf' },
  },
];

export const PERSON_TABLE_BY_NAME = new Map(PERSON_TABLES.map((t) => [t.table, t]));

/** The fields of a list of keys, each once, in the order of PERSON_FIELD_LABELS. */
export function orderedFields(keys: Iterable<PersonField>): PersonField[] {
  const set = new Set(keys);
  return (Object.keys(PERSON_FIELD_LABELS) as PersonField[]).filter((k) => set.has(k));
}

/** A typed TC Kimlik No (11 digits, spaces allowed) rather than a name. */
export function looksLikeTcKimlikNo(text: string): boolean {
  return /^\d{11}$/.test(text.replace(/\s+/g, ''));
}

/** Days a controller has to answer a data subject (KVKK Art. 13/2). */
export const ANSWER_DAYS = 30;
/** Hours a controller has to notify the KVKK Board of a breach (Board decision 2019/10). */
export const BREACH_HOURS = 72;

/**
 * How the reports decide that an exchange file carried a record. The ledger records, per file, its peer, its
 * time, its number and the receipt (sync_ledger), and how many changes of each table it carried — not which
 * ones. So the reports infer it, and say "likely":
 * - A change came here by the first file applied from a peer at or after the change's own time (its HLC) whose
 *   import counted changes of the record's table; a change written here came here when it was written.
 * - A file sent to a peer carried the changes that came here after the newest earlier file to that peer whose
 *   receipt had come back before it was written (the peer held everything before), and by the time it was
 *   written; only what the direction sends: up to the parent, changes of this installation and its children;
 *   down to a child, changes of records sent to that child (sync_peer_rows), not its own.
 * A file lost on the way is not acknowledged, so the next file to the peer is counted as carrying the same
 * changes again: the reports err on the side of listing a person, as a breach notification should.
 */
export const CARRIED_RULE: Bilingual = {
  tr:
    'Değişim defteri her dosyanın alıcısını, tarihini, numarasını ve alındı bilgisini kaydeder; dosyanın hangi değişiklikleri taşıdığını ' +
    'tek tek kaydetmez. Bu nedenle bu rapordaki "taşıdı" bilgisi şu kuralla çıkarılır ve "muhtemelen" anlamındadır: bir dosya, alıcısına ' +
    'giden ve alındısı gelmiş son dosyadan sonra bu kuruluma gelen ya da burada yazılan ve dosya hazırlandığında burada bulunan ' +
    'değişiklikleri taşır (üst birime bu kurulumun ve bağlı birimlerinin değişiklikleri; bağlı birime ona gönderilen kayıtların ' +
    'değişiklikleri). Başka kurulumdan gelen bir değişiklik, kendi tarihinden sonra uygulanan ve o tabloda değişiklik getiren ilk dosyayla ' +
    'gelmiş sayılır. Kaybolan bir dosyanın alındısı gelmediği için sonraki dosya aynı değişiklikleri yeniden taşımış sayılır; rapor şüphede ' +
    'kişiyi listeler.',
  en:
    'The exchange ledger records each file’s recipient, date, number and receipt, but not which changes it carried. The "carried" ' +
    'statements in this report are therefore inferred by this rule and mean "likely": a file carried the changes that reached this ' +
    'installation (or were written here) after the newest earlier file to the same peer whose receipt had come back, and were here when ' +
    'it was written (up to the parent: changes of this installation and its children; down to a child: changes of records sent to it). ' +
    'A change from another installation is taken to have come with the first file applied after its own time that brought changes to ' +
    'its table. A lost file is never acknowledged, so the next file to the peer counts as carrying the same changes again: when in ' +
    'doubt, the report lists the person.',
};

/** `GG.AA.YYYY SS:DD` in Turkey's time (UTC+3), for timestamps. */
export function formatDateTimeTr(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Istanbul', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

/** ISO date plus whole days (calendar arithmetic in UTC, so no daylight-saving surprises). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
