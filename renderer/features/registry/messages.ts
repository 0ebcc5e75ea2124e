import { DEFAULT_REGISTRY_POLICY, type ChecklistItem } from '../../../shared/registry/policy';
import { prefixed } from '../../i18n/vocab';

// Registry texts that come from the server as Turkish and are shown by key (issue #17): the default checklist
// items (the ministry may reword an item; a reworded one is shown as written), reminders with their parameters.
// Turkish first; the English object must translate every key (typed). The rest of the registry's messages are
// in renderer/i18n/tr.ts and en.ts.

// The default items' keys (the policy types them as any string, since the ministry may add items).
type RegistrationItem = 'petition' | 'statute' | 'lastAssemblyNotice' | 'boardDecision' | 'undertaking' | 'infoForm' | 'taxNumber' | 'leaderCertificates' | 'facilityDocument' | 'founderPermission' | 'memberList';
type VisaItem = 'boardList' | 'activityReport' | 'derbisDeclaration' | 'memberCount' | 'leaderContracts' | 'facilityDocument' | 'contacts';

const labelsByKey = <K extends string>(items: readonly ChecklistItem[]) => Object.fromEntries(items.map((i) => [i.key, i.label])) as Record<K, string>;

export const registryVocabTr = {
  ...prefixed('registry.checklist.TESCIL', labelsByKey<RegistrationItem>(DEFAULT_REGISTRY_POLICY.registrationChecklist)),
  ...prefixed('registry.checklist.VIZE', labelsByKey<VisaItem>(DEFAULT_REGISTRY_POLICY.visaChecklist)),
  'registry.reminder.generalAssembly': 'Sonraki olağan genel kurul en geç {date}.',
  'registry.reminder.organNotification': 'Seçilen organların bildirimi en geç {date}.',
  'registry.reminder.visaAwaited': '{year} vizesi için başvuru bekleniyor.',
  'registry.reminder.visaMissing.one': '{count} yıldır vize yapılmadı.',
  'registry.reminder.visaMissing.other': '{count} yıldır vize yapılmadı.',
  'registry.reminder.visaWindowClosing.one': 'Vize döneminin bitmesine {days} gün kaldı ({date}); {count} dernek henüz başvurmadı.',
  'registry.reminder.visaWindowClosing.other': 'Vize döneminin bitmesine {days} gün kaldı ({date}); {count} dernek henüz başvurmadı.',
  'registry.reminder.visaReview.one': '{count} vize başvurusu inceleme bekliyor.',
  'registry.reminder.visaReview.other': '{count} vize başvurusu inceleme bekliyor.',
  'registry.reminder.visaCancellation.one': '{count} dernek {years} yıl ya da daha uzun süredir vizesiz: tescil iptali önerilir.',
  'registry.reminder.visaCancellation.other': '{count} dernek {years} yıl ya da daha uzun süredir vizesiz: tescil iptali önerilir.',
  'registry.total.one': '{count} dernek',
  'registry.total.other': '{count} dernek',
  'registry.export.done.one': '{count} dernek “{fileName}” dosyasına aktarıldı.',
  'registry.export.done.other': '{count} dernek “{fileName}” dosyasına aktarıldı.',
  'policy.checklistTurkish': 'Maddeler resmî yazılarda yer aldığı için Türkçe yazılır.',
  'centres.total.one': '{count} gençlik merkezi',
  'centres.total.other': '{count} gençlik merkezi',
} as const;

export const registryVocabEn: Record<keyof typeof registryVocabTr, string> = {
  'registry.checklist.TESCIL.petition': 'Petition',
  'registry.checklist.TESCIL.statute': "Governor's office letter that the statute complies with the law, and the certified statute",
  'registry.checklist.TESCIL.lastAssemblyNotice': 'Result notice of the last general assembly (if the statute is older than 6 months)',
  'registry.checklist.TESCIL.boardDecision': "Board decision setting the club's name, colours and fields of activity",
  'registry.checklist.TESCIL.undertaking': 'Signed registration undertaking',
  'registry.checklist.TESCIL.infoForm': 'Club information form',
  'registry.checklist.TESCIL.taxNumber': 'Tax identification number and tax office',
  'registry.checklist.TESCIL.leaderCertificates': 'Certificates and contracts of youth leaders / trainers (identity, address, profession)',
  'registry.checklist.TESCIL.facilityDocument': 'Title deed, lease or allocation letter for the place of activity',
  'registry.checklist.TESCIL.founderPermission': 'Permission of the founding public body (if any)',
  'registry.checklist.TESCIL.memberList': 'Current member list and founding notice',
  'registry.checklist.VIZE.boardList': 'Current board list (result notice of the last general assembly)',
  'registry.checklist.VIZE.activityReport': "Previous year's activity report",
  'registry.checklist.VIZE.derbisDeclaration': 'Copy / confirmation of the annual DERBİS declaration',
  'registry.checklist.VIZE.memberCount': 'Number of members',
  'registry.checklist.VIZE.leaderContracts': 'Current youth leader and trainer contracts',
  'registry.checklist.VIZE.facilityDocument': 'Valid document for the place of activity',
  'registry.checklist.VIZE.contacts': 'Current contact person details',
  'registry.reminder.generalAssembly': 'Next ordinary general assembly due by {date}.',
  'registry.reminder.organNotification': 'The elected organs must be notified by {date}.',
  'registry.reminder.visaAwaited': 'Visa application for {year} awaited.',
  'registry.reminder.visaMissing.one': 'No visa for {count} year.',
  'registry.reminder.visaMissing.other': 'No visa for {count} years.',
  'registry.reminder.visaWindowClosing.one': 'The visa period ends in {days} days ({date}); {count} association has not applied yet.',
  'registry.reminder.visaWindowClosing.other': 'The visa period ends in {days} days ({date}); {count} associations have not applied yet.',
  'registry.reminder.visaReview.one': '{count} visa application is waiting for review.',
  'registry.reminder.visaReview.other': '{count} visa applications are waiting for review.',
  'registry.reminder.visaCancellation.one': '{count} association has had no visa for {years} years or more: cancellation of registration is proposed.',
  'registry.reminder.visaCancellation.other': '{count} associations have had no visa for {years} years or more: cancellation of registration is proposed.',
  'registry.total.one': '{count} association',
  'registry.total.other': '{count} associations',
  'registry.export.done.one': '{count} association exported to “{fileName}”.',
  'registry.export.done.other': '{count} associations exported to “{fileName}”.',
  'policy.checklistTurkish': 'Items are written in Turkish: they appear in official letters.',
  'centres.total.one': '{count} youth centre',
  'centres.total.other': '{count} youth centres',
};
