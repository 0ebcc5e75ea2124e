// Directory vocabularies (DOMAIN.md §5): organisation kinds and subtypes, relation and interaction types.
// Shared by the contract, the screens, the import mapping and the reports.

export const ORG_KINDS = ['STK', 'KAMU', 'BELEDIYE', 'UNIVERSITE'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  STK: 'Sivil toplum kuruluşu',
  KAMU: 'Kamu kurumu',
  BELEDIYE: 'Belediye',
  UNIVERSITE: 'Üniversite',
};

/** Subtypes per kind; `null` where a kind has none. */
export const ORG_SUBTYPES = [
  'DERNEK', 'VAKIF', 'FEDERASYON', 'PLATFORM', 'OGRENCI_TOPLULUGU', 'KOOPERATIF', 'STK_DIGER',
  'IL_BELEDIYESI', 'ILCE_BELEDIYESI', 'BUYUKSEHIR_BELEDIYESI',
] as const;
export type OrgSubtype = (typeof ORG_SUBTYPES)[number];
export const ORG_SUBTYPE_LABELS: Record<OrgSubtype, string> = {
  DERNEK: 'Dernek',
  VAKIF: 'Vakıf',
  FEDERASYON: 'Federasyon / konfederasyon',
  PLATFORM: 'Platform',
  OGRENCI_TOPLULUGU: 'Üniversite öğrenci topluluğu',
  KOOPERATIF: 'Kooperatif',
  STK_DIGER: 'Diğer',
  IL_BELEDIYESI: 'İl belediyesi',
  ILCE_BELEDIYESI: 'İlçe belediyesi',
  BUYUKSEHIR_BELEDIYESI: 'Büyükşehir belediyesi',
};
export const SUBTYPES_OF: Record<OrgKind, readonly OrgSubtype[]> = {
  STK: ['DERNEK', 'VAKIF', 'FEDERASYON', 'PLATFORM', 'OGRENCI_TOPLULUGU', 'KOOPERATIF', 'STK_DIGER'],
  KAMU: [],
  BELEDIYE: ['IL_BELEDIYESI', 'ILCE_BELEDIYESI', 'BUYUKSEHIR_BELEDIYESI'],
  UNIVERSITE: [],
};

export const RELATION_TYPES = ['PROTOKOL', 'PROJE', 'DANISMA', 'ETKINLIK', 'DESTEK', 'DIGER'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
export const RELATION_TYPE_LABELS: Record<RelationType, string> = {
  PROTOKOL: 'Protokol ortağı',
  PROJE: 'Proje ortağı',
  DANISMA: 'Danışma kurulu üyesi',
  ETKINLIK: 'Etkinlik ortağı',
  DESTEK: 'Destekçi / sponsor',
  DIGER: 'Diğer',
};

export const INTERACTION_KINDS = ['ZIYARET', 'RESMI_YAZI', 'TELEFON', 'TOPLANTI', 'PROTOKOL', 'EPOSTA'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const INTERACTION_KIND_LABELS: Record<InteractionKind, string> = {
  ZIYARET: 'Ziyaret',
  RESMI_YAZI: 'Resmî yazı',
  TELEFON: 'Telefon görüşmesi',
  TOPLANTI: 'Toplantı',
  PROTOKOL: 'Protokol',
  EPOSTA: 'E-posta',
};

export function subtypeFits(kind: OrgKind, subtype: OrgSubtype | null | undefined): boolean {
  const allowed = SUBTYPES_OF[kind];
  if (!subtype) return true;
  return allowed.includes(subtype);
}
