// The shape every server message takes: a Turkish and an English text under one stable key, `{name}` marking a
// parameter. The catalogues in this folder are typed with it, so a message cannot be added without its English.

export type MessageLanguage = 'tr' | 'en';
export interface MessageText {
  tr: string;
  en: string;
}
/** A message inside another ("Row {i}: {detail}"): rendered in the same language, its own nested ones too. */
export interface NestedMessage {
  key: string;
  params?: MessageParams;
}
export type MessageParams = Record<string, string | number | NestedMessage>;

const LOCALES: Record<MessageLanguage, string> = { tr: 'tr-TR', en: 'en-GB' };

/** Fills `{name}` placeholders; a number is written in the language's way (1.234 / 1,234). */
export function fillMessage(
  template: string,
  params: MessageParams | undefined,
  language: MessageLanguage,
  nested: (message: NestedMessage, language: MessageLanguage) => string = () => '',
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'object') return nested(value, language);
    return typeof value === 'number' ? value.toLocaleString(LOCALES[language]) : value;
  });
}

/** The placeholders a template names, for the catalogue test (the English must name the same ones). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}
