import { coreMessages } from './core';
import { schemaMessages } from './schema';
import { backendMessages } from './backend';
import { backupsMessages } from './backups';
import { directoryMessages } from './directory';
import { installationMessages } from './installation';
import { meetingsMessages } from './meetings';
import { orgUnitsMessages } from './orgUnits';
import { privacyMessages } from './privacy';
import { registryMessages } from './registry';
import { reportsMessages } from './reports';
import { settingsMessages } from './settings';
import { syncMessages } from './sync';
import { usersMessages } from './users';
import { workshopsMessages } from './workshops';
import { plausibilityMessages } from './plausibility';
import { documentsMessages } from './documents';
import { labelsEn } from './labels';
import { fillMessage, type MessageLanguage, type MessageParams, type MessageText, type NestedMessage } from './text';
import { turkishWord } from './vocabulary';

// The catalogue of every message the backend sends a person: a stable key, a Turkish and an English text. The
// server writes the Turkish text into the envelope's `message` (the CLI, exports and logs read it) and adds the
// key and its parameters; the renderer shows the text in the interface language from the key, and the server's
// text only for a key it does not know (a newer backend). Each feature's messages live in their own file here.

export type { MessageLanguage, MessageParams, MessageText, NestedMessage } from './text';
export { fillMessage, placeholders } from './text';
export { checklistWord, word, turkishWord, unitWord, verdictWords, vocabularyKeys, vocabularies, type Vocabulary } from './vocabulary';

/** Every catalogue by name, for the test that keys are unique across them. */
export const MESSAGE_CATALOGUES = {
  core: coreMessages,
  schema: schemaMessages,
  backend: backendMessages,
  backups: backupsMessages,
  directory: directoryMessages,
  installation: installationMessages,
  meetings: meetingsMessages,
  orgUnits: orgUnitsMessages,
  privacy: privacyMessages,
  registry: registryMessages,
  reports: reportsMessages,
  settings: settingsMessages,
  sync: syncMessages,
  users: usersMessages,
  workshops: workshopsMessages,
  plausibility: plausibilityMessages,
  documents: documentsMessages,
} as const;

export const ERROR_MESSAGES = {
  ...coreMessages,
  ...schemaMessages,
  ...backendMessages,
  ...backupsMessages,
  ...directoryMessages,
  ...installationMessages,
  ...meetingsMessages,
  ...orgUnitsMessages,
  ...privacyMessages,
  ...registryMessages,
  ...reportsMessages,
  ...settingsMessages,
  ...syncMessages,
  ...usersMessages,
  ...workshopsMessages,
  ...plausibilityMessages,
  ...documentsMessages,
} as const satisfies Record<string, MessageText>;

export type ErrorKey = keyof typeof ERROR_MESSAGES;

/** A message as it travels: its key and parameters; the text is looked up in the reader's language. */
export interface Msg {
  key: ErrorKey;
  params?: MessageParams;
}

export function msg(key: ErrorKey, params?: MessageParams): Msg {
  return params ? { key, params } : { key };
}

/**
 * Words (or plain names) as one parameter, "A, B, C": each item read in the reader's language, so a list of
 * Turkish field names joined on the server never reaches an English sentence.
 */
export function listOf(items: readonly (NestedMessage | string)[], separator: ', ' | '; ' = ', '): NestedMessage | string {
  if (items.length <= 1) return items[0] ?? '';
  return { key: separator === ', ' ? 'list.more' : 'list.moreSemicolon', params: { first: items[0]!, rest: listOf(items.slice(1), separator) } };
}

/** A message's key and parameters, spread into an object the screens read beside its Turkish `message`. */
export function keyOf(message: Msg): { key: string; params?: MessageParams } {
  return message.params ? { key: message.key, params: message.params } : { key: message.key };
}

/** `{ key, params }` carried in a status object as a message again; undefined without a key this build knows. */
export function msgOf(text: { key?: string | undefined; params?: MessageParams | undefined }): Msg | undefined {
  if (!text.key || !isErrorKey(text.key)) return undefined;
  return text.params ? { key: text.key, params: text.params } : { key: text.key };
}

export function isErrorKey(key: string): key is ErrorKey {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, key);
}

/**
 * A vocabulary word (a nested parameter whose key is not a message: ./vocabulary.ts) in `language`. The server
 * knows the Turkish only; the renderer passes its dictionary, which has both languages under the same keys.
 */
export type WordLookup = (key: string, language: MessageLanguage, params: Record<string, string>) => string | undefined;
const turkishWords: WordLookup = (key, language, params) => (language === 'tr' ? turkishWord(key, params) : undefined);

/** The text of `key` in `language`, or undefined for a key this build does not know. */
export function messageText(key: string, params: MessageParams | undefined, language: MessageLanguage, words: WordLookup = turkishWords): string | undefined {
  if (!isErrorKey(key)) return undefined;
  return fillMessage(ERROR_MESSAGES[key][language], params, language, (nested, lang) => nestedText(nested, lang, words));
}

function nestedText(message: NestedMessage, language: MessageLanguage, words: WordLookup): string {
  const text = messageText(message.key, message.params, language, words);
  if (text !== undefined) return text;
  // A word's own parameters are words or text too: each is worded first, in the same language.
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = typeof value === 'object' ? nestedText(value, language, words) : fillMessage(`{v}`, { v: value }, language);
  }
  // A word the reader's dictionary lacks (a newer backend's) reads in Turkish rather than as its key.
  return words(message.key, language, params) ?? turkishWord(message.key, params) ?? message.key;
}

export function renderMsg(message: Msg, language: MessageLanguage = 'tr'): string {
  return messageText(message.key, message.params, language)!;
}

let byTurkish: Map<string, ErrorKey> | null = null;

/**
 * The key of a parameterless message by its Turkish text: a schema's own message (`.min(1, { message })`)
 * reaches the dispatcher as text only, and is known again by it.
 */
export function keyOfTurkish(text: string): ErrorKey | undefined {
  if (!byTurkish) {
    byTurkish = new Map();
    for (const [key, value] of Object.entries(ERROR_MESSAGES) as [ErrorKey, MessageText][]) {
      if (!value.tr.includes('{') && !byTurkish.has(value.tr)) byTurkish.set(value.tr, key);
    }
  }
  return byTurkish.get(text);
}

/** A field's label in `language`: the schemas and handlers name fields in Turkish; English comes from the list. */
export function labelIn(label: string, language: MessageLanguage): string {
  if (language === 'tr') return label;
  return (labelsEn as Record<string, string>)[label] ?? label;
}

export function hasEnglishLabel(label: string): boolean {
  return Object.prototype.hasOwnProperty.call(labelsEn, label);
}
