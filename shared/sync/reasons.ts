import { unitLabel } from '../registry/workflow';

// Why the exchange refused a received change, as a code with parameters and as the Turkish sentence the import
// report carries (the screens translate the code: renderer/i18n, `sync.reason.*`). Units are named by name:
// the ministry and provinces by their titles, a youth centre by the name its installation enrolled with.

/**
 * The Turkish wording of each refusal. Placeholders: {author} the unit of the installation that wrote the change,
 * {owner} the unit that owns the row, {claimed} the unit the change names as owner, {centre} a youth centre
 * record, {table} and {origin} raw names (nothing better is known of them).
 */
export const REFUSAL_REASONS = {
  unknownTable: 'Köprü’nün bu sürümü bu tür kaydı tanımıyor ({table})',
  unknownOrigin: 'Değişikliği yazan kurulum bu kurulumca tanınmıyor ({origin})',
  ministryOnly: 'Bu tür kaydı yalnızca Bakanlık yazabilir (başvuru verileri, ulusal raporlar); {author} yazamaz',
  ministryFigures: 'Ülke rakamlarını yalnızca Bakanlık gönderebilir; {author} gönderemez',
  ownerFixed: 'Kaydın sahibi değiştirilemez: kayıt {owner} birimine ait; {author} onu {claimed} birimine geçiremez',
  foreignOwner: '{author}, {claimed} adına kayıt oluşturamaz',
  centreUnbound: '{author} henüz il müdürlüğünün listesindeki bir gençlik merkezine bağlanmamış; toplantı kaydedemez',
  otherCentre: '{author} yalnızca kendi merkezinin toplantılarını kaydedebilir; bu toplantı {centre} için',
  creationRefused: 'Kaydı oluşturan değişiklik reddedildi; kaydın bu alanı da alınmadı',
  notOwner: 'Kayıt {owner} birimine ait; {author} değiştiremez',
} as const;

export type RefusalCode = keyof typeof REFUSAL_REASONS;
export const REFUSAL_CODES = Object.keys(REFUSAL_REASONS) as [RefusalCode, ...RefusalCode[]];

/** How a refusal names a youth centre record this installation does not hold (the screens word it themselves). */
export const UNKNOWN_CENTRE = 'başka bir merkez';

/** The parameters that are unit ids (`ministry`, `province:06`, `youth-center:…`). */
export const REFUSAL_UNIT_PARAMS = ['author', 'owner', 'claimed'] as const;

/** A refusal as the merge engine decides it: raw ids, names resolved only for the few the report keeps. */
export interface Refusal {
  code: RefusalCode;
  params?: Record<string, string>;
}

/**
 * The Turkish sentence of a refusal. `params` holds ids; `<name>Name` beside one, when present, is its name (a
 * youth centre's, looked up where the installation knows it); the ministry and provinces are named by title.
 */
export function refusalText(code: RefusalCode, params: Record<string, string> = {}): string {
  return REFUSAL_REASONS[code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const named = params[`${name}Name`];
    if (named) return named;
    const value = params[name];
    if (value === undefined) return whole;
    if (name === 'centre') return UNKNOWN_CENTRE;
    return (REFUSAL_UNIT_PARAMS as readonly string[]).includes(name) ? unitLabel(value) : value;
  });
}
