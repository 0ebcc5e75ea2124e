// Server vocabularies (shared/registry/*) become message keys: `prefixed('registry.state', LABELS)` gives
// `{ 'registry.state.TASLAK': 'Taslak', … }`, so the Turkish text stays the one defined next to the code and
// en.ts must translate every key.

export function prefixed<P extends string, K extends string>(prefix: P, labels: Readonly<Record<K, string>>): { [Key in K as `${P}.${Key}`]: string } {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v])) as { [Key in K as `${P}.${Key}`]: string };
}

/** `{ name: { label } }` → `{ name: label }` (action and import-field tables carry more than a label). */
export function labelsOf<K extends string>(table: Readonly<Record<K, { label: string }>>): Record<K, string> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, (v as { label: string }).label])) as Record<K, string>;
}
