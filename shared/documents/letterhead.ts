import type { LetterheadView } from '../contract/documents';
import { provinceByPlate } from '../regions';
import { trUpper } from '../turkish';
import type { Letterhead, Signatory } from './letter';

// What a unit's letterhead says before the unit has saved its own (issue #18): the header lines every unit of
// its kind uses. A province directorate writes under its governorship ("T.C. / ANKARA VALİLİĞİ / Gençlik ve Spor
// İl Müdürlüğü"), the ministry's department under the Directorate-General for Youth Services. The DETSİS number
// and the signatory have no default: they are the unit's own and Köprü never invents them.

export const MINISTRY_INSTITUTION = 'GENÇLİK VE SPOR BAKANLIĞI';
export const MINISTRY_UNIT = 'Gençlik Hizmetleri Genel Müdürlüğü';
export const PROVINCE_UNIT = 'Gençlik ve Spor İl Müdürlüğü';

export function plateOfUnit(unitId: string): string | null {
  return /^province:(\d{2})$/.exec(unitId)?.[1] ?? null;
}

export function defaultLetterhead(unitId: string, known: { unitName?: string | null; provincePlate?: string | null } = {}): LetterheadView {
  const base = {
    unitId, detsisNo: null, address: null, phone: null, email: null, kep: null, contact: null,
    signatoryName: null, signatoryTitle: null, signatoryOnBehalfOf: null, fileCodes: {}, saved: false, updatedAt: null,
  };
  if (unitId === 'ministry') return { ...base, institution: MINISTRY_INSTITUTION, unitTitle: MINISTRY_UNIT };
  const plate = plateOfUnit(unitId) ?? known.provincePlate ?? null;
  const province = plate ? (provinceByPlate(plate)?.name ?? null) : null;
  const institution = province ? `${trUpper(province)} VALİLİĞİ` : MINISTRY_INSTITUTION;
  if (unitId.startsWith('province:')) return { ...base, institution, unitTitle: PROVINCE_UNIT };
  return { ...base, institution, unitTitle: known.unitName?.trim() || PROVINCE_UNIT };
}

/** The letter layer's view of a saved (or default) letterhead. */
export function toLetterhead(view: LetterheadView): Letterhead {
  return {
    institution: view.institution, unit: view.unitTitle, detsisNo: view.detsisNo,
    address: view.address, phone: view.phone, email: view.email, kep: view.kep, contact: view.contact,
  };
}

/** The signatory, or null while the unit has not named one (the document then leaves a blank place to sign). */
export function toSignatory(view: LetterheadView): Signatory | null {
  if (!view.signatoryName?.trim() || !view.signatoryTitle?.trim()) return null;
  return { name: view.signatoryName, title: view.signatoryTitle, onBehalfOf: view.signatoryOnBehalfOf };
}

/** The authority's name as a certificate and a citation use it: "Gençlik ve Spor Bakanlığı", "Ankara Valiliği". */
export function authorityName(view: LetterheadView): string {
  const lower = view.institution.toLocaleLowerCase('tr-TR');
  return lower.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toLocaleUpperCase('tr-TR')).replace(/\bVe\b/g, 've');
}
