import { z } from 'zod';

// Retention rules (issue #16; DOMAIN.md §9): how long each category of personal data Köprü holds is kept once
// its purpose has ended. Ministry reference data (`reference_data` row `retentionRules`): the defaults below
// apply until the ministry publishes its own periods, which then flow down to every installation. Only the
// periods are editable; what a rule covers and from when its period runs are fixed here, so the destruction
// job (built on these rules) and the data inventory read the same thing.

export const RETENTION_RULES_ID = 'retentionRules';

/**
 * What an anonymised person's name becomes (the column stays filled: lists, documents and counts keep the row).
 * The window shows it in the user's language (renderer: `anonymousName`).
 */
export const ANONYMOUS_NAME = 'Anonim';
/** The file name left on a scanned document's record once the document was destroyed (its row is removed). */
export const DESTROYED_FILE_NAME = 'imha-edildi';

/** Stable ids: stored in reference data and named by destruction records; never rename one. */
export const RETENTION_RULE_IDS = [
  'boardMemberTcKimlikNo',
  'boardMemberContact',
  'associationFile',
  'meetingParticipantContact',
  'meetingRecords',
  'directoryContacts',
  'workshopParticipants',
  'revealLog',
  'exchangeLedger',
  'destructionLog',
] as const;
export type RetentionRuleId = (typeof RETENTION_RULE_IDS)[number];

/** The event a rule's period runs from. */
export const RETENTION_ANCHORS = ['termEnd', 'associationClosed', 'meetingDate', 'leftOrganisation', 'workshopEnd', 'entryDate'] as const;
export type RetentionAnchor = (typeof RETENTION_ANCHORS)[number];

export interface Bilingual {
  tr: string;
  en: string;
}

export interface RetentionRuleDef {
  id: RetentionRuleId;
  /** The data category, as a person reads it. */
  label: Bilingual;
  anchor: RetentionAnchor;
  defaultYears: number;
  minYears: number;
  maxYears: number;
  /** Why the default (and the minimum) is what it is. */
  basis: Bilingual;
  /** Where the data lives: the tables and columns the destruction job erases or anonymises. */
  appliesTo: readonly { table: string; columns: readonly string[] }[];
}

export const RETENTION_ANCHOR_LABELS: Record<RetentionAnchor, Bilingual> = {
  termEnd: { tr: 'görev süresi bittikten ya da kuruldan ayrıldıktan sonra', en: 'after the term ends or the person leaves the board' },
  associationClosed: { tr: 'derneğin sicil kaydı kapandıktan (iptal, red, nakil) sonra', en: 'after the association’s registry record is closed (cancelled, rejected, transferred)' },
  meetingDate: { tr: 'toplantı tarihinden sonra', en: 'after the meeting date' },
  leftOrganisation: { tr: 'kişi kurumdan ayrıldıktan ya da kaydı kaldırıldıktan sonra', en: 'after the person leaves the organisation or the record is removed' },
  workshopEnd: { tr: 'çalıştay ya da zirve bittikten sonra', en: 'after the workshop or summit ends' },
  entryDate: { tr: 'kaydın yazıldığı tarihten sonra', en: 'after the entry was written' },
};

/** The 2017 destruction regulation keeps its records at least three years; so do the other audit trails. */
const LOG_MINIMUM = 3;
const MAX_YEARS = 30;

const DESTRUCTION_REGULATION: Bilingual = {
  tr: 'Kişisel Verilerin Silinmesi, Yok Edilmesi veya Anonim Hale Getirilmesi Hakkında Yönetmelik (2017): kayıtlar en az 3 yıl saklanır.',
  en: 'Regulation on the Erasure, Destruction or Anonymisation of Personal Data (2017): records are kept at least 3 years.',
};

export const RETENTION_RULES: readonly RetentionRuleDef[] = [
  {
    id: 'boardMemberTcKimlikNo',
    label: { tr: 'Yönetim ve denetim kurulu üyeleri, gençlik liderleri ve eğitmenlerin TC Kimlik No’su', en: 'TC Kimlik No of board members, youth leaders and instructors' },
    anchor: 'termEnd',
    defaultYears: 5,
    minYears: 1,
    maxYears: MAX_YEARS,
    basis: {
      tr: 'Yalnızca aynı kişinin başka bir kulübün kurulunda olup olmadığını ve vize/denetim sırasında kimliği doğrulamak için tutulur; görev bittikten sonra bir vize ve denetim dönemi yeter.',
      en: 'Held only to check whether the same person sits on another club’s board and to verify identity at visa time or in an inspection; one visa and inspection cycle after the term is enough.',
    },
    appliesTo: [{ table: 'association_people', columns: ['tc_kimlik_no', 'tc_hash'] }],
  },
  {
    id: 'boardMemberContact',
    label: { tr: 'Yönetim ve denetim kurulu üyeleri, gençlik liderleri ve eğitmenlerin telefon ve e-posta bilgisi', en: 'Phone and e-mail of board members, youth leaders and instructors' },
    anchor: 'termEnd',
    defaultYears: 2,
    minYears: 1,
    maxYears: MAX_YEARS,
    basis: {
      tr: 'Görev sırasında dernekle yazışmak için gerekir; görev bittikten sonra yalnızca kısa bir süre (itiraz, eksik evrak) kullanılır.',
      en: 'Needed to correspond with the association during the term; afterwards only briefly (objections, missing documents).',
    },
    appliesTo: [{ table: 'association_people', columns: ['phone', 'email'] }],
  },
  {
    id: 'associationFile',
    label: { tr: 'Dernek dosyası: kurul üyelerinin adı, görevi, mesleği, belge numarası ve taranmış belgeler', en: 'Association file: board members’ names, roles, professions, certificate numbers and scanned documents' },
    anchor: 'associationClosed',
    defaultYears: 10,
    minYears: 1,
    maxYears: MAX_YEARS,
    basis: {
      tr: 'Tescil, vize ve aktarma kararlarının dayanağıdır; Türk Borçlar Kanunu m. 146 genel zamanaşımı süresi (10 yıl) boyunca saklanır.',
      en: 'The basis of registration, visa and transfer decisions; kept for the general limitation period of the Turkish Code of Obligations, Art. 146 (10 years).',
    },
    appliesTo: [
      { table: 'association_people', columns: ['full_name', 'role', 'profession', 'certificate_no', 'tc_kimlik_no', 'phone', 'email'] },
      { table: 'association_attachments', columns: ['file_name'] },
    ],
  },
  {
    id: 'meetingParticipantContact',
    label: { tr: 'Toplantı katılımcılarının telefon ve e-posta bilgisi', en: 'Phone and e-mail of meeting participants' },
    anchor: 'meetingDate',
    defaultYears: 2,
    minYears: 1,
    maxYears: MAX_YEARS,
    basis: {
      tr: 'Davet ve kararların izlenmesi için gerekir; izleme döngüsü (dört ayda bir toplantı) birkaç dönemde kapanır. Ad, unvan ve kurum toplantı kaydıyla kalır (toplantı kayıtları kuralı).',
      en: 'Needed for invitations and following up decisions; the follow-up loop (a meeting every four months) closes within a few terms. Names, titles and organisations stay with the meeting record (the meeting records rule).',
    },
    appliesTo: [{ table: 'meeting_participants', columns: ['phone', 'email'] }],
  },
  {
    id: 'meetingRecords',
    label: { tr: 'Toplantı kayıtları: katılımcıların adı ve unvanı; başkan ve raportör; imzalı hazirun listeleri', en: 'Meeting records: participants’ names and titles; chair and rapporteur; signed attendance sheets' },
    anchor: 'meetingDate',
    defaultYears: 10,
    minYears: 1,
    maxYears: MAX_YEARS,
    basis: {
      tr: 'Tutanak ve kararların dayanağıdır; Türk Borçlar Kanunu m. 146 genel zamanaşımı süresi (10 yıl). Süre sonunda kişiler anonimleştirilir (geldikleri kurum kalır), imzalı listeler imha edilir, sayılar korunur.',
      en: 'The basis of minutes and decisions; the general limitation period of the Turkish Code of Obligations, Art. 146 (10 years). At the end people are anonymised (the organisation they came from stays), signed sheets are destroyed, and the figures are kept.',
    },
    appliesTo: [
      { table: 'meeting_participants', columns: ['full_name', 'title', 'contact_id'] },
      { table: 'meetings', columns: ['chair', 'rapporteur'] },
      { table: 'meeting_files', columns: ['file_name'] },
    ],
  },
  {
    id: 'directoryContacts',
    label: { tr: 'Kurum temsilcilerinin (rehber kişileri) adı, unvanı, telefon ve e-posta bilgisi', en: 'Names, titles, phone and e-mail of organisations’ representatives (directory contacts)' },
    anchor: 'leftOrganisation',
    defaultYears: 2,
    minYears: 1,
    maxYears: MAX_YEARS,
    basis: {
      tr: 'Kişi kurumu temsil ettiği sürece davet için gerekir; ayrıldıktan sonra yalnızca geçmiş yazışmaların izi için kısa süre tutulur.',
      en: 'Needed for invitations while the person represents the organisation; afterwards kept briefly, as a trace of past correspondence.',
    },
    appliesTo: [
      { table: 'contacts', columns: ['full_name', 'title', 'phone', 'email', 'notes'] },
      { table: 'contact_affiliations', columns: ['title'] },
    ],
  },
  {
    id: 'workshopParticipants',
    label: { tr: 'Çalıştay ve zirve katılımcılarının adı ve unvanı', en: 'Names and titles of workshop and summit participants' },
    anchor: 'workshopEnd',
    defaultYears: 5,
    minYears: 1,
    maxYears: MAX_YEARS,
    basis: {
      tr: 'Bölge ve ulusal raporların dayanağıdır; süre sonunda kişiler anonimleştirilir, sayılar korunur.',
      en: 'The basis of the regional and national reports; at the end people are anonymised and the figures are kept.',
    },
    appliesTo: [{ table: 'workshop_participants', columns: ['full_name', 'title'] }],
  },
  {
    id: 'revealLog',
    label: { tr: 'TC Kimlik No gösterim kaydı (kim, ne zaman, hangi amaçla)', en: 'TC Kimlik No reveal log (who, when, for what purpose)' },
    anchor: 'entryDate',
    defaultYears: 3,
    minYears: LOG_MINIMUM,
    maxYears: MAX_YEARS,
    basis: DESTRUCTION_REGULATION,
    appliesTo: [{ table: 'reveal_log', columns: ['person_id', 'actor_name', 'purpose'] }],
  },
  {
    id: 'exchangeLedger',
    label: { tr: 'Veri değişimi defteri (hangi dosya, kime, ne zaman)', en: 'Exchange ledger (which file, to whom, when)' },
    anchor: 'entryDate',
    defaultYears: 3,
    minYears: LOG_MINIMUM,
    maxYears: MAX_YEARS,
    basis: DESTRUCTION_REGULATION,
    appliesTo: [{ table: 'sync_ledger', columns: ['file_name', 'summary'] }],
  },
  {
    id: 'destructionLog',
    label: { tr: 'İmha kaydı (silinen, yok edilen, anonimleştirilen veriler)', en: 'Destruction log (data erased, destroyed or anonymised)' },
    anchor: 'entryDate',
    defaultYears: 3,
    minYears: LOG_MINIMUM,
    maxYears: MAX_YEARS,
    basis: DESTRUCTION_REGULATION,
    appliesTo: [{ table: 'destruction_log', columns: ['table_name', 'row_id', 'reason', 'source'] }],
  },
];

export const RETENTION_RULE_BY_ID: ReadonlyMap<RetentionRuleId, RetentionRuleDef> = new Map(RETENTION_RULES.map((r) => [r.id, r]));

export type RetentionYears = Record<RetentionRuleId, number>;

export const DEFAULT_RETENTION_YEARS: Readonly<RetentionYears> = Object.fromEntries(RETENTION_RULES.map((r) => [r.id, r.defaultYears])) as RetentionYears;

/** One rule's period: whole years within the rule's bounds; the label names the rule in error messages. */
export function yearsSchema(rule: RetentionRuleDef) {
  return z
    .number({ message: 'Süre yıl olarak tam sayı olmalı.' })
    .int({ message: 'Süre yıl olarak tam sayı olmalı.' })
    .min(rule.minYears, { message: `En az ${rule.minYears} yıl olmalı.` })
    .max(rule.maxYears, { message: `En fazla ${rule.maxYears} yıl olabilir.` })
    .describe(`${rule.label.tr} — saklama süresi (yıl)`);
}

/** The periods an edit sets, by rule id; rules not named keep their current period. */
export const retentionYearsInput = z
  .object(Object.fromEntries(RETENTION_RULES.map((rule) => [rule.id, yearsSchema(rule).optional()])) as { [K in RetentionRuleId]: z.ZodOptional<ReturnType<typeof yearsSchema>> })
  .strict();

/**
 * The periods in force: the stored ones where they are valid for this version's rules, the defaults
 * elsewhere (a rule added in a later version, or a value outside the bounds this version knows).
 */
export function effectiveYears(stored: unknown): RetentionYears {
  const out = { ...DEFAULT_RETENTION_YEARS };
  const values = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  for (const rule of RETENTION_RULES) {
    const parsed = yearsSchema(rule).safeParse(values[rule.id]);
    if (parsed.success) out[rule.id] = parsed.data;
  }
  return out;
}
