import { DEFAULT_MEETING_TERMS, MEETING_TERMS_ID, termOf, termsProblem, type MeetingTerm } from '../../shared/meetings/terms';
import { ANONYMOUS_NAME } from '../../shared/privacy/retention';
import { hasOutdatedKey, personKey } from './personKey';
import type { DeriveEnv, SyncedTableSpec } from '../changeLog/writer';

// How meeting tables are written through the change writer. Derived locally: a meeting's term (from its
// date under the ministry's term reference data) and a participant's person key (for unique-people counts).

/** The ministry's meeting terms, or the defaults until it has published its own. */
export function meetingTerms(env: Pick<DeriveEnv, 'stmt'>): readonly MeetingTerm[] {
  const row = env.stmt('SELECT value FROM reference_data WHERE id = ? AND deleted_at IS NULL').get(MEETING_TERMS_ID) as { value: string } | undefined;
  if (!row) return DEFAULT_MEETING_TERMS;
  const terms = JSON.parse(row.value) as MeetingTerm[];
  return termsProblem(terms) ? DEFAULT_MEETING_TERMS : terms;
}

export const meetingsSpec: SyncedTableSpec = {
  name: 'meetings',
  columns: [
    'youth_centre_id', 'province_plate', 'date', 'start_time', 'end_time', 'hall', 'chair', 'rapporteur', 'state',
    'letter_date', 'letter_no', 'state_reason', 'minutes',
  ],
  derive: (row, env) => {
    const term = termOf(String(row.date ?? '1970-01-01'), meetingTerms(env));
    return { term_year: term.year, term_no: term.no };
  },
};

/** Recomputes every meeting's term after the ministry changed the terms. Not logged. */
export function refreshMeetingTerms(env: Pick<DeriveEnv, 'stmt'>): void {
  const terms = meetingTerms(env);
  const rows = env.stmt('SELECT id, date FROM meetings').all() as { id: string; date: string }[];
  const update = env.stmt('UPDATE meetings SET term_year = ?, term_no = ? WHERE id = ?');
  for (const row of rows) {
    const term = termOf(row.date, terms);
    update.run(term.year, term.no, row.id);
  }
}

export const meetingAgendaSpec: SyncedTableSpec = {
  name: 'meeting_agenda',
  columns: ['meeting_id', 'position', 'title', 'minutes'],
};

export const meetingParticipantsSpec: SyncedTableSpec = {
  name: 'meeting_participants',
  columns: [
    'meeting_id', 'kind', 'full_name', 'title', 'organisation_id', 'organisation_name', 'contact_id', 'invited', 'attended', 'walk_in',
    'phone', 'email', 'person_key',
  ],
  // Anonymising the name (retention, issue #16) keeps the key: the person is the same, only unnamed.
  originate: (row, current) => (current && row.full_name === ANONYMOUS_NAME ? {} : { person_key: personKey(row) }),
  // A row from an earlier version's file comes without its key, or with the organisation inside it: assigned here
  // as this version assigns it (see ./personKey).
  derive: (row) => (hasOutdatedKey(row) ? { person_key: personKey(row) } : {}),
};

export const meetingRequestsSpec: SyncedTableSpec = {
  name: 'meeting_requests',
  columns: ['meeting_id', 'category', 'organisation_id', 'text'],
};

export const meetingDecisionsSpec: SyncedTableSpec = {
  name: 'meeting_decisions',
  columns: ['meeting_id', 'youth_centre_id', 'number', 'text', 'responsible', 'due_on', 'state', 'state_note', 'reviewed_in_meeting_id'],
};

export const meetingFilesSpec: SyncedTableSpec = {
  name: 'meeting_files',
  columns: ['meeting_id', 'kind', 'file_name', 'mime', 'size', 'sha256'],
};
