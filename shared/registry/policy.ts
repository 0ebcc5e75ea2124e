// Ministry-owned reference data for the registry, with the defaults DOMAIN.md gives. These are defaults
// only: the ministry installation edits them (registry:updatePolicy) and they flow down to every
// installation; code reads the effective policy, never these constants directly.

export type ApprovingLevel = 'ministry' | 'province';

export interface ChecklistItem {
  key: string;
  label: string;
  mandatory: boolean;
}

/**
 * Where offices may differ on a plausibility rule (issue #17; the rules themselves are in shared/plausibility.ts).
 * The defaults are what the domain expects.
 */
export interface PlausibilityPolicy {
  /** A meeting or workshop on a weekend, a public holiday or a holiday's eve: a warning (default) or refused. */
  nonWorkingDay: 'warn' | 'refuse';
  /** A DERBİS kütük no whose plate is not the association's province: a warning (DOMAIN.md §7) or refused. */
  kutukPlateMismatch: 'warn' | 'refuse';
  /**
   * How many days before the day it is recorded an official letter may be dated; null (default): no limit,
   * since offices record paper files late and enter old files when they start using the app.
   */
  maxLetterAgeDays: number | null;
}

export const DEFAULT_PLAUSIBILITY_POLICY: PlausibilityPolicy = { nonWorkingDay: 'warn', kutukPlateMismatch: 'warn', maxLetterAgeDays: null };

export interface RegistryPolicy {
  /** Who approves registrations and assigns the GSB number. */
  approvingLevel: ApprovingLevel;
  /** Visa window as month-day, inclusive. */
  visaWindow: { start: string; end: string };
  /** Consecutive years without visa after which cancellation is proposed. */
  yearsWithoutVisaForCancellation: number;
  /** Days within which elected organs must be notified (30 or 45). */
  organNotificationDays: 30 | 45;
  /** Ordinary general assembly at least every this many years. */
  generalAssemblyIntervalYears: number;
  /** Largest attachment accepted, in bytes. */
  maxAttachmentBytes: number;
  registrationChecklist: ChecklistItem[];
  visaChecklist: ChecklistItem[];
  plausibility: PlausibilityPolicy;
}

/**
 * The most the ministry may allow per attachment: attachments travel inside exchange files as one base64 line,
 * and 40 MB keeps them under the line limit. The browser harness sizes its request limit from it too.
 */
export const MAX_ATTACHMENT_CEILING_BYTES = 40 * 1024 * 1024;

export const DEFAULT_REGISTRY_POLICY: RegistryPolicy = {
  approvingLevel: 'ministry',
  visaWindow: { start: '01-01', end: '04-30' },
  yearsWithoutVisaForCancellation: 2,
  organNotificationDays: 30,
  generalAssemblyIntervalYears: 3,
  maxAttachmentBytes: 20 * 1024 * 1024,
  registrationChecklist: [
    { key: 'petition', label: 'Dilekçe', mandatory: true },
    { key: 'statute', label: 'Tüzüğün mevzuata uygunluğuna dair valilik yazısı ve onaylı tüzük', mandatory: true },
    { key: 'lastAssemblyNotice', label: 'Son genel kurul sonuç bildirimi (tüzük 6 aydan eskiyse)', mandatory: false },
    { key: 'boardDecision', label: 'Kulüp adı, renkleri ve faaliyet dallarını belirleyen yönetim kurulu kararı', mandatory: true },
    { key: 'undertaking', label: 'İmzalı tescil taahhütnamesi', mandatory: true },
    { key: 'infoForm', label: 'Kulüp bilgi formu', mandatory: true },
    { key: 'taxNumber', label: 'Vergi kimlik numarası ve vergi dairesi', mandatory: true },
    { key: 'leaderCertificates', label: 'Gençlik liderleri / eğitmenlerin belge ve sözleşmeleri (kimlik, adres, meslek)', mandatory: true },
    { key: 'facilityDocument', label: 'Faaliyet yerinin tapu, kira sözleşmesi ya da tahsis yazısı', mandatory: true },
    { key: 'founderPermission', label: 'Kurucu kamu kurumunun izni (varsa)', mandatory: false },
    { key: 'memberList', label: 'Güncel üye listesi ve kuruluş bildirimi', mandatory: true },
  ],
  visaChecklist: [
    { key: 'boardList', label: 'Güncel yönetim kurulu listesi (son genel kurul sonuç bildirimi)', mandatory: true },
    { key: 'activityReport', label: 'Bir önceki yılın faaliyet raporu', mandatory: true },
    { key: 'derbisDeclaration', label: 'DERBİS yıllık beyannamesinin örneği / onayı', mandatory: true },
    { key: 'memberCount', label: 'Üye sayısı', mandatory: true },
    { key: 'leaderContracts', label: 'Güncel gençlik lideri ve eğitmen sözleşmeleri', mandatory: false },
    { key: 'facilityDocument', label: 'Geçerli faaliyet yeri belgesi', mandatory: true },
    { key: 'contacts', label: 'Güncel yetkili kişi bilgileri', mandatory: false },
  ],
  plausibility: DEFAULT_PLAUSIBILITY_POLICY,
};

/** `MM-DD` of `year` as an ISO date; 29 February falls back to the 28th in common years. */
export function monthDayInYear(monthDay: string, year: number): string {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
