import type { ImportField } from '../registry/importFields';

// The fields a CSO list (xlsx/csv) can fill in the directory, their Turkish labels, and the header spellings
// recognised automatically (compared Turkish-folded, without spaces). Other headers can be mapped by hand.
// The representative's columns create (or update) a contact of the organisation.

export const DIRECTORY_IMPORT_FIELDS = {
  name: { label: 'Kurum adı', required: true, synonyms: ['kurumadi', 'kurulusadi', 'kurulus', 'kurum', 'stkadi', 'stk', 'dernekadi', 'adi', 'ad', 'unvani', 'unvan'] },
  kind: { label: 'Tür', required: false, synonyms: ['tur', 'turu', 'kurumturu', 'kurulusturu', 'tip', 'tipi'] },
  subtype: { label: 'Alt tür', required: false, synonyms: ['alttur', 'altturu', 'alttip'] },
  province: { label: 'İl', required: true, synonyms: ['il', 'ili', 'iladi', 'sehir', 'plaka'] },
  district: { label: 'İlçe', required: false, synonyms: ['ilce', 'ilcesi', 'ilceadi'] },
  vkn: { label: 'Vergi kimlik no', required: false, synonyms: ['vkn', 'vergino', 'vergikimlikno', 'vergikimliknumarasi', 'vergikimlik'] },
  kutukNo: { label: 'DERBİS kütük no', required: false, synonyms: ['kutukno', 'kutuknumarasi', 'derbiskutukno', 'derbisno', 'kutuk'] },
  phone: { label: 'Telefon', required: false, synonyms: ['telefon', 'tel', 'telefonno', 'kurumtelefonu'] },
  email: { label: 'E-posta', required: false, synonyms: ['eposta', 'email', 'mail', 'epostaadresi', 'kurumepostasi'] },
  website: { label: 'Web sitesi', required: false, synonyms: ['web', 'website', 'websitesi', 'internetadresi'] },
  address: { label: 'Adres', required: false, synonyms: ['adres', 'acikadres', 'adresi'] },
  activityAreas: { label: 'Faaliyet alanları', required: false, synonyms: ['faaliyetalanlari', 'faaliyetalani', 'calismaalanlari', 'calismaalani'] },
  youthFocus: { label: 'Gençlik odaklı', required: false, synonyms: ['genclikodakli', 'genclikodak', 'genclikalaninda'] },
  contactName: { label: 'Temsilci ad soyad', required: false, synonyms: ['temsilciadsoyad', 'temsilci', 'temsilciadi', 'yetkili', 'yetkiliadsoyad', 'iletisimkisisi', 'baskan', 'baskanadsoyad'] },
  contactTitle: { label: 'Temsilci unvan', required: false, synonyms: ['temsilciunvan', 'temsilciunvani', 'temsilcigorevi', 'yetkiliunvani', 'gorevi', 'gorev'] },
  contactPhone: { label: 'Temsilci telefon', required: false, synonyms: ['temsilcitelefon', 'temsilcitelefonu', 'temsilcitel', 'yetkilitelefon', 'gsm', 'cep'] },
  contactEmail: { label: 'Temsilci e-posta', required: false, synonyms: ['temsilcieposta', 'temsilciepostasi', 'yetkilieposta', 'temsilcimail'] },
} as const satisfies Record<string, ImportField>;

export type DirectoryImportField = keyof typeof DIRECTORY_IMPORT_FIELDS;
