import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { synced } from '../registry/schema';

// Each unit's official letterhead (issue #18): the lines under "T.C.", its permanent DETSİS number, the address
// block of its letters, who signs and in whose name, and the standard file plan codes it files under. Synced to
// every installation, so a certificate printed at a province in the ministry's name carries the ministry's own
// signatory, and a recorded EBYS number is checked against the DETSİS number of the unit that signed. Each unit
// writes only its own row (owner_unit); readers look a unit's row up by owner_unit, never by id, so no one can
// write a row that passes for another unit's.

export const letterheads = sqliteTable(
  'letterheads',
  {
    id: text('id').primaryKey(),
    ...synced,
    institution: text('institution').notNull(),
    unitTitle: text('unit_title').notNull(),
    detsisNo: text('detsis_no'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    kep: text('kep'),
    contact: text('contact'),
    signatoryName: text('signatory_name'),
    signatoryTitle: text('signatory_title'),
    /** The holder of the power when the signatory signs on someone's behalf ("Vali" → "Vali a."). */
    signatoryOnBehalfOf: text('signatory_on_behalf_of'),
    /** JSON: document kind → standard file plan (SDP) code. */
    fileCodes: text('file_codes').notNull(),
  },
  (t) => [index('letterheads_owner').on(t.ownerUnit)],
);
