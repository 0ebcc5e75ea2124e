import { MEETING_TERMS_ID } from '../../shared/meetings/terms';
import type { RegistrationState } from '../../shared/registry/registration';
import { foldTurkish, turkishSortKey } from '../../shared/turkish';
import type { DeriveEnv, Row, SyncedTableSpec } from '../changeLog/writer';
import { refreshMeetingTerms } from '../meetings/specs';

// How each registry table is written through the change writer, and what each installation derives
// locally: the association's state and number from its history, its search text from its own fields,
// district and people's names, and the TC Kimlik No's keyed hash.

interface HistoryRow {
  action: string;
  to_state: string | null;
  at: string;
  data: string;
}

function registrationFacts(env: DeriveEnv, associationId: string) {
  const steps = env
    .stmt(
      `SELECT action, to_state, at, data FROM association_history
       WHERE association_id = ? AND kind = 'REGISTRATION' AND deleted_at IS NULL ORDER BY at, id`,
    )
    .all(associationId) as HistoryRow[];
  let status: RegistrationState = 'TASLAK';
  let registrationNo: string | null = null;
  let registeredOn: string | null = null;
  let transferredTo: string | null = null;
  for (const step of steps) {
    if (step.to_state) status = step.to_state as RegistrationState;
    const data = JSON.parse(step.data) as { registrationNo?: string; registeredOn?: string; newAssociationId?: string };
    // approve (a new number), import (an existing registry row) and inheritRegistration (a transfer's
    // receiving record) carry the registration number and date.
    if (data.registrationNo) {
      registrationNo = data.registrationNo;
      registeredOn = data.registeredOn ?? step.at.slice(0, 10);
    }
    if (step.action === 'transferOut') transferredTo = data.newAssociationId ?? null;
  }
  return { status, registration_no: registrationNo, registered_on: registeredOn, transferred_to: transferredTo };
}

function searchText(env: DeriveEnv, row: Row, registrationNo: string | null): string {
  const district = env.stmt('SELECT name FROM districts WHERE id = ?').get(row.district_id) as { name: string } | undefined;
  const people = row.id
    ? (env.stmt('SELECT full_name FROM association_people WHERE association_id = ? AND deleted_at IS NULL').all(row.id) as {
        full_name: string;
      }[])
    : [];
  const kutuk = typeof row.kutuk_no === 'string' ? `${row.kutuk_no} ${row.kutuk_no.replace(/-/g, '')}` : '';
  const regNo = registrationNo ? `${registrationNo} ${registrationNo.replace(/-/g, '')}` : '';
  return foldTurkish(
    [row.name, row.short_name, kutuk, regNo, row.vkn, district?.name, row.neighbourhood, ...people.map((p) => p.full_name)]
      .filter(Boolean)
      .join(' '),
  );
}

function deriveAssociation(row: Row, env: DeriveEnv): Row {
  const facts = row.id ? registrationFacts(env, String(row.id)) : { status: 'TASLAK', registration_no: null, registered_on: null, transferred_to: null };
  return { ...facts, sort_key: turkishSortKey(String(row.name ?? '')), search_text: searchText(env, row, facts.registration_no) };
}

/** Recomputes an association's derived columns after its history or people changed. Not logged. */
export function refreshAssociation(env: DeriveEnv, associationId: string): void {
  const row = env.stmt('SELECT * FROM associations WHERE id = ?').get(associationId) as Row | undefined;
  if (!row) return;
  const derived = deriveAssociation(row, env);
  env
    .stmt(
      `UPDATE associations SET status = ?, registration_no = ?, registered_on = ?, transferred_to = ?, sort_key = ?, search_text = ?
       WHERE id = ?`,
    )
    .run(derived.status, derived.registration_no, derived.registered_on, derived.transferred_to, derived.sort_key, derived.search_text, associationId);
}

/** A transfer's state follows the TRANSFER steps each party recorded. */
function transferState(env: DeriveEnv, transferId: string): Row {
  const steps = env
    .stmt(
      `SELECT action, to_state, at, data FROM association_history
       WHERE kind = 'TRANSFER' AND deleted_at IS NULL AND json_extract(data, '$.transferId') = ? ORDER BY at, id`,
    )
    .all(transferId) as HistoryRow[];
  let state = 'TALEP';
  let newAssociationId: string | null = null;
  for (const step of steps) {
    if (step.to_state) state = step.to_state;
    const data = JSON.parse(step.data) as { newAssociationId?: string };
    if (data.newAssociationId) newAssociationId = data.newAssociationId;
  }
  return { state, new_association_id: newAssociationId };
}

export function refreshTransfer(env: DeriveEnv, transferId: string): void {
  const { state, new_association_id } = transferState(env, transferId);
  env.stmt('UPDATE transfers SET state = ?, new_association_id = ? WHERE id = ?').run(state, new_association_id, transferId);
}

export const associationsSpec: SyncedTableSpec = {
  name: 'associations',
  columns: [
    'province_plate', 'district_id', 'neighbourhood', 'street', 'name', 'short_name', 'club_type', 'kutuk_no', 'vkn',
    'tax_office', 'founded_on', 'phone', 'email', 'website', 'activity_areas', 'member_count', 'activity_place',
    'activity_place_document', 'transferred_from',
  ],
  derive: deriveAssociation,
};

export const associationHistorySpec: SyncedTableSpec = {
  name: 'association_history',
  columns: ['association_id', 'kind', 'action', 'from_state', 'to_state', 'at', 'actor_unit', 'actor_name', 'letter_date', 'letter_no', 'reason', 'data'],
  afterWrite: (row, env) => {
    refreshAssociation(env, String(row.association_id));
    if (row.kind === 'TRANSFER') {
      const transferId = (JSON.parse(String(row.data)) as { transferId?: string }).transferId;
      if (transferId) refreshTransfer(env, transferId);
    }
  },
};

export const derbisSnapshotsSpec: SyncedTableSpec = {
  name: 'derbis_snapshots',
  columns: ['association_id', 'as_of', 'source', 'legal_status', 'last_general_assembly_on', 'organs_elected_on', 'organs_notified_on', 'declaration_year', 'note'],
};

export const associationPeopleSpec: SyncedTableSpec = {
  name: 'association_people',
  columns: ['association_id', 'kind', 'membership', 'role', 'full_name', 'tc_kimlik_no', 'phone', 'email', 'profession', 'certificate_no', 'term_start', 'term_end'],
  derive: (row, env) => ({
    tc_hash: row.tc_kimlik_no ? env.hmac(String(row.tc_kimlik_no)) : null,
    sort_key: turkishSortKey(String(row.full_name ?? '')),
  }),
  afterWrite: (row, env) => refreshAssociation(env, String(row.association_id)),
};

export const associationDocumentsSpec: SyncedTableSpec = {
  name: 'association_documents',
  columns: ['association_id', 'step', 'visa_year', 'item_key', 'received', 'received_on', 'letter_date', 'letter_no', 'note'],
};

export const associationAttachmentsSpec: SyncedTableSpec = {
  name: 'association_attachments',
  columns: ['association_id', 'document_id', 'sha256', 'file_name', 'mime_type', 'size'],
};

export const visaApplicationsSpec: SyncedTableSpec = {
  name: 'visa_applications',
  columns: ['association_id', 'year', 'state', 'applied_on', 'letter_date', 'letter_no', 'decided_on', 'reason'],
};

export const transfersSpec: SyncedTableSpec = {
  name: 'transfers',
  columns: ['association_id', 'from_plate', 'to_plate', 'to_district_id', 'new_kutuk_no', 'reason', 'letter_date', 'letter_no'],
  // Derived from the history rows, whichever arrives first on a receiving installation.
  derive: (row, env) => transferState(env, String(row.id)),
};

export const referenceDataSpec: SyncedTableSpec = {
  name: 'reference_data',
  columns: ['value'],
  // Meetings derive their term from the ministry's term table.
  afterWrite: (row, env) => {
    if (row.id === MEETING_TERMS_ID) refreshMeetingTerms(env);
  },
};
