import { foldTurkish, turkishSortKey } from '../../shared/turkish';
import type { DeriveEnv, Row, SyncedTableSpec } from '../changeLog/writer';

// How directory tables are written through the change writer, and what each installation derives locally:
// Turkish sort keys and folded search text (name, short name, identifiers, district, people's names).

function organisationSearchText(env: DeriveEnv, row: Row): string {
  const district = row.district_id
    ? (env.stmt('SELECT name FROM districts WHERE id = ?').get(row.district_id) as { name: string } | undefined)
    : undefined;
  const people = row.id
    ? (env.stmt('SELECT full_name FROM contacts WHERE organisation_id = ? AND deleted_at IS NULL').all(row.id) as { full_name: string }[])
    : [];
  const kutuk = typeof row.kutuk_no === 'string' ? `${row.kutuk_no} ${row.kutuk_no.replace(/-/g, '')}` : '';
  return foldTurkish(
    [row.name, row.short_name, kutuk, row.vkn, district?.name, ...people.map((p) => p.full_name)].filter(Boolean).join(' '),
  );
}

export const organisationsSpec: SyncedTableSpec = {
  name: 'organisations',
  columns: [
    'kind', 'subtype', 'name', 'short_name', 'province_plate', 'district_id', 'activity_areas', 'youth_focus', 'vkn', 'kutuk_no',
    'association_id', 'phone', 'email', 'website', 'address', 'notes', 'merged_into',
  ],
  derive: (row, env) => ({ sort_key: turkishSortKey(String(row.name ?? '')), search_text: organisationSearchText(env, row) }),
};

/** Recomputes an organisation's search text after its people changed. Not logged. */
export function refreshOrganisation(env: DeriveEnv, organisationId: unknown): void {
  if (typeof organisationId !== 'string') return;
  const row = env.stmt('SELECT * FROM organisations WHERE id = ?').get(organisationId) as Row | undefined;
  if (!row) return;
  env.stmt('UPDATE organisations SET search_text = ? WHERE id = ?').run(organisationSearchText(env, row), organisationId);
}

export const contactsSpec: SyncedTableSpec = {
  name: 'contacts',
  columns: ['organisation_id', 'full_name', 'title', 'phone', 'email', 'notes'],
  derive: (row) => ({
    sort_key: turkishSortKey(String(row.full_name ?? '')),
    search_text: foldTurkish([row.full_name, row.title].filter(Boolean).join(' ')),
  }),
  afterWrite: (row, env) => refreshOrganisation(env, row.organisation_id),
};

export const contactAffiliationsSpec: SyncedTableSpec = {
  name: 'contact_affiliations',
  columns: ['contact_id', 'organisation_id', 'title', 'until_on'],
};

export const orgRelationsSpec: SyncedTableSpec = {
  name: 'org_relations',
  columns: ['organisation_id', 'unit_id', 'unit_name', 'relation_type', 'start_on', 'end_on', 'note'],
};

export const interactionsSpec: SyncedTableSpec = {
  name: 'interactions',
  columns: ['organisation_id', 'kind', 'on_date', 'subject', 'note', 'letter_date', 'letter_no', 'follow_up', 'follow_up_due', 'follow_up_done_on'],
};
