import { MEETING_ACTIONS, MEETING_STATE_LABELS } from '../../meetings/fields';
import { ORG_KIND_LABELS, ORG_SUBTYPE_LABELS } from '../../directory/fields';
import { REGISTRATION_ACTIONS, REGISTRATION_STATE_LABELS } from '../../registry/registration';
import { REGISTRY_IMPORT_FIELDS } from '../../registry/importFields';
import { DIRECTORY_IMPORT_FIELDS } from '../../directory/importFields';
import { TRANSFER_STATE_LABELS } from '../../registry/fields';
import { VERDICT_KIND_LABELS, VERDICT_REASONS, VISA_STATE_LABELS, type Verdict } from '../../registry/workflow';
import { DEFAULT_REGISTRY_POLICY, type ChecklistItem } from '../../registry/policy';
import { provinceByPlate } from '../../regions';
import { SCOPE_WORDS } from '../../reports/figures';
import type { NestedMessage } from './text';

// Vocabulary a message names (a record's state, an action, an organisation's type): passed as a nested message
// whose key is the word's key in the interface dictionary (renderer/i18n), never as the Turkish word itself, so
// an English sentence never carries a Turkish state. The server writes the Turkish from these tables — the same
// ones the dictionary's Turkish is built from — and the renderer translates the key.

const labelsOf = (table: Readonly<Record<string, { label: string }>>) => Object.fromEntries(Object.entries(table).map(([code, v]) => [code, v.label]));
const itemLabels = (items: readonly ChecklistItem[]) => Object.fromEntries(items.map((i) => [i.key, i.label]));

/**
 * The Turkish word of each vocabulary, by the prefix its keys have in the interface dictionary. Built on first use,
 * not when this module loads: the modules these tables come from use the message catalogue themselves, and
 * whichever of them loads first would otherwise meet a table not yet defined.
 */
const build = () => ({
  'registry.state': REGISTRATION_STATE_LABELS,
  'registry.action': labelsOf(REGISTRATION_ACTIONS),
  'registry.visaApp': VISA_STATE_LABELS,
  'registry.transferState': TRANSFER_STATE_LABELS,
  'registry.unit': { ministry: 'Bakanlık', province: '{province} İl Müdürlüğü', youthCentre: 'Gençlik merkezi' },
  'registry.history.verdict': VERDICT_KIND_LABELS,
  'registry.history.verdictReason': VERDICT_REASONS,
  'meetings.state': MEETING_STATE_LABELS,
  'meetings.action': labelsOf(MEETING_ACTIONS),
  'directory.kind': ORG_KIND_LABELS,
  'directory.subtype': ORG_SUBTYPE_LABELS,
  'registry.importField': labelsOf(REGISTRY_IMPORT_FIELDS),
  'directory.importField': labelsOf(DIRECTORY_IMPORT_FIELDS),
  // A report's scope as its label names it (electron/reports/report.ts scopeLabel).
  'reports.scope': { national: SCOPE_WORDS.national, region: `{region}${SCOPE_WORDS.regionSuffix}`, province: `{province}${SCOPE_WORDS.provinceSuffix}` },
  // The default checklists' documents (a policy may rename an item or add its own: those are named as written).
  'registry.checklist.TESCIL': itemLabels(DEFAULT_REGISTRY_POLICY.registrationChecklist),
  'registry.checklist.VIZE': itemLabels(DEFAULT_REGISTRY_POLICY.visaChecklist),
}) satisfies Record<string, Readonly<Record<string, string>>>;

let built: ReturnType<typeof build> | null = null;

export function vocabularies(): ReturnType<typeof build> {
  built ??= build();
  return built;
}

export type Vocabulary = keyof ReturnType<typeof build>;

/**
 * A word of `vocabulary` as a message parameter: `{ status: word('registry.state', row.status) }`. A word with
 * placeholders of its own (`{province} İl Müdürlüğü`) takes them in `params`, themselves words or plain text.
 */
export function word(vocabulary: Vocabulary, code: string, params?: NestedMessage['params']): NestedMessage {
  return params ? { key: `${vocabulary}.${code}`, params } : { key: `${vocabulary}.${code}` };
}

/** The Turkish of a vocabulary key (`registry.state.TASLAK` → Taslak), its placeholders filled; undefined for any other key. */
export function turkishWord(key: string, params: Record<string, string> = {}): string | undefined {
  const dot = key.lastIndexOf('.');
  // Codes have no dots, so the prefix is everything before the last one.
  const table = (vocabularies() as Record<string, Readonly<Record<string, string>>>)[key.slice(0, dot)];
  if (!table || !Object.prototype.hasOwnProperty.call(table, key.slice(dot + 1))) return undefined;
  return table[key.slice(dot + 1)]!.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** A checklist document as a word when it is the default item as the default names it, else its label as written. */
export function checklistWord(step: 'TESCIL' | 'VIZE', item: ChecklistItem): NestedMessage | string {
  const defaults = step === 'TESCIL' ? DEFAULT_REGISTRY_POLICY.registrationChecklist : DEFAULT_REGISTRY_POLICY.visaChecklist;
  return defaults.some((d) => d.key === item.key && d.label === item.label.trim()) ? word(`registry.checklist.${step}`, item.key) : item.label;
}

/** A unit id (`ministry`, `province:06`, `youth-center:…`) as a word. */
export function unitWord(unitId: string): NestedMessage | string {
  if (unitId === 'ministry') return word('registry.unit', 'ministry');
  const plate = /^province:(\d{2})$/.exec(unitId)?.[1];
  if (plate) return word('registry.unit', 'province', { province: provinceByPlate(plate)?.name ?? plate });
  if (unitId.startsWith('youth-center:')) return word('registry.unit', 'youthCentre');
  return unitId;
}

/** A workflow verdict as words: its kind and its reason, the reason's units and states words too. */
export function verdictWords(verdict: Verdict): { verdict: NestedMessage; reason: NestedMessage } {
  const { author, needed, expected, current, workflow } = verdict.params;
  const states: Vocabulary = workflow === 'VISA' ? 'registry.visaApp' : workflow === 'TRANSFER' ? 'registry.transferState' : 'registry.state';
  const params: NonNullable<NestedMessage['params']> = {};
  if (author) params.author = unitWord(author);
  if (needed) params.needed = unitWord(needed);
  if (expected !== undefined) params.expected = word(states, expected);
  if (current !== undefined) params.current = word(states, current);
  return { verdict: word('registry.history.verdict', verdict.kind), reason: word('registry.history.verdictReason', verdict.code, params) };
}

/** Every vocabulary key, for the test that the interface dictionary has each in both languages. */
export function vocabularyKeys(): string[] {
  return Object.entries(vocabularies()).flatMap(([prefix, table]) => Object.keys(table).map((code) => `${prefix}.${code}`));
}
