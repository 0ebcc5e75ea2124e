// What each installation holds (issue #15; DOMAIN.md §2): one rule per synced table, as data. The exchange
// (db/sync/scope.ts turns these into SQL) sends a child only the rows in its scope, tells it to drop rows
// that left it, and every installation can check what it holds against the same rules.
//
// The ministry holds everything. A province holds the rows placed in its province. A youth centre holds a
// part of its province's: what `youthCentre` says for each table. A child table's rows go where their parent
// goes. Whatever an in-scope row refers to by a foreign key is in scope too, so that it can be built: an
// organisation of another province invited to a meeting is held by both provinces (the closure below).
//
// Edge cases, decided:
// - An organisation used by two provinces' meetings: held by both (the closure); only its owner edits it.
// - A merged duplicate whose survivor is out of scope: the duplicate is held with its `merged_into` id; the
//   survivor is not (not a foreign key), and the screen says it is held elsewhere.
// - A meeting a province recorded for a centre that later gets its own installation: it reaches the centre
//   (its centre's id), stays the province's record (only its owner edits it).
// - A transfer: both provinces hold it, and the association's record with its history (the new record's
//   registration is derived through it, for good). The file (board, documents, visas) reaches the receiving
//   province once the sender approves, is copied under it on acceptance, and then leaves it again.

/** Where a row belongs. */
export type Place =
  /** Everywhere: reference data and the node directory (public keys and unit names, no personal data). */
  | { kind: 'national' }
  /**
   * The province named by a column of the row (its plate), and by `alsoColumn` when given; with `referredBy`,
   * also every province whose `table` rows (by their `plate` column) refer to the row through `key`.
   */
  | { kind: 'province'; column: string; alsoColumn?: string; referredBy?: { table: string; key: string; plate: string } }
  /** Wherever its parent row (the row of `table` that `column` refers to) is held. */
  | { kind: 'parent'; table: string; column: string }
  /**
   * An association's file (board, documents, visas): the province its association is placed in, not every
   * installation that holds the association (a province a transfer came from or went to holds the record, for
   * its history). With `carried`, also the province a transfer approved by its sender is addressed to: the
   * file travels with it, and is copied under the receiving province when it accepts.
   */
  | { kind: 'file'; column: string; carried: boolean };

/** What a youth-centre installation holds of a table, within what its province holds. */
export type CentreShare =
  /** What its province holds (every row, for a national table; for a child table, as its parent). */
  | 'province'
  /** Only rows about its own centre: `column` holds the youth centre's id. */
  | { own: string }
  /** None. */
  | 'none';

export interface ScopeRule {
  table: string;
  place: Place;
  /**
   * A column naming an earlier row this one continues (an association's `transferred_from`): wherever a row
   * is held, the rows it continues are held too, with what goes with them (its registration is derived
   * through them).
   */
  lineage?: string;
  youthCentre: CentreShare;
  /**
   * Holds personal data (board members, participants' names, scanned documents): never leaves the subtree of
   * the province its row belongs to, except to the ministry (the scope test checks every database and file).
   */
  personal: boolean;
  /** Why, in a sentence, for the documentation and reviews. */
  why: string;
}

export const SCOPE_RULES: readonly ScopeRule[] = [
  { table: 'sync_nodes', place: { kind: 'national' }, youthCentre: 'province', personal: false, why: 'Public keys and unit names: every installation verifies what it receives against them.' },
  { table: 'reference_data', place: { kind: 'national' }, youthCentre: 'province', personal: false, why: 'Checklists, terms and policies flow down to every installation.' },
  { table: 'youth_centres', place: { kind: 'province', column: 'province_plate' }, youthCentre: 'province', personal: false, why: "A centre sees its province's centres (venues, invitations)." },
  {
    table: 'associations', place: { kind: 'province', column: 'province_plate', referredBy: { table: 'transfers', key: 'association_id', plate: 'to_plate' } }, lineage: 'transferred_from', youthCentre: 'province', personal: false,
    why: "A centre invites its province's youth associations: their public record, without people or files. A province a transfer is addressed to sees the association it carries.",
  },
  {
    table: 'association_history', place: { kind: 'parent', table: 'associations', column: 'association_id' }, youthCentre: 'province', personal: false,
    why: 'The registration state is derived from it, through every record an association was transferred from.',
  },
  { table: 'association_people', place: { kind: 'file', column: 'association_id', carried: true }, youthCentre: 'none', personal: true, why: 'Board members: special-category data (KVKK Art. 6).' },
  { table: 'association_documents', place: { kind: 'file', column: 'association_id', carried: true }, youthCentre: 'none', personal: false, why: 'Case file of the province.' },
  { table: 'association_attachments', place: { kind: 'file', column: 'association_id', carried: false }, youthCentre: 'none', personal: true, why: 'Scanned documents name people.' },
  { table: 'visa_applications', place: { kind: 'file', column: 'association_id', carried: true }, youthCentre: 'province', personal: false, why: 'The visa state shown beside an association.' },
  {
    table: 'transfers', place: { kind: 'province', column: 'from_plate', alsoColumn: 'to_plate' }, youthCentre: 'none', personal: false,
    why: 'Both provinces of a transfer take part in it; the receiving one also gets the association it carries.',
  },
  { table: 'derbis_snapshots', place: { kind: 'file', column: 'association_id', carried: false }, youthCentre: 'none', personal: false, why: 'Case file of the province.' },
  { table: 'organisations', place: { kind: 'province', column: 'province_plate' }, youthCentre: 'province', personal: false, why: "A centre invites its province's organisations." },
  { table: 'contacts', place: { kind: 'parent', table: 'organisations', column: 'organisation_id' }, youthCentre: 'province', personal: false, why: "Organisations' public contacts, to invite them." },
  { table: 'contact_affiliations', place: { kind: 'parent', table: 'contacts', column: 'contact_id' }, youthCentre: 'province', personal: false, why: 'Which organisation a contact speaks for.' },
  { table: 'org_relations', place: { kind: 'parent', table: 'organisations', column: 'organisation_id' }, youthCentre: 'none', personal: false, why: "The province's protocols and partnerships." },
  { table: 'interactions', place: { kind: 'parent', table: 'organisations', column: 'organisation_id' }, youthCentre: 'none', personal: false, why: "The province's correspondence log." },
  { table: 'meetings', place: { kind: 'province', column: 'province_plate' }, youthCentre: { own: 'youth_centre_id' }, personal: false, why: 'A centre plans and records its own meetings.' },
  { table: 'meeting_agenda', place: { kind: 'parent', table: 'meetings', column: 'meeting_id' }, youthCentre: 'province', personal: false, why: 'Part of its meeting.' },
  { table: 'meeting_participants', place: { kind: 'parent', table: 'meetings', column: 'meeting_id' }, youthCentre: 'province', personal: true, why: 'Part of its meeting: names and affiliations (no TC numbers: DOMAIN.md §9).' },
  { table: 'meeting_requests', place: { kind: 'parent', table: 'meetings', column: 'meeting_id' }, youthCentre: 'province', personal: false, why: 'Part of its meeting.' },
  { table: 'meeting_decisions', place: { kind: 'parent', table: 'meetings', column: 'meeting_id' }, youthCentre: 'province', personal: false, why: 'Part of its meeting.' },
  { table: 'meeting_files', place: { kind: 'parent', table: 'meetings', column: 'meeting_id' }, youthCentre: 'province', personal: true, why: 'Signed attendance sheets name people.' },
  { table: 'workshops', place: { kind: 'province', column: 'host_plate' }, youthCentre: 'none', personal: false, why: 'The host province runs a regional workshop; a national summit (no host) stays at the ministry.' },
  { table: 'workshop_participants', place: { kind: 'parent', table: 'workshops', column: 'workshop_id' }, youthCentre: 'none', personal: true, why: 'Names of participants.' },
  {
    table: 'letterheads', place: { kind: 'national' }, youthCentre: 'province', personal: false,
    why: "Each unit's letterhead, DETSİS number and signatory (an office, not a private person): certificates are printed in the approving unit's name, and EBYS numbers are checked against the unit that signed.",
  },
  {
    table: 'published_reports', place: { kind: 'national' }, youthCentre: 'province', personal: false,
    why: "National and regional figures the ministry sends down: counts with their definitions, no rows or names, so an installation shows the country's figures without holding other provinces' records.",
  },
];

export const SCOPE_BY_TABLE = new Map(SCOPE_RULES.map((rule) => [rule.table, rule]));
