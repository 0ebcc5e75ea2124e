import type { LetterheadView } from '../../shared/contract/documents';
import { defaultLetterhead } from '../../shared/documents/letterhead';
import type { OpenDatabase } from '../open';

// A unit's letterhead: its own latest live row, looked up by owner_unit (the exchange lets only the unit write
// rows it owns), or the defaults for a unit that has saved none.

interface LetterheadRow {
  id: string;
  institution: string;
  unitTitle: string;
  detsisNo: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  kep: string | null;
  contact: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  signatoryOnBehalfOf: string | null;
  fileCodes: string;
  updatedAt: string;
}

export function letterheadRow(db: OpenDatabase, unitId: string): LetterheadRow | undefined {
  return db
    .stmt(
      `SELECT id, institution, unit_title AS unitTitle, detsis_no AS detsisNo, address, phone, email, kep, contact,
         signatory_name AS signatoryName, signatory_title AS signatoryTitle, signatory_on_behalf_of AS signatoryOnBehalfOf,
         file_codes AS fileCodes, updated_at AS updatedAt
       FROM letterheads WHERE owner_unit = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id LIMIT 1`,
    )
    .get(unitId) as LetterheadRow | undefined;
}

/** What the unit's installation is known as here (its node's record), for the defaults of a unit with no row. */
function knownUnit(db: OpenDatabase, unitId: string): { unitName: string | null; provincePlate: string | null } {
  const row = db.stmt('SELECT unit_name AS unitName, province_plate AS provincePlate FROM sync_nodes WHERE unit_id = ? LIMIT 1').get(unitId) as
    | { unitName: string | null; provincePlate: string | null }
    | undefined;
  return row ?? { unitName: null, provincePlate: null };
}

export function readLetterhead(db: OpenDatabase, unitId: string, self?: { unitName: string; provincePlate: string | null }): LetterheadView {
  const row = letterheadRow(db, unitId);
  if (!row) return defaultLetterhead(unitId, self ?? knownUnit(db, unitId));
  const { id: _id, fileCodes, ...fields } = row;
  return { unitId, ...fields, fileCodes: JSON.parse(fileCodes) as LetterheadView['fileCodes'], saved: true };
}
