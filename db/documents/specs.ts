import type { SyncedTableSpec } from '../changeLog/writer';

/** A unit's letterhead: written only by its unit (the exchange's ownership rule), held everywhere. */
export const letterheadsSpec: SyncedTableSpec = {
  name: 'letterheads',
  columns: [
    'institution', 'unit_title', 'detsis_no', 'address', 'phone', 'email', 'kep', 'contact',
    'signatory_name', 'signatory_title', 'signatory_on_behalf_of', 'file_codes',
  ],
};
