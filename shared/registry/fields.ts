// Registry vocabularies shared by the contract, the screens and the import mapping.

export const CLUB_TYPES = ['GENCLIK_KULUBU', 'GENCLIK_VE_SPOR_KULUBU'] as const;
export type ClubType = (typeof CLUB_TYPES)[number];
export const CLUB_TYPE_LABELS: Record<ClubType, string> = {
  GENCLIK_KULUBU: 'Gençlik kulübü',
  GENCLIK_VE_SPOR_KULUBU: 'Gençlik ve spor kulübü',
};

export const ACTIVITY_AREAS = [
  'KULTUR_SANAT', 'SPOR', 'DOGA_IZCILIK', 'BILIM_TEKNOLOJI', 'GONULLULUK', 'EGITIM', 'CEVRE', 'SAGLIK',
  'ENGELLI_GENCLER', 'ULUSLARARASI', 'GIRISIMCILIK', 'MEDYA', 'DIGER',
] as const;
export type ActivityArea = (typeof ACTIVITY_AREAS)[number];
export const ACTIVITY_AREA_LABELS: Record<ActivityArea, string> = {
  KULTUR_SANAT: 'Kültür ve sanat',
  SPOR: 'Spor',
  DOGA_IZCILIK: 'Doğa ve izcilik',
  BILIM_TEKNOLOJI: 'Bilim ve teknoloji',
  GONULLULUK: 'Gönüllülük',
  EGITIM: 'Eğitim',
  CEVRE: 'Çevre',
  SAGLIK: 'Sağlık',
  ENGELLI_GENCLER: 'Engelli gençler',
  ULUSLARARASI: 'Uluslararası gençlik çalışmaları',
  GIRISIMCILIK: 'Girişimcilik',
  MEDYA: 'Medya ve iletişim',
  DIGER: 'Diğer',
};

export const PERSON_KINDS = ['YONETIM', 'DENETIM', 'LIDER', 'EGITMEN', 'YETKILI'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export const PERSON_KIND_LABELS: Record<PersonKind, string> = {
  YONETIM: 'Yönetim kurulu',
  DENETIM: 'Denetim kurulu',
  LIDER: 'Gençlik lideri',
  EGITMEN: 'Eğitmen',
  YETKILI: 'Yetkili kişi',
};

export const FACILITY_DOCUMENTS = ['TAPU', 'KIRA', 'TAHSIS'] as const;
export const FACILITY_DOCUMENT_LABELS: Record<(typeof FACILITY_DOCUMENTS)[number], string> = {
  TAPU: 'Tapu',
  KIRA: 'Kira sözleşmesi',
  TAHSIS: 'Tahsis yazısı',
};

export const TRANSFER_STATES = ['TALEP', 'GONDEREN_ONAYI', 'ALICI_KABULU', 'TAMAMLANDI', 'IPTAL'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
export const TRANSFER_STATE_LABELS: Record<TransferState, string> = {
  TALEP: 'Talep',
  GONDEREN_ONAYI: 'Gönderen il onayladı',
  ALICI_KABULU: 'Alıcı il kabul etti',
  TAMAMLANDI: 'Tamamlandı',
  IPTAL: 'İptal',
};

/** Attachments: allowed types by MIME, recognised by their first bytes (not by the file name). */
export const ATTACHMENT_TYPES = {
  'application/pdf': { ext: 'pdf', label: 'PDF' },
  'image/jpeg': { ext: 'jpg', label: 'JPEG' },
  'image/png': { ext: 'png', label: 'PNG' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', label: 'DOCX' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', label: 'XLSX' },
} as const;
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;
