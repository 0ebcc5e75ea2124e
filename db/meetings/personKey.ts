import { createHash } from 'node:crypto';
import { ANONYMOUS_NAME } from '../../shared/privacy/retention';
import { foldTurkish } from '../../shared/turkish';

// Who a meeting participant is, for counting unique people (issue #16: the key survives anonymisation; issue
// #17: it survives the merge of the participant's organisation). Kept in a module of its own because the
// migrations compute it too (db/migrate.ts registers it as an SQL function).
//
// - `c:<contact id>`: the participant is a directory contact. Contacts move with a merge, so the key holds.
// - `q:<hash of the folded name>`: the participant came for a directory organisation. The organisation is not
//   in the key: a report counts the pair (key, the organisation the participant's one resolves to through
//   merges), so a representative who came once for each of two CSOs later merged counts once, even after the
//   name is anonymised.
// - `p:<hash of the folded name and organisation text>`: the organisation was typed, not chosen; no merge can
//   reach it. Also what earlier versions stored for every name (before migration 0018), kept on rows whose name
//   was anonymised before it.

/** The first 128 bits of SHA-256, hex. */
function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

export function personKey(row: { contact_id?: unknown; full_name?: unknown; organisation_id?: unknown; organisation_name?: unknown }): string {
  if (typeof row.contact_id === 'string' && row.contact_id) return `c:${row.contact_id}`;
  if (typeof row.organisation_id === 'string' && row.organisation_id) return nameKey(row.full_name);
  return hashLegacyPersonKey(`n:${foldTurkish(String(row.full_name ?? ''))}|${foldTurkish(String(row.organisation_name ?? ''))}`);
}

/** `q:` and the hash of the folded name (migration 0018's `kopru_name_key`). */
export function nameKey(fullName: unknown): string {
  return `q:${digest(`n:${foldTurkish(String(fullName ?? ''))}`)}`;
}

/** `p:` and the hash of a name-based key as versions before 0016 stored it (migration 0016's `kopru_person_key`). */
export function hashLegacyPersonKey(legacy: string): string {
  return `p:${digest(legacy)}`;
}

/**
 * A row that reached us with a key an earlier version assigned where this one would assign `q:` (its
 * organisation chosen from the directory, its name still there): rekeyed on receipt as migration 0018 rekeyed
 * the stored rows. An anonymised row keeps whatever it has.
 */
export function hasOutdatedKey(row: { person_key?: unknown; contact_id?: unknown; organisation_id?: unknown; full_name?: unknown }): boolean {
  if (!row.person_key) return true;
  return (
    String(row.person_key).startsWith('p:') &&
    !row.contact_id &&
    typeof row.organisation_id === 'string' &&
    row.organisation_id !== '' &&
    row.full_name !== ANONYMOUS_NAME
  );
}
