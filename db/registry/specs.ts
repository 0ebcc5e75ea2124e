import { MEETING_TERMS_ID } from '../../shared/meetings/terms';
import { DEFAULT_REGISTRY_POLICY } from '../../shared/registry/policy';
import { REGISTRATION_ACTION_NAMES, REGISTRATION_ACTIONS, type RegistrationState } from '../../shared/registry/registration';
import { verdictText, type Verdict, type WorkflowResult } from '../../shared/registry/workflow';
import { foldTurkish, turkishSortKey } from '../../shared/turkish';
import type { DeriveEnv, Row, StepRefusal, SyncedTableSpec } from '../changeLog/writer';
import { refreshMeetingTerms } from '../meetings/specs';
import { POLICY_ID } from './queries';
import { approvingPolicy, replayAssociation, type AssociationKey, type Replayed } from './workflow';

// How each registry table is written through the change writer, and what each installation derives
// locally: the association's state and number from its history, its search text from its own fields,
// district and people's names, and the TC Kimlik No's keyed hash.

/** Derived registration columns of an association, as its workflow replay leaves them. */
interface RegistrationFacts {
  status: RegistrationState;
  registration_no: string | null;
  registered_on: string | null;
  transferred_to: string | null;
}

const NO_FACTS: RegistrationFacts = { status: 'TASLAK', registration_no: null, registered_on: null, transferred_to: null };

/**
 * The association's state from its history, replayed with the records it was transferred from (one query):
 * only steps whose author held the authority and that were still possible when taken count (see
 * shared/registry/workflow.ts).
 */
function registrationFacts(env: DeriveEnv, row: Row): { facts: RegistrationFacts; replayed: Replayed | null } {
  if (!row.id) return { facts: NO_FACTS, replayed: null };
  const replayed = replayAssociation(env, { id: String(row.id), owner_unit: row.owner_unit, transferred_from: row.transferred_from });
  const result = replayed.results.at(-1);
  if (!result) return { facts: NO_FACTS, replayed };
  return {
    facts: { status: result.status, registration_no: result.registrationNo, registered_on: result.registeredOn, transferred_to: result.transferredTo },
    replayed,
  };
}

function searchText(env: DeriveEnv, row: Row, registrationNo: string | null): string {
  const district = env.stmt('SELECT name FROM districts WHERE id = ?').get(row.district_id) as { name: string } | undefined;
  const province = env.stmt('SELECT name FROM provinces WHERE plate = ?').get(row.province_plate) as { name: string } | undefined;
  const people = row.id
    ? (env.stmt('SELECT full_name FROM association_people WHERE association_id = ? AND deleted_at IS NULL').all(row.id) as {
        full_name: string;
      }[])
    : [];
  const kutuk = typeof row.kutuk_no === 'string' ? `${row.kutuk_no} ${row.kutuk_no.replace(/-/g, '')}` : '';
  const regNo = registrationNo ? `${registrationNo} ${registrationNo.replace(/-/g, '')}` : '';
  return foldTurkish(
    // The province last: migration 0017 appended it to the rows written before (searching "istanbul").
    [row.name, row.short_name, kutuk, regNo, row.vkn, district?.name, row.neighbourhood, ...people.map((p) => p.full_name), province?.name]
      .filter(Boolean)
      .join(' '),
  );
}

function deriveAssociation(row: Row, env: DeriveEnv): Row {
  return deriveWithReplay(row, env).derived;
}

function deriveWithReplay(row: Row, env: DeriveEnv): { derived: Row; replayed: Replayed | null } {
  const { facts, replayed } = registrationFacts(env, row);
  return { derived: { ...facts, sort_key: turkishSortKey(String(row.name ?? '')), search_text: searchText(env, row, facts.registration_no) }, replayed };
}

/** How deep a change follows transfers from record to record (a loop of forged links ends here). */
const MAX_CASCADE = 20;

/**
 * Recomputes an association's derived columns after its history or people changed, and what follows from them:
 * its transfers' states, and the records it was (or is no longer) transferred to, whose inherited registration
 * depends on this record's replay. Not logged.
 */
export function refreshAssociation(env: DeriveEnv, associationId: string, depth = 0): void {
  const row = env.stmt('SELECT * FROM associations WHERE id = ?').get(associationId) as Row | undefined;
  if (!row) return;
  const { derived, replayed } = deriveWithReplay(row, env);
  env
    .stmt(
      `UPDATE associations SET status = ?, registration_no = ?, registered_on = ?, transferred_to = ?, sort_key = ?, search_text = ?
       WHERE id = ?`,
    )
    .run(derived.status, derived.registration_no, derived.registered_on, derived.transferred_to, derived.sort_key, derived.search_text, associationId);
  const own = replayed?.records.at(-1);
  const result = replayed?.results.at(-1);
  if (own && result && own.steps.some((s) => s.kind === 'TRANSFER')) {
    for (const transfer of env.stmt('SELECT id, state, new_association_id FROM transfers WHERE association_id = ?').all(associationId) as Row[]) {
      const next = transferOutcome(result, String(transfer.id));
      if (next.state !== transfer.state || next.new_association_id !== transfer.new_association_id) {
        env.stmt('UPDATE transfers SET state = ?, new_association_id = ? WHERE id = ?').run(next.state, next.new_association_id, transfer.id);
      }
    }
  }
  const changed = (['status', 'registration_no', 'registered_on', 'transferred_to'] as const).some((c) => derived[c] !== row[c]);
  if (!changed || depth >= MAX_CASCADE) return;
  for (const target of new Set([row.transferred_to, derived.transferred_to])) {
    if (typeof target === 'string' && target !== associationId) refreshAssociation(env, target, depth + 1);
  }
}

/** A transfer's state as its association's replay leaves it; one never validly started is void (İPTAL). */
function transferOutcome(result: WorkflowResult | undefined, transferId: string): { state: string; new_association_id: string | null } {
  const outcome = result?.transfers.get(transferId);
  return outcome ? { state: outcome.state, new_association_id: outcome.newAssociationId } : { state: 'IPTAL', new_association_id: null };
}

/** A transfer follows the TRANSFER steps each party recorded on the sending association, replayed with its history. */
function transferState(env: DeriveEnv, row: Row): Row {
  const association = env.stmt('SELECT id, owner_unit, transferred_from FROM associations WHERE id = ?').get(row.association_id) as AssociationKey | undefined;
  if (!association) return { state: 'TALEP', new_association_id: null };
  return transferOutcome(replayAssociation(env, association).results.at(-1), String(row.id));
}

/** Approver steps are judged by the policy in force: when its approving level changes, they are judged again. */
function refreshForPolicy(env: DeriveEnv): void {
  const policy = approvingPolicy(env);
  const levels = new Set([policy.current, ...policy.versions.map((v) => v.level)]);
  if (levels.size === 1 && levels.has(DEFAULT_REGISTRY_POLICY.approvingLevel)) return;
  const approverActions = REGISTRATION_ACTION_NAMES.filter((a) => REGISTRATION_ACTIONS[a].actor === 'approver');
  const ids = env
    .stmt(
      `SELECT DISTINCT association_id AS id FROM association_history
       WHERE kind = 'REGISTRATION' AND deleted_at IS NULL AND action IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(approverActions)) as { id: string }[];
  for (const { id } of ids) refreshAssociation(env, id);
}

/** A verdict as the import report carries it: the Turkish sentence, and the verdict the screens word. */
const verdictRefusal = (verdict: Verdict): StepRefusal => ({ reason: verdictText(verdict), verdict });

/** Why a row of a table that belongs to the association's owner, written by another unit, does not count. */
function ownersOnly(row: Row, env: DeriveEnv): StepRefusal | null {
  if (row.deleted_at) return null;
  const association = env.stmt('SELECT owner_unit FROM associations WHERE id = ?').get(row.association_id) as { owner_unit: string } | undefined;
  if (!association || association.owner_unit === row.owner_unit) return null;
  return verdictRefusal({ kind: 'unauthorised', code: 'owner', params: { needed: association.owner_unit, author: String(row.owner_unit) } });
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
  // The association's state, its transfers and the records it was transferred to follow from its history.
  afterWrite: (row, env) => refreshAssociation(env, String(row.association_id)),
  // A step that does not count stays stored (it is evidence) and is named in the import report.
  authority: (row, env) => {
    if (row.deleted_at) return null;
    const association = env.stmt('SELECT id, owner_unit, transferred_from FROM associations WHERE id = ?').get(row.association_id) as AssociationKey | undefined;
    if (!association) return null;
    // Visa steps are told apart by their applications' decisions; other kinds need only their own steps.
    const verdict = replayAssociation(env, association, row.kind === 'VISA', String(row.kind)).results.at(-1)?.refused.get(String(row.id));
    return verdict ? verdictRefusal(verdict) : null;
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
  columns: ['association_id', 'document_id', 'history_id', 'sha256', 'file_name', 'mime_type', 'size'],
};

export const visaApplicationsSpec: SyncedTableSpec = {
  name: 'visa_applications',
  columns: ['association_id', 'year', 'state', 'applied_on', 'letter_date', 'letter_no', 'decided_on', 'reason'],
  // The owning province logs and decides visas: an application another unit wrote counts nowhere.
  authority: ownersOnly,
  authorityColumn: 'state',
};

export const transfersSpec: SyncedTableSpec = {
  name: 'transfers',
  columns: ['association_id', 'from_plate', 'to_plate', 'to_district_id', 'new_kutuk_no', 'reason', 'letter_date', 'letter_no'],
  // Derived from the history rows, whichever arrives first on a receiving installation.
  derive: (row, env) => transferState(env, row),
  // Only the sending association's owner starts a transfer.
  authority: ownersOnly,
  authorityColumn: 'to_plate',
};

export const referenceDataSpec: SyncedTableSpec = {
  name: 'reference_data',
  columns: ['value'],
  // Meetings derive their term from the ministry's term table.
  afterWrite: (row, env) => {
    if (row.id === MEETING_TERMS_ID) refreshMeetingTerms(env);
    if (row.id === POLICY_ID) refreshForPolicy(env);
  },
};
