// The fields a registry spreadsheet can fill, their Turkish labels, and the header spellings recognised
// automatically (compared Turkish-folded, without spaces). Users can map any other header by hand.

/** The name a sheet's column without a header gets (the mapping's value, so it stays Turkish; screens word it). */
export const untitledHeader = (index: number): string => `Sütun ${index + 1}`;
/** The column number of a header named by `untitledHeader`, or null. */
export const untitledHeaderNumber = (header: string): number | null => {
  const m = /^Sütun (\d+)$/.exec(header);
  return m ? Number(m[1]) : null;
};

export interface ImportField {
  label: string;
  required: boolean;
  synonyms: string[];
}

export const REGISTRY_IMPORT_FIELDS = {
  name: { label: 'Dernek adı', required: true, synonyms: ['dernekadi', 'derneginadi', 'adi', 'kulupadi', 'unvani', 'unvan', 'ad'] },
  shortName: { label: 'Kısa ad', required: false, synonyms: ['kisaadi', 'kisaad'] },
  clubType: { label: 'Kulüp türü', required: false, synonyms: ['kuluptur', 'kulupturu', 'turu', 'tur', 'statu', 'statusu'] },
  kutukNo: { label: 'DERBİS kütük no', required: false, synonyms: ['kutukno', 'kutuknumarasi', 'derbiskutukno', 'derbisno', 'kutuk'] },
  vkn: { label: 'Vergi kimlik no', required: false, synonyms: ['vkn', 'vergino', 'vergikimlikno', 'vergikimliknumarasi', 'vergikimlik'] },
  taxOffice: { label: 'Vergi dairesi', required: false, synonyms: ['vergidairesi'] },
  foundedOn: { label: 'Kuruluş tarihi', required: false, synonyms: ['kurulustarihi', 'kurulus'] },
  district: { label: 'İlçe', required: true, synonyms: ['ilce', 'ilcesi', 'ilceadi'] },
  neighbourhood: { label: 'Mahalle', required: false, synonyms: ['mahalle', 'mahallesi'] },
  street: { label: 'Adres', required: false, synonyms: ['adres', 'acikadres', 'caddesokak', 'sokak'] },
  phone: { label: 'Telefon', required: false, synonyms: ['telefon', 'tel', 'telefonno', 'gsm', 'cep'] },
  email: { label: 'E-posta', required: false, synonyms: ['eposta', 'email', 'mail', 'epostaadresi'] },
  website: { label: 'Web sitesi', required: false, synonyms: ['web', 'website', 'websitesi', 'internetadresi'] },
  memberCount: { label: 'Üye sayısı', required: false, synonyms: ['uyesayisi', 'uye'] },
  activityAreas: { label: 'Faaliyet alanları', required: false, synonyms: ['faaliyetalanlari', 'faaliyetalani', 'faaliyetdallari', 'branslar'] },
  registrationNo: { label: 'GSB tescil no', required: false, synonyms: ['tescilno', 'gsbtescilno', 'tescilnumarasi', 'sicilno'] },
  registeredOn: { label: 'Tescil tarihi', required: false, synonyms: ['tesciltarihi'] },
} as const satisfies Record<string, ImportField>;

export type RegistryImportField = keyof typeof REGISTRY_IMPORT_FIELDS;
export const REGISTRY_IMPORT_FIELD_NAMES = Object.keys(REGISTRY_IMPORT_FIELDS) as RegistryImportField[];
