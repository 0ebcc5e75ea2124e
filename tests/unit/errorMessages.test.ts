import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AppError,
  contract,
  ERROR_MESSAGES,
  hasEnglishLabel,
  labelIn,
  listOf,
  MESSAGE_CATALOGUES,
  messageText,
  msg,
  keyOf,
  placeholders,
  renderMsg,
  turkishWord,
  verdictWords,
  vocabularyKeys,
  word,
  type AppErrorBody,
} from '../../shared/contract';
import { en } from '../../renderer/i18n/en';
import { tr } from '../../renderer/i18n/tr';
import { collectLabels } from '../../shared/contract/errors/walk';
import { createAssociationInput } from '../../shared/contract/registry';
import { missingStepInput } from '../../shared/registry/registration';
import { parseInput } from '../../electron/app/dispatch';
import { ExchangeRefusal, readHeader, refusalError } from '../../electron/sync/exchangeFile';
import { keyErrorMessage } from '../../electron/app/keyFiles';
import { BackupRefused, verifyBackup } from '../../db/backups';
import { heldMessage } from '../../db/lock';
import { DbOpenError, type OpenDatabase } from '../../db/open';
import { explainRefusal } from '../../db/sync/reasons';
import { untitledHeader, untitledHeaderNumber } from '../../shared/registry/importFields';
import type * as ApiTypes from '../../renderer/lib/api';
import type * as ErrorsTypes from '../../renderer/lib/errors';
import type * as SyncLabelsTypes from '../../renderer/features/sync/labels';
import { translate } from '../../renderer/i18n/translate';

// The catalogue of server messages (shared/contract/errors): every key has a Turkish and an English text with the
// same parameters, every field label has an English form, no AppError site passes raw Turkish text, and the
// renderer shows a message in the interface language from its key, the server's text only for an unknown key.

type ErrorsModule = typeof ErrorsTypes;
type ApiModule = typeof ApiTypes;
let errors: ErrorsModule;
let api: ApiModule;
let syncLabels: typeof SyncLabelsTypes.syncLabels;

beforeAll(async () => {
  // renderer/lib/api looks for the preload bridge on load; here there is none.
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', { querySelector: () => null });
  vi.stubGlobal('location', { protocol: 'file:' });
  api = await import('../../renderer/lib/api');
  errors = await import('../../renderer/lib/errors');
  ({ syncLabels } = await import('../../renderer/features/sync/labels'));
});

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

const TURKISH = /[çğıöşüÇĞİÖŞÜ]|\b(bulunamadı|geçersiz|olmalı|yok|var|zaten|değil)\b/;

describe('the message catalogue', () => {
  it('gives every key a Turkish and an English text naming the same parameters', () => {
    for (const [key, text] of Object.entries(ERROR_MESSAGES) as [string, { tr: string; en: string }][]) {
      expect(text.tr.trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
      // A template of placeholders and punctuation only ("{first}, {rest}") has nothing to translate.
      if (/\p{L}/u.test(text.tr.replace(/\{\w+\}/g, ''))) expect(text.en, `${key} is not translated`).not.toBe(text.tr);
      // An English text may name a parameter's English form (`{roleEn}` for `{role}`).
      const tr = placeholders(text.tr);
      const en = placeholders(text.en).map((p) => (p.endsWith('En') && tr.includes(p.slice(0, -2)) ? p.slice(0, -2) : p));
      expect([...new Set(en)].sort(), key).toEqual(tr);
    }
  });

  it('uses each key once across the feature catalogues', () => {
    const seen = new Map<string, string>();
    for (const [name, catalogue] of Object.entries(MESSAGE_CATALOGUES)) {
      for (const key of Object.keys(catalogue)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${name}`).toBeUndefined();
        seen.set(key, name);
        expect(key.startsWith(`${name}.`) || name === 'core', `${key} lives in the ${name} catalogue`).toBe(true);
      }
    }
  });

  it('has an English form for every field label of every channel input', () => {
    const labels = new Set<string>();
    for (const def of Object.values(contract)) collectLabels(def.input, labels);
    expect(labels.size).toBeGreaterThan(100);
    const missing = [...labels].filter((label) => !hasEnglishLabel(label));
    expect(missing).toEqual([]);
  });

  it('finds no raw Turkish text at an AppError site, and no handler label without English', () => {
    const problems: string[] = [];
    for (const file of [...sourceFiles('electron'), ...sourceFiles('db')]) {
      const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (line.trim().startsWith('//') || line.trim().startsWith('*')) return;
        const where = `${file}:${i + 1}`;
        // A field issue's label ({ path, label, message }) is shown in the interface language.
        if (/\bpath\b/.test(line)) for (const m of line.matchAll(/label: '([^']+)'/g)) if (!hasEnglishLabel(m[1]!)) problems.push(`${where} label without English: ${m[1]}`);
        for (const m of line.matchAll(/(?:fieldError|AppError\.field)\([^,]+, '([^']+)'/g)) if (!hasEnglishLabel(m[1]!)) problems.push(`${where} label without English: ${m[1]}`);
        if (!/new AppError\(|AppError\.(field|ofIssues)\(|fieldError\(/.test(line)) return;
        // Field labels (the argument after the path, or `label:`) are Turkish by design and checked above.
        const withoutLabels = line
          .replace(/label: '[^']*'/g, '')
          .replace(/(fieldError|AppError\.field|refusal)\(([^,]+), '[^']*'/g, '$1($2')
          .replace(/(fieldError|AppError\.field)\(([^,]+), `[^`]*`/g, '$1($2');
        for (const literal of withoutLabels.match(/'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? []) {
          if (TURKISH.test(literal)) problems.push(`${where} raw text: ${literal}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('finds no AppError given a Turkish sentence instead of a message, written over several lines either', () => {
    const problems: string[] = [];
    for (const file of [...sourceFiles('electron'), ...sourceFiles('db')]) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const m of text.matchAll(/new AppError\(\s*'[A-Z_]+',\s*('(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)/g)) {
        if (TURKISH.test(m[1]!)) problems.push(`${file}:${text.slice(0, m.index).split('\n').length}: ${m[1]!.slice(0, 60)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives each envelope the main process or the worker writes by hand a key whose Turkish is its text', () => {
    // Written as literals (the shell imports no catalogue); each must be the catalogue's Turkish for its key.
    const files = ['electron/backend/worker.ts', 'electron/backend/host.ts', 'electron/shell/ipc.ts', 'electron/shell/preload.ts', 'electron/shell/dialogs.ts'];
    const problems: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const consts = Object.fromEntries([...text.matchAll(/export const (\w+) = '([^']+)'/g)].map((m) => [m[1]!, m[2]!]));
      for (const m of text.matchAll(/code: '([A-Z_]+)', message: ('[^']*'|\w+)(, key: '([^']+)')?/g)) {
        const message = m[2]!.startsWith("'") ? m[2]!.slice(1, -1) : consts[m[2]!];
        const key = m[4];
        if (m[1] === 'FORBIDDEN') continue; // Not from the app's page: no screen of the app reads it.
        if (!key) problems.push(`${file}: ${m[0]} has no key`);
        else if (messageText(key, undefined, 'tr') !== message) problems.push(`${file}: ${key} is not "${message}" in the catalogue`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('knows every message a schema gives in its own words', () => {
    const known = new Set(Object.values(ERROR_MESSAGES).map((m) => (m as { tr: string }).tr));
    const unknown: string[] = [];
    for (const file of sourceFiles('shared').filter((f) => !f.includes(`${path.sep}errors${path.sep}`))) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const m of text.matchAll(/(?:message: |whenMissing\()'((?:[^'\\]|\\.)*)'/g)) {
        const message = m[1]!.replace(/\\'/g, "'");
        if (!known.has(message)) unknown.push(`${file}: ${message}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('keeps the Turkish text in `message` for the CLI and exports, and adds the key and parameters', () => {
    const error = new AppError('CONFLICT', msg('registry.yearYiliIcinBu', { year: '2026' }));
    expect(error.toBody()).toEqual({
      code: 'CONFLICT',
      message: '2026 yılı için bu derneğin zaten bir vize başvurusu var.',
      key: 'registry.yearYiliIcinBu',
      params: { year: '2026' },
    });
    expect(new AppError('BUSY').toBody()).toMatchObject({ key: 'code.BUSY', message: expect.stringContaining('Başka bir uzun işlem') });
    const field = AppError.field('districtId', 'İlçe', msg('registry.secilenIlceBulunamadi')).toBody();
    expect(field.message).toBe('İlçe: Seçilen ilçe bulunamadı.');
    expect(field.issues).toEqual([{ path: 'districtId', label: 'İlçe', message: 'Seçilen ilçe bulunamadı.', key: 'registry.secilenIlceBulunamadi' }]);
  });

  it('writes numbers in the reader’s way and renders a message inside another in the same language', () => {
    expect(messageText('validation.tooManyItems', { count: 100000, max: 5000 }, 'tr')).toBe('Çok fazla öğe: 100.000 (en fazla 5.000).');
    expect(messageText('validation.tooManyItems', { count: 100000, max: 5000 }, 'en')).toBe('Too many items: 100,000 (at most 5,000).');
    const row = { i: 3, detail: msg('meetings.secilenKurumBulunamadi') };
    expect(messageText('meetings.rowDetail', row, 'tr')).toBe('3. satır: Seçilen kurum bulunamadı.');
    expect(messageText('meetings.rowDetail', row, 'en')).toBe('Row 3: The selected organisation was not found.');
    expect(messageText('no.such.key', undefined, 'en')).toBeUndefined();
    expect(labelIn('Dernek adı', 'en')).toBe('Association name');
    expect(labelIn('Dernek adı', 'tr')).toBe('Dernek adı');
  });
});

describe('what the renderer shows', () => {
  const body = (error: Partial<AppErrorBody>): AppErrorBody => ({ code: 'CONFLICT', message: 'Sunucunun metni.', ...error });

  it('shows a server error in the interface language from its key', () => {
    const error = new api.CallError(new AppError('CONFLICT', msg('registry.yearYiliIcinBu', { year: '2026' })).toBody());
    expect(errors.errorMessage(error, 'tr')).toBe('2026 yılı için bu derneğin zaten bir vize başvurusu var.');
    expect(errors.errorMessage(error, 'en')).toBe('This association already has a visa application for 2026.');
  });

  it('falls back to the server’s text for a key it does not know, or no key at all', () => {
    expect(errors.errorMessage(new api.CallError(body({ key: 'registry.fromANewerVersion' })), 'en')).toBe('Sunucunun metni.');
    expect(errors.errorMessage(new api.CallError(body({})), 'en')).toBe('Sunucunun metni.');
    const issue = { path: 'name', label: 'Dernek adı', message: 'Yeni bir kural.', key: 'registry.unknownRule' };
    expect(errors.issueMessage(issue, 'en')).toBe('Yeni bir kural.');
  });

  it('composes a list of field problems with English labels', () => {
    const error = AppError.ofIssues('VALIDATION', [
      { path: 'letterDate', label: 'Evrak tarihi', message: msg('registry.buIslemIcinEvrak') },
      { path: 'reason', label: 'Gerekçe', message: msg('registry.buIslemIcinGerekce') },
    ]);
    const shown = new api.CallError(error.toBody());
    expect(errors.errorMessage(shown, 'tr')).toBe('Evrak tarihi: Bu işlem için evrak tarihi gerekli. Gerekçe: Bu işlem için gerekçe yazılmalı.');
    expect(errors.errorMessage(shown, 'en')).toBe('Letter date: This action needs a letter date. Reason: This action needs a written reason.');
    const form = errors.formErrorsFrom(shown, ['letterDate', 'reason'] as const);
    expect(form).toEqual({ fields: { letterDate: 'Bu işlem için evrak tarihi gerekli.', reason: 'Bu işlem için gerekçe yazılmalı.' }, general: null });
  });

  it('checks a form’s input with the channel’s own schema: every problem at once, in either language', () => {
    const input = { name: 'x'.repeat(480), clubType: 'GENCLIK_KULUBU', districtId: '', website: 'not a url', email: 'nope', activityAreas: [] };
    const error = errors.checkInput(createAssociationInput, input);
    expect(error).not.toBeNull();
    const paths = error!.error.issues!.map((i) => i.path).sort();
    expect(paths).toEqual(['districtId', 'email', 'name', 'website']);
    errors.setErrorLanguage('en');
    try {
      const en = errors.formErrorsFrom(error, ['name', 'districtId', 'website', 'email'] as const);
      expect(en.fields.name).toBe('Can be at most 250 characters.');
      expect(en.fields.districtId).toBe('Choose a district.');
      expect(en.fields.website).toBe('The website address is not valid. Example: www.ornek.org.tr');
      expect(en.fields.email).toMatch(/^The email address is not valid/);
      expect(en.general).toBeNull();
    } finally {
      errors.setErrorLanguage('tr');
    }
    const tr = errors.formErrorsFrom(error, ['name', 'districtId', 'website', 'email'] as const);
    expect(tr.fields.name).toBe('En fazla 250 karakter olabilir.');
    expect(tr.fields.districtId).toBe('İlçe seçin.');
    expect(errors.checkInput(createAssociationInput, { name: 'Gençlik Derneği', clubType: 'GENCLIK_KULUBU', districtId: 'x' })).toBeNull();
  });

  it('adds a shared rule’s issues to the schema’s, and puts a form’s own finding in its field’s place', () => {
    const schema = contract['registry:transition'].input;
    const fields = ['letterDate', 'letterNo', 'reason', 'cancellationReason'] as const;
    // A cancellation with nothing filled in: the schema passes it, the step's rule finds four problems.
    const input = { id: '0190c3a0-0000-7000-8000-000000000001', action: 'cancel' as const, letterDate: null, letterNo: null, reason: null };
    expect(errors.checkInput(schema, input)).toBeNull();
    const all = errors.inputErrors(schema, input, fields, { rules: missingStepInput('cancel', input) });
    expect(all).toEqual({
      fields: {
        letterDate: 'Bu işlem için evrak tarihi gerekli.',
        letterNo: 'Bu işlem için evrak sayısı gerekli.',
        reason: 'Bu işlem için gerekçe yazılmalı.',
        cancellationReason: 'İptal nedenini seçin.',
      },
      general: null,
    });
    errors.setErrorLanguage('en');
    try {
      const en = errors.inputErrors(schema, input, fields, { rules: missingStepInput('cancel', input) });
      expect(en!.fields.cancellationReason).toBe('Choose the reason for cancellation.');
      expect(en!.fields.letterNo).toBe('This action needs a letter number.');
    } finally {
      errors.setErrorLanguage('tr');
    }
    // A date the form could not read: its own word wins over the rule's "needs a letter date".
    const typed = errors.inputErrors(schema, input, fields, { rules: missingStepInput('cancel', input), own: { letterDate: 'Tarih GG.AA.YYYY biçiminde olmalı.' } });
    expect(typed!.fields.letterDate).toBe('Tarih GG.AA.YYYY biçiminde olmalı.');
    expect(typed!.fields.reason).toBe('Bu işlem için gerekçe yazılmalı.');
    // Only the form's own finding: still not sent.
    const filled = { ...input, letterDate: '2026-03-02', letterNo: 'E-1', reason: 'Fesih.', cancellationReason: 'DERBIS_FESIH' as const };
    expect(missingStepInput('cancel', filled)).toEqual([]);
    expect(errors.inputErrors(schema, filled, fields, { own: { letterNo: 'x' } })).toEqual({ fields: { letterNo: 'x' }, general: null });
    expect(errors.inputErrors(schema, filled, fields, { own: { letterNo: undefined } })).toBeNull();
    // A step without a letter or reason needs nothing more.
    expect(missingStepInput('documentsCompleted', input)).toEqual([]);
  });

  it('the dispatcher keys zod’s own issues by code and numbers, with the label from the schema', () => {
    const def = contract['registry:create'];
    const answer = parseInput(def, { name: 'ab', clubType: 'NOPE', districtId: 'x', memberCount: -1 });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    const error = answer.envelope.ok ? null : answer.envelope.error;
    expect(error!.key).toBe('validation.list');
    const byPath = Object.fromEntries(error!.issues!.map((i) => [i.path, i]));
    expect(byPath.memberCount).toMatchObject({ label: 'Üye sayısı', key: 'zod.tooSmall.number', params: { minimum: 0 } });
    const shown = new api.CallError(error!);
    expect(errors.errorMessage(shown, 'en')).toContain('Number of members: Must be at least 0.');
    expect(errors.errorMessage(shown, 'en')).toMatch(/^Some of the information entered is not valid\./);
    expect(errors.errorMessage(shown, 'tr')).toMatch(/^Girilen bilgiler geçersiz\./);
  });
});

describe('the screens', () => {
  it('word an installation the person report does not know as the report’s Turkish does, in English too', () => {
    const source = fs.readFileSync(path.join(root, 'db/privacy/personReport.ts'), 'utf8');
    const turkish = /\?\? `([^`]*)\$\{origin\}`/.exec(source)![1]!;
    expect(translate('tr', 'privacy.person.unknownUnit', { node: 'n-1' })).toBe(`${turkish}n-1`);
    expect(translate('en', 'privacy.person.unknownUnit', { node: 'n-1' })).toBe('unknown installation n-1');
  });

  it('name a sheet column without a header in the reader’s language, the mapping keeping the server’s name', () => {
    const header = untitledHeader(2);
    expect(header).toBe('Sütun 3');
    expect(translate('en', 'import.mapping.untitledColumn', { n: untitledHeaderNumber(header)! })).toBe('Column 3');
    expect(translate('tr', 'import.mapping.untitledColumn', { n: untitledHeaderNumber(header)! })).toBe(header);
    expect(untitledHeaderNumber('Dernek Adı')).toBeNull();
  });

  it('name the association page’s row of loose attachments in the reader’s language', async () => {
    const { checklistLabel } = await import('../../renderer/features/registry/labels');
    // db/registry/detail.ts names the row in Turkish, with the item key `other`.
    const source = fs.readFileSync(path.join(root, 'db/registry/detail.ts'), 'utf8');
    const label = /itemKey: 'other', label: '([^']+)'/.exec(source)![1]!;
    expect(checklistLabel((key, params) => translate('en', key, params), 'TESCIL', label, 'other')).toBe(translate('en', 'registry.documents.other'));
    expect(checklistLabel((key, params) => translate('tr', key, params), 'TESCIL', label, 'other')).toBe(label);
  });

  it('show no server error or field problem by its raw message (the Turkish text), only through renderer/lib/errors', () => {
    const problems: string[] = [];
    const files = sourceFiles('renderer').concat(
      fs.readdirSync(path.join(root, 'renderer'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
        .map((e) => path.relative(root, path.join(e.parentPath, e.name))),
    );
    for (const file of files) {
      if (file.endsWith(path.join('lib', 'errors.ts')) || file.endsWith(path.join('lib', 'api.ts'))) continue;
      fs.readFileSync(path.join(root, file), 'utf8').split('\n').forEach((line, i) => {
        if (/\b\w*([eE]rror|failure|issue)\??\.message\b/.test(line)) problems.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(problems).toEqual([]);
  });
});

describe('words inside messages (a state, an action, a type)', () => {
  const dictionary = (table: Record<string, string>, key: string) => (table as Record<string, string | undefined>)[key];

  it('names every vocabulary word by a key the interface dictionary has, with the same Turkish and an English', () => {
    const keys = vocabularyKeys();
    expect(keys.length).toBeGreaterThan(30);
    const problems = keys.flatMap((key) => {
      if (dictionary(tr, key) === undefined) return [`${key} is not in the dictionary`];
      if (dictionary(tr, key) !== turkishWord(key)) return [`${key}: the server says ${turkishWord(key)}, the screens ${dictionary(tr, key)}`];
      // (Whether the English differs from the Turkish is i18n.test.ts's to judge: `Platform` is both.)
      if (!dictionary(en, key)?.trim()) return [`${key} has no English`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('passes no Turkish word as a parameter of an English sentence: a state or an action reads in the reader’s language', () => {
    const error = new AppError('CONFLICT', msg('registry.labelIslemiStatusDurumundaki', { label: word('registry.action', 'approve'), status: word('registry.state', 'TASLAK') }));
    expect(error.message).toBe('"Onayla ve tescil et" işlemi "Taslak" durumundaki bir kayıtta yapılamaz.');
    const shown = new api.CallError(error.toBody());
    expect(errors.errorMessage(shown, 'en')).toBe('"Approve and register" cannot be done on a record in the "Draft" state.');
    expect(errors.errorMessage(shown, 'tr')).toBe(error.message);
  });

  it('words a step that would not count by its verdict, its units and states words too', () => {
    const verdict = { kind: 'unauthorised' as const, code: 'approver' as const, params: { needed: 'ministry', author: 'province:06' } };
    const error = new AppError('CONFLICT', msg('registry.stepWouldNotCountClock', verdictWords(verdict)));
    expect(error.message).toBe(
      'Geçersiz: yetkisiz adım (bu kararı onay politikasına göre yalnızca Bakanlık verebilir; Ankara İl Müdürlüğü veremez). Onay politikası bu bilgisayarın saatine göre henüz değişmemiş görünüyor: saati denetleyin.',
    );
    expect(errors.errorMessage(new api.CallError(error.toBody()), 'en')).toBe(
      'Invalid: step without authority: under the approval policy only Ministry may take this decision; Ankara Provincial Directorate may not. By this computer’s clock the approval policy has not changed yet: check the clock.',
    );
    const lost = { kind: 'lostRace' as const, code: 'state' as const, params: { workflow: 'REGISTRATION' as const, expected: 'ONAYDA', current: 'TESCILLI' } };
    expect(errors.errorMessage(new api.CallError(new AppError('CONFLICT', msg('registry.stepWouldNotCount', verdictWords(lost))).toBody()), 'en')).toBe(
      'Not applied: lost a race: the step was taken from "Awaiting approval", but by then the state was "Registered".',
    );
  });

  it('names a running job in the reader’s language when another must wait', () => {
    const busy = new api.CallError(new AppError('BUSY', msg('backend.suAndaWhatO', { what: msg('backend.running.backup') })).toBody());
    expect(errors.errorMessage(busy, 'tr')).toBe('Şu anda yedek alınıyor. O bitince yeniden deneyin; hiçbir şey değiştirilmedi.');
    expect(errors.errorMessage(busy, 'en')).toBe('Right now a backup is being taken. Try again when it has finished; nothing was changed.');
  });

  it('finds no vocabulary table indexed into a message parameter at a handler', () => {
    const problems: string[] = [];
    for (const file of [...sourceFiles('electron'), ...sourceFiles('db')]) {
      fs.readFileSync(path.join(root, file), 'utf8').split('\n').forEach((line, i) => {
        if (/msg\(/.test(line) && /_LABELS\[|\.label\b/.test(line)) problems.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(problems).toEqual([]);
  });
});

describe('an exchange file refused', () => {
  function refusedBody(run: () => unknown): AppErrorBody {
    try {
      run();
    } catch (error) {
      if (error instanceof ExchangeRefusal) return refusalError(error).toBody();
      throw error;
    }
    throw new Error('the file was not refused');
  }

  it('says why in the reader’s language, on the file field, and in Turkish for the CLI', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-refusal-')), 'not-an-exchange.kopru');
    fs.writeFileSync(file, 'PK\u0003\u0004 a spreadsheet, not an exchange file');
    const body = refusedBody(() => readHeader(file));
    expect(body).toMatchObject({ code: 'VALIDATION', key: 'sync.refusal.notKopru', message: 'Bu bir Köprü değişim dosyası değil.' });
    const shown = new api.CallError(body);
    expect(errors.errorMessage(shown, 'en')).toBe('This is not a Köprü exchange file.');
    expect(errors.formErrorsFrom(shown, ['path'] as const).fields.path).toBe('Bu bir Köprü değişim dosyası değil.');
    errors.setErrorLanguage('en');
    try {
      expect(errors.formErrorsFrom(shown, ['path'] as const).fields.path).toBe('This is not a Köprü exchange file.');
    } finally {
      errors.setErrorLanguage('tr');
    }
  });

  it('words a refused workflow step and a refused change of a received file in English, units by their English names', () => {
    const labels = syncLabels((key, params) => translate('en', key, params), 'en-GB');
    const step = {
      table: 'association_history', row: 'r1', column: 'action', origin: 'n1', reason: 'Uygulanmadı: yarışı kaybetti (…)',
      verdict: { kind: 'unauthorised' as const, code: 'owner' as const, params: { needed: 'province:06', author: 'province:35' } },
    };
    expect(labels.reason(step)).toBe('Invalid: step without authority (only the record\'s owner, Ankara Provincial Directorate, may take this step; İzmir Provincial Directorate may not)');
    const figures = { table: 'published_reports', row: 'r2', column: 'title', origin: 'n2', reason: 'Ülke rakamlarını …', code: 'ministryFigures' as const, params: { author: 'province:06' } };
    expect(labels.reason(figures)).toBe('Only the Ministry may send national figures; the Ankara Provincial Directorate may not');
  });

  it('words a meeting for a centre this installation does not hold as “another centre” in the reader’s language', () => {
    // Nothing is held here: every lookup finds no row.
    const empty = { stmt: () => ({ get: () => undefined }) } as unknown as OpenDatabase;
    const refused = explainRefusal(empty, { code: 'otherCentre', params: { author: 'province:06', centre: '0190c3a0-0000-7000-8000-00000000000c' } });
    expect(refused.reason).toBe('Ankara İl Müdürlüğü yalnızca kendi merkezinin toplantılarını kaydedebilir; bu toplantı başka bir merkez için');
    // The parameters carry no Turkish word for the screens to pass on.
    expect(Object.values(refused.params).join(' ')).not.toMatch(/[çğıöşüÇĞİÖŞÜ]|merkez/);
    const change = { table: 'meetings', row: 'm1', column: 'youth_centre_id', origin: 'n1', ...refused };
    const english = syncLabels((key, params) => translate('en', key, params), 'en-GB').reason(change);
    expect(english).toBe('The Ankara Provincial Directorate may record its own centre’s meetings only; this meeting is for another centre');
    expect(syncLabels((key, params) => translate('tr', key, params), 'tr-TR').reason(change)).toBe(refused.reason);
  });

  it('words a warning of a file taken all the same in English, how far ahead in the reader’s units', () => {
    const warning = msg('sync.warning.quarantined', { unit: msg('sync.unit.unknown', { node: 'n-7' }), count: '12', ahead: msg('sync.ahead.days', { n: '36' }) });
    expect(renderMsg(warning)).toMatch(/^tanınmayan kurulum n-7 kurulumunun 12 değişikliği, bu bilgisayarın saatinden yaklaşık 36 gün ileri tarihli/);
    expect(errors.keyedText({ message: renderMsg(warning), ...keyOf(warning) }, 'en')).toMatch(
      /^12 changes from unknown installation n-7 were held back because they are dated about 36 days ahead of this computer’s clock\./,
    );
  });

  it('words the installations whose changes came incomplete in the reader’s language, a list of names and words', () => {
    const warning = msg('sync.warning.gaps', { units: listOf([msg('sync.unit.thisInstallation'), 'Ankara Gençlik ve Spor İl Müdürlüğü', msg('sync.unit.unknown', { node: 'n-9' })]) });
    expect(renderMsg(warning)).toMatch(/^bu kurulum, Ankara Gençlik ve Spor İl Müdürlüğü, tanınmayan kurulum n-9 kurulumunun bazı değişiklikleri eksik geldi;/);
    const english = errors.keyedText({ message: renderMsg(warning), ...keyOf(warning) }, 'en');
    expect(english).toMatch(/^Some changes from this installation, Ankara Gençlik ve Spor İl Müdürlüğü, unknown installation n-9 came incomplete;/);
    expect(english).not.toMatch(/bu kurulum|tanınmayan/);
  });

  it('words a refusal with parameters in English, an installation named in the reader’s language', () => {
    const refusal = new ExchangeRefusal('damaged', msg('sync.refusal.duplicateChange', { unit: msg('sync.unit.unknown', { node: 'n-42' }), seq: '1200' }));
    expect(refusal.message).toBe('Dosyada aynı değişiklik iki kez var (tanınmayan kurulum n-42, sıra 1200): dosya bozuk. Dosya alınmadı ve hiçbir şey değiştirilmedi.');
    const shown = new api.CallError(refusalError(refusal).toBody());
    expect(errors.errorMessage(shown, 'en')).toBe('The file holds the same change twice (unknown installation n-42, sequence 1200): the file is damaged. The file was not taken and nothing was changed.');
  });

});

describe('backups, the database and its keys', () => {
  const english = (body: AppErrorBody) => errors.errorMessage(new api.CallError(body), 'en');

  it('says why a backup is not restored in the reader’s language, naming the backup field', () => {
    let refused: BackupRefused | undefined;
    try {
      verifyBackup(path.join(os.tmpdir(), 'kopru-no-such-backup.sqlite'), Buffer.alloc(32), 20, null);
    } catch (error) {
      if (error instanceof BackupRefused) refused = error;
    }
    expect(refused?.problem).toBe('missing');
    expect(refused!.message).toBe('Yedek dosyası bulunamadı; silinmiş ya da taşınmış olabilir. Şu anki veritabanına dokunulmadı.');
    const body = new AppError('VALIDATION', refused!.reason, [{ path: 'name', label: 'Yedek', message: refused!.reason }]).toBody();
    expect(english(body)).toBe('The backup file was not found; it may have been deleted or moved. The current database was not touched.');
    expect(errors.issueLine(body.issues![0]!, 'en')).toBe('Backup: The backup file was not found; it may have been deleted or moved. The current database was not touched.');
  });

  it('shows why the database cannot be opened, and who holds the folder, in English', () => {
    const held = heldMessage({ holder: 'cli', pid: 4242, host: '', startedAt: '2026-12-06T19:40:00Z' });
    const error = new DbOpenError('locked', held, '/data/kopru.sqlite');
    expect(error.message).toBe('Bu veri klasörü başka bir Köprü tarafından kullanılıyor (kopru komut satırı, süreç 4242, 06.12.2026 22:40 itibarıyla). O program kapandıktan sonra yeniden deneyin. Veriler korunuyor; hiçbir şey değiştirilmedi.');
    const status = { kind: error.kind, message: error.message, ...keyOf(error.reason), path: error.path };
    expect(errors.keyedText(status, 'en')).toBe('This data folder is in use by another Köprü (the kopru command line, process 4242, since 06.12.2026 22:40). Try again after that program has closed. The data is kept safe; nothing was changed.');
    expect(errors.keyedText(status, 'tr')).toBe(error.message);
    expect(english(new AppError('DB_UNAVAILABLE', new DbOpenError('newer-schema', msg('backend.dbOpen.newerSchema', { version: '31', known: '20' }), '/x').reason).toBody())).toBe(
      'This database was written by a newer version of Köprü (schema 31, this version 20). The data is kept safe and nothing was changed; please update Köprü.',
    );
  });

  it('words a key file problem in either language, file by file', () => {
    const reason = keyErrorMessage([
      { file: 'box.key', problem: 'missing', path: '/data/box.key', copy: null },
      { file: 'secret.key', problem: 'replaced', path: '/data/secret.key', copy: null },
    ]);
    expect(renderMsg(reason)).toBe(
      'Bu kurulumun değişim dosyalarının şifre çözme anahtarı (box.key) veri klasöründe yok. Bu anahtar olmadan bu kuruluma gönderilen değişim dosyaları açılamaz; yenisini oluşturmak o dosyaları okunamaz hâle getirirdi. ' +
        'Bu kurulumun TC Kimlik No gizli anahtarı (secret.key) bu kuruluma ait değil: veritabanının kaydettiği anahtarla uyuşmuyor. Bu anahtar olmadan TC Kimlik No ile mükerrer kayıt denetimi çalışmaz. ' +
        'Dosyayı veri klasörünün bir yedeğinden yerine koyup Köprü’yü yeniden başlatın; yeni bir anahtar oluşturulmaz. Sorun giderilene kadar kayıtlar okunabilir ama hiçbir şey kaydedilmez.',
    );
    expect(english(new AppError('KEYS_UNAVAILABLE', reason).toBody())).toMatch(/^This installation’s key that opens exchange files \(box\.key\) is not in the data folder\. .* Until the problem is fixed, records can be read but nothing is saved\.$/);
  });
});

describe('a phone number that is not one', () => {
  it('is told at the field in the interface language, its digits counted, on the form and from the server', () => {
    const input = { name: 'Gençlik Derneği', clubType: 'GENCLIK_KULUBU', districtId: 'x', phone: '0312 555 12' };
    const checked = errors.checkInput(createAssociationInput, input);
    const issue = checked!.error.issues!.find((i) => i.path === 'phone')!;
    expect(issue).toMatchObject({ key: 'schema.phone.tooShort', params: { count: 8 } });
    expect(errors.issueMessage(issue, 'tr')).toBe('Telefon numarası eksik: alan koduyla birlikte 10 hane olmalı, 8 hane yazıldı. Örnek: 0312 555 12 34 ya da 0532 123 45 67.');
    expect(errors.issueMessage(issue, 'en')).toBe('The phone number is too short: it needs 10 digits with the area code, 8 were written. Example: 0312 555 12 34 or 0532 123 45 67.');
    const answer = parseInput(contract['registry:create'], { ...input, phone: '0599 123 45 67' });
    expect(answer.ok).toBe(false);
    if (answer.ok || answer.envelope.ok) return;
    const server = answer.envelope.error.issues!.find((i) => i.path === 'phone')!;
    expect(errors.issueLine(server, 'en')).toBe('Phone: No mobile number in Turkey starts with 0599: check the first digits.');
  });
});

describe('refusals, open errors and import row errors are keyed where they are made', () => {
  // The catalogue's type already demands an English text for every key; what a type cannot see is a site that
  // passes Turkish text instead of a key. These are the places such texts used to be written.
  const SITES = /(new (ExchangeRefusal|DbOpenError|LockRefused|BackupRefused)|\brefusal|\browError|\bfieldError|\berrors\.push|\bwarnings\.push|\bwarn|\berror|\bwrong)\(/;
  const files = [
    ...sourceFiles('electron/sync'),
    'electron/directory/import.ts',
    'electron/registry/import.ts',
    'electron/app/context.ts',
    'electron/app/keyFiles.ts',
    'electron/backend/backend.ts',
    'db/open.ts',
    'db/lock.ts',
    'db/backups.ts',
    'shared/identifiers.ts',
  ];

  it('finds no Turkish sentence at a refusal, database-open, backup, phone or import-row site', () => {
    const problems: string[] = [];
    for (const file of files) {
      fs.readFileSync(path.join(root, file), 'utf8').split('\n').forEach((line, i) => {
        if (!SITES.test(line) || line.trim().startsWith('//')) return;
        // A row error's first argument is the field's Turkish label, translated through the label list.
        const withoutLabels = line.replace(/rowError\('[^']*'/g, 'rowError(');
        for (const literal of withoutLabels.match(/'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? []) {
          if (/[çğıöşüÇĞİÖŞÜ]/.test(literal)) problems.push(`${file}:${i + 1}: ${literal}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('has English for the labels a row error names the whole row or the column matching by', () => {
    expect(labelIn('Satır', 'en')).toBe('Row');
    expect(labelIn('Eşleştirme', 'en')).toBe('Column matching');
  });
});

