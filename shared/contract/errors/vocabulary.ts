import { MEETING_ACTIONS, MEETING_STATE_LABELS } from '../../meetings/fields';
import { ORG_KIND_LABELS, ORG_SUBTYPE_LABELS } from '../../directory/fields';
import { REGISTRATION_ACTIONS, REGISTRATION_STATE_LABELS } from '../../registry/registration';
import { REGISTRY_IMPORT_FIELDS } from '../../registry/importFields';
import { DIRECTORY_IMPORT_FIELDS } from '../../directory/importFields';
import { VISA_STATE_LABELS } from '../../registry/workflow';
import type { NestedMessage } from './text';

// Vocabulary a message names (a record's state, an action, an organisation's type): passed as a nested message
// whose key is the word's key in the interface dictionary (renderer/i18n), never as the Turkish word itself, so
// an English sentence never carries a Turkish state. The server writes the Turkish from these tables — the same
// ones the dictionary's Turkish is built from — and the renderer translates the key.

const labelsOf = (table: Readonly<Record<string, { label: string }>>) => Object.fromEntries(Object.entries(table).map(([code, v]) => [code, v.label]));

/** The Turkish word of each vocabulary, by the prefix its keys have in the interface dictionary. */
export const VOCABULARIES = {
  'registry.state': REGISTRATION_STATE_LABELS,
  'registry.action': labelsOf(REGISTRATION_ACTIONS),
  'registry.visaApp': VISA_STATE_LABELS,
  'meetings.state': MEETING_STATE_LABELS,
  'meetings.action': labelsOf(MEETING_ACTIONS),
  'directory.kind': ORG_KIND_LABELS,
  'directory.subtype': ORG_SUBTYPE_LABELS,
  'registry.importField': labelsOf(REGISTRY_IMPORT_FIELDS),
  'directory.importField': labelsOf(DIRECTORY_IMPORT_FIELDS),
} as const satisfies Record<string, Readonly<Record<string, string>>>;

export type Vocabulary = keyof typeof VOCABULARIES;

/** A word of `vocabulary` as a message parameter: `{ status: word('registry.state', row.status) }`. */
export function word(vocabulary: Vocabulary, code: string): NestedMessage {
  return { key: `${vocabulary}.${code}` };
}

/** The Turkish of a vocabulary key (`registry.state.TASLAK` → Taslak), or undefined for any other key. */
export function turkishWord(key: string): string | undefined {
  const dot = key.lastIndexOf('.');
  // Codes have no dots, so the prefix is everything before the last one.
  const table = (VOCABULARIES as Record<string, Readonly<Record<string, string>>>)[key.slice(0, dot)];
  return table && Object.prototype.hasOwnProperty.call(table, key.slice(dot + 1)) ? table[key.slice(dot + 1)] : undefined;
}

/** Every vocabulary key, for the test that the interface dictionary has each in both languages. */
export function vocabularyKeys(): string[] {
  return Object.entries(VOCABULARIES).flatMap(([prefix, table]) => Object.keys(table).map((code) => `${prefix}.${code}`));
}
