import { formatPhone } from '../identifiers';
import { formatDateTr, trUpper } from '../turkish';
import { EBYS_PENDING } from './ebys';

// An official letter as the Resmî Yazışma rules lay it out (Resmî Yazışmalarda Uygulanacak Usul ve Esaslar
// Hakkında Yönetmelik, RG 10.06.2020/31151; DOMAIN.md §9a). This module decides the text of every part; the
// PDF layer (electron/documents) only places it. The choices made where the rules leave room are written down
// in docs/DOCUMENTS.md.

/** Who writes: the lines under "T.C." and what the page footer says of the unit. */
export interface Letterhead {
  /** The institution, e.g. "GENÇLİK VE SPOR BAKANLIĞI" or "ANKARA VALİLİĞİ" (printed in capitals). */
  institution: string;
  /** The unit under it, e.g. "Gençlik ve Spor İl Müdürlüğü" (printed as written). Empty when none. */
  unit: string;
  /** The unit's permanent 8-digit DETSİS number (the second part of every EBYS sayı), when known. */
  detsisNo: string | null;
  /** The footer of the first page: address, telephone, e-mail, KEP address, whom to ask. */
  address: string | null;
  phone: string | null;
  email: string | null;
  kep: string | null;
  contact: string | null;
}

/** The person who signs, with the authority they sign for ("Vali a.") when the power was delegated. */
export interface Signatory {
  name: string;
  title: string;
  /** The holder of the power, e.g. "Vali" or "Bakan": printed as "Vali a." above the title. */
  onBehalfOf: string | null;
}

/**
 * The addressee's rank as the writer sees it. Upward or to an equal the letter closes with "arz ederim";
 * downward, and to associations and citizens, with "rica ederim"; a letter distributed to both kinds at once
 * (`mixed`) with "arz ve rica ederim" (the 2020 rules, art. 16; DOMAIN.md §9a; docs/DOCUMENTS.md).
 */
export type Rank = 'superior' | 'equal' | 'subordinate' | 'outside' | 'mixed';
export const RANKS: readonly Rank[] = ['superior', 'equal', 'subordinate', 'outside', 'mixed'];

/** What the closing sentence asks: "Bilgilerinize", "Gereğini", or both. */
export type ClosingRequest = 'info' | 'action' | 'infoAndAction';

/** The sayı of a draft (left to EBYS) or the one EBYS gave, recorded afterwards with its date. */
export type LetterNumber = { kind: 'draft' } | { kind: 'recorded'; sayi: string; date: string };

export interface Letter {
  letterhead: Letterhead;
  number: LetterNumber;
  /** Konu: a short summary, no urgency words. */
  subject: string;
  /** The addressee: first line in capitals, in the dative ("… BAŞKANLIĞINA"); later lines (address) as written. */
  addressee: string[];
  /** İlgi: the letters this one answers or refers to, each a full phrase. */
  references: string[];
  /** The body's paragraphs; the closing sentence is added by the rules. */
  paragraphs: string[];
  rank: Rank;
  closing: ClosingRequest;
  signatory: Signatory | null;
  /** Ekler: each an attachment with its page count where known, e.g. "Davetli listesi (2 sayfa)". */
  attachments: string[];
  /** Dağıtım: Gereği (for action) and Bilgi (for information). Empty when the letter has one addressee. */
  distribution: { action: string[]; information: string[] };
}

/** What each part of the letter says, in order; the PDF layer lays it out and tests read it back. */
export interface LetterParts {
  header: string[];
  /** "Sayı : …", left. */
  number: string;
  /** The date on the right of the sayı line: GG.AA.YYYY, or empty for a draft (EBYS dates it when signed). */
  date: string;
  subject: string;
  addressee: string[];
  references: string[];
  paragraphs: string[];
  signature: string[];
  attachments: string[];
  distribution: { action: string[]; information: string[] } | null;
  footer: string[];
}

export const DRAFT_NUMBER_TEXT = `Sayı : ${EBYS_PENDING}`;

/** Urgency marks the 2020 rules no longer allow ("ACELE" and "GÜNLÜ" remain, as the letter's urgency field). */
const FORBIDDEN_URGENCY = ['ÇOK ACELE', 'İVEDİ', 'IVEDI', 'COK ACELE'];

/** The forbidden urgency word a text contains, or null. Compared in Turkish capitals. */
export function forbiddenUrgency(text: string): string | null {
  const upper = trUpper(text);
  return FORBIDDEN_URGENCY.find((w) => new RegExp(`(^|[^A-ZÇĞİIÖŞÜ])${w}([^A-ZÇĞİIÖŞÜ]|$)`, 'u').test(upper)) ?? null;
}

/** "arz ederim" upward or to an equal, "rica ederim" downward and outside the administration, both to both. */
export function closingVerb(rank: Rank): 'arz ederim' | 'rica ederim' | 'arz ve rica ederim' {
  if (rank === 'mixed') return 'arz ve rica ederim';
  return rank === 'superior' || rank === 'equal' ? 'arz ederim' : 'rica ederim';
}

/**
 * "Bilgilerinize arz ederim." but "Bilgilerinizi rica ederim." (arz takes the dative, rica the accusative); with
 * both verbs the object follows the nearer one, rica: "Bilgilerinizi arz ve rica ederim."
 */
export function closingSentence(rank: Rank, request: ClosingRequest): string {
  const verb = closingVerb(rank);
  const what = request === 'info' ? (verb === 'arz ederim' ? 'Bilgilerinize' : 'Bilgilerinizi') : request === 'action' ? 'Gereğini' : 'Bilgilerinizi ve gereğini';
  return `${what} ${verb}.`;
}

/** "Ayşe Nur Yılmaz" → "Ayşe Nur YILMAZ": the surname in capitals, as signature blocks print it. */
export function signatureName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  if (words.length < 2) return fullName.trim();
  const surname = words.pop()!;
  return [...words, trUpper(surname)].join(' ');
}

/** Name, then "<holder> a." when signed on someone's behalf, then the title. */
export function signatureLines(s: Signatory): string[] {
  const lines = [signatureName(s.name)];
  if (s.onBehalfOf && s.onBehalfOf.trim()) lines.push(`${s.onBehalfOf.trim()} a.`);
  lines.push(s.title.trim());
  return lines;
}

/** One reference: "İlgi : …"; several: "İlgi : a) …", "b) …" (Turkish letters, ç and ğ skipped as the guide does). */
export function referenceLines(refs: string[]): string[] {
  if (refs.length === 0) return [];
  if (refs.length === 1) return [`İlgi : ${refs[0]}`];
  const letters = 'abcdefghijklmnoprstuvyz';
  return refs.map((r, i) => `${i === 0 ? 'İlgi : ' : ''}${letters[i] ?? String(i + 1)}) ${r}`);
}

/** "Ek : …" for one attachment, "Ekler :" and a numbered list for several. */
export function attachmentLines(attachments: string[]): string[] {
  if (attachments.length === 0) return [];
  if (attachments.length === 1) return [`Ek : ${attachments[0]}`];
  return ['Ekler :', ...attachments.map((a, i) => `${i + 1}- ${a}`)];
}

/** "T.C.", the institution in capitals, then the unit as written. */
export function headerLines(h: Letterhead): string[] {
  return ['T.C.', trUpper(h.institution.trim()), ...(h.unit.trim() ? [h.unit.trim()] : [])];
}

export function footerLines(h: Letterhead): string[] {
  const contact = [
    h.phone ? `Telefon: ${formatPhone(h.phone)}` : null,
    h.email ? `E-posta: ${h.email}` : null,
    h.kep ? `KEP: ${h.kep}` : null,
  ].filter(Boolean) as string[];
  return [
    ...(h.address ? [`Adres: ${h.address}`] : []),
    ...(contact.length ? [contact.join(' · ')] : []),
    ...(h.contact ? [`Bilgi için: ${h.contact}`] : []),
  ];
}

/** A reference to a recorded letter, as İlgi and certificates cite it: "… tarihli ve … sayılı yazısı". */
export function citeLetter(authority: string, date: string, sayi: string, what = 'yazısı'): string {
  return `${authority} ${formatDateTr(date)} tarihli ve ${sayi} sayılı ${what}.`;
}

/** The text of every part, by the rules. Throws on a forbidden urgency word (a letter cannot carry one). */
export function letterParts(letter: Letter): LetterParts {
  for (const text of [letter.subject, ...letter.paragraphs]) {
    const word = forbiddenUrgency(text);
    if (word) throw new Error(`Resmî yazıda "${word}" ibaresi kullanılamaz.`);
  }
  const paragraphs = [...letter.paragraphs.map((p) => p.trim()).filter(Boolean)];
  const closing = closingSentence(letter.rank, letter.closing);
  // A last paragraph left open ("… hususunda") is finished by the closing; otherwise the closing stands alone.
  const last = paragraphs[paragraphs.length - 1];
  if (last && !/[.!?:;]$/.test(last)) paragraphs[paragraphs.length - 1] = `${last} ${closing.charAt(0).toLocaleLowerCase('tr-TR')}${closing.slice(1)}`;
  else paragraphs.push(closing);
  const [first, ...rest] = letter.addressee.map((l) => l.trim()).filter(Boolean);
  const hasDistribution = letter.distribution.action.length + letter.distribution.information.length > 0;
  return {
    header: headerLines(letter.letterhead),
    number: letter.number.kind === 'draft' ? DRAFT_NUMBER_TEXT : `Sayı : ${letter.number.sayi}`,
    date: letter.number.kind === 'draft' ? '' : formatDateTr(letter.number.date),
    subject: `Konu : ${letter.subject.trim()}`,
    addressee: first ? [trUpper(first), ...rest] : [],
    references: referenceLines(letter.references),
    paragraphs,
    signature: letter.signatory ? signatureLines(letter.signatory) : [],
    attachments: attachmentLines(letter.attachments),
    distribution: hasDistribution ? letter.distribution : null,
    footer: footerLines(letter.letterhead),
  };
}

/**
 * The genitive of an authority's name by Turkish vowel harmony, as citations need it: "Gençlik ve Spor
 * Bakanlığı" → "Gençlik ve Spor Bakanlığının", "Ankara Valiliği" → "Ankara Valiliğinin".
 */
export function genitive(name: string): string {
  const trimmed = name.trim();
  const vowels = trimmed.toLocaleLowerCase('tr-TR').match(/[aıoueiöü]/g);
  const last = vowels?.[vowels.length - 1] ?? 'e';
  const suffixVowel = ({ a: 'ı', ı: 'ı', o: 'u', u: 'u', e: 'i', i: 'i', ö: 'ü', ü: 'ü' } as Record<string, string>)[last]!;
  const endsInVowel = /[aıoueiöü]$/i.test(trimmed.toLocaleLowerCase('tr-TR'));
  return `${trimmed}${endsInVowel ? 'n' : ''}${suffixVowel}n`;
}

/** The dative of a name ending in a possessive ("Başkanlığı" → "Başkanlığına", "Rektörlüğü" → "Rektörlüğüne"). */
function dativeOfPossessive(name: string): string {
  const vowels = name.toLocaleLowerCase('tr-TR').match(/[aıoueiöü]/g);
  const last = vowels?.[vowels.length - 1] ?? 'e';
  return `${name}n${'aıou'.includes(last) ? 'a' : 'e'}`;
}

/**
 * The first line of a letter to an organisation, as official letters address one: to its head office in the
 * dative. "Işıklı Gençlik Derneği" → "Işıklı Gençlik Derneği Başkanlığına", "Hacettepe Üniversitesi" →
 * "Hacettepe Üniversitesi Rektörlüğüne", "Çankaya Belediyesi" → "Çankaya Belediye Başkanlığına", a unit whose
 * name is already an office ("… Müdürlüğü") → "… Müdürlüğüne". Printed in capitals by the letter layer.
 */
export function addresseeOf(organisation: string): string {
  const name = organisation.trim().replace(/\s+/g, ' ');
  const lower = name.toLocaleLowerCase('tr-TR');
  if (/üniversitesi$/.test(lower)) return `${name} Rektörlüğüne`;
  if (/ belediyesi$/.test(lower)) return `${name.slice(0, -' belediyesi'.length)} Belediye Başkanlığına`;
  if (/(lığı|liği|luğu|lüğü)$/.test(lower)) return dativeOfPossessive(name);
  return `${name} Başkanlığına`;
}
