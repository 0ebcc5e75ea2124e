import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AppError,
  contract,
  ERROR_MESSAGES,
  hasEnglishLabel,
  labelIn,
  MESSAGE_CATALOGUES,
  messageText,
  msg,
  placeholders,
  type AppErrorBody,
} from '../../shared/contract';
import { collectLabels } from '../../shared/contract/errors/walk';
import { createAssociationInput } from '../../shared/contract/registry';
import { missingStepInput } from '../../shared/registry/registration';
import { parseInput } from '../../electron/app/dispatch';
import type * as ApiTypes from '../../renderer/lib/api';
import type * as ErrorsTypes from '../../renderer/lib/errors';

// The catalogue of server messages (shared/contract/errors): every key has a Turkish and an English text with the
// same parameters, every field label has an English form, no AppError site passes raw Turkish text, and the
// renderer shows a message in the interface language from its key, the server's text only for an unknown key.

type ErrorsModule = typeof ErrorsTypes;
type ApiModule = typeof ApiTypes;
let errors: ErrorsModule;
let api: ApiModule;

beforeAll(async () => {
  // renderer/lib/api looks for the preload bridge on load; here there is none.
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', { querySelector: () => null });
  vi.stubGlobal('location', { protocol: 'file:' });
  api = await import('../../renderer/lib/api');
  errors = await import('../../renderer/lib/errors');
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
      if (!/^\{\w+\}$/.test(text.tr)) expect(text.en, `${key} is not translated`).not.toBe(text.tr);
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
